package dev.appdb.adapter.jooq;

/**
 * A set of defaults and rules, like the seed's dev / prod modes, selected by
 * {@link Setting#PROFILE}. Each {@link Setting} says its default under each; explicit settings
 * always win over a profile's defaults.
 */
public enum Profile {
  /**
   * Development: the SQLite file {@code ./database.db} unless a URL is given, pool 5 (no
   * overflow), migrations at start, human-readable logs.
   */
  DEV,
  /**
   * Production: a PostgreSQL URL required, pool 20 + 10, TLS with the server's certificate and
   * host name verified ({@code sslmode=verify-full} and a root certificate, unless
   * {@link Setting#DATABASE_ALLOW_UNVERIFIED_TLS}), passwords from files only, JSON logs,
   * migrations at start off (run {@code init-db} from a deploy job as the migration login).
   */
  PROD
}
