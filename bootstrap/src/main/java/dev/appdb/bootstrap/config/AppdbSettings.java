package dev.appdb.bootstrap.config;

import dev.appdb.adapter.jooq.pool.PoolSettings;
import dev.appdb.adapter.jooq.postgres.MigrationLogin;
import dev.appdb.adapter.jooq.postgres.PostgresConnectionSettings;
import dev.appdb.adapter.jooq.url.DatabaseTarget;
import java.util.List;
import java.util.Objects;

/**
 * The complete, validated configuration of an appdb process. Built by {@link SettingsLoader}.
 *
 * @param profile the profile whose defaults were applied, never null
 * @param database where the data lives, credentials included (never printed), never null
 * @param migration PostgreSQL: the login that runs migrations and the role it sets; null for the
 *     application's own credentials
 * @param migrateOnStart whether pending migrations run when the process starts
 * @param pool connection pool sizes and timeouts, never null
 * @param postgres PostgreSQL connections' network timeouts and keepalive (unused on SQLite),
 *     never null
 * @param importBatchSize users per unit of work when importing, 1–10000
 * @param databases the named databases beside the application's, watched for health; copied,
 *     never null (empty when none is declared)
 */
public record AppdbSettings(
    Profile profile,
    DatabaseTarget database,
    MigrationLogin migration,
    boolean migrateOnStart,
    PoolSettings pool,
    PostgresConnectionSettings postgres,
    int importBatchSize,
    List<NamedDatabaseSettings> databases) {

  /** @throws NullPointerException when a component is null */
  public AppdbSettings {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(postgres, "postgres");
    databases = List.copyOf(databases);
  }

  /**
   * @param newPool the pool settings to use instead, never null
   * @return a copy with {@code newPool}
   */
  public AppdbSettings withPool(PoolSettings newPool) {
    return new AppdbSettings(profile, database, migration, migrateOnStart, newPool, postgres,
        importBatchSize, databases);
  }

  /**
   * @param newPostgres PostgreSQL's connection settings to use instead, never null
   * @return a copy with {@code newPostgres}
   */
  public AppdbSettings withPostgres(PostgresConnectionSettings newPostgres) {
    return new AppdbSettings(profile, database, migration, migrateOnStart, pool, newPostgres,
        importBatchSize, databases);
  }

  @Override
  public String toString() {
    return "AppdbSettings[profile=" + profile + ", database=" + database.display()
        + ", migration=" + migration + ", migrateOnStart=" + migrateOnStart + ", pool=" + pool + ", postgres=" + postgres
        + ", importBatchSize=" + importBatchSize + ", databases=" + databases + "]";
  }
}
