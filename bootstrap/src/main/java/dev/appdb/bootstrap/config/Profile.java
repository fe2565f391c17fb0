package dev.appdb.bootstrap.config;

/**
 * A set of defaults, like the seed's dev / prod modes. Selected by {@code APPDB_PROFILE} or
 * {@code profile:} in the YAML file; explicit settings always win over a profile's defaults.
 */
public enum Profile {
  /**
   * Development: SQLite file {@code ./database.db}, pool 5 (no overflow), migrations at start,
   * human-readable logs, SQL statements logged at DEBUG ({@code --verbose}).
   */
  DEV,
  /**
   * Production: PostgreSQL required, pool 20 + 10, TLS required ({@code sslmode} at least
   * {@code require}), JSON logs, migrations at start off (run {@code init-db} from a deploy job
   * with the migration role).
   */
  PROD
}
