package dev.appdb.bootstrap.config;

import dev.appdb.adapter.jooq.DatabaseTarget;
import dev.appdb.adapter.jooq.MigrationLogin;
import dev.appdb.adapter.jooq.PoolSettings;
import dev.appdb.adapter.jooq.PostgresConnectionSettings;
import dev.appdb.adapter.jooq.PostgresTarget;
import dev.appdb.adapter.jooq.Profile;
import dev.appdb.adapter.jooq.Setting;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The complete, validated configuration of an appdb process. Built by {@link SettingsLoader}.
 *
 * @param profile the profile whose defaults were applied
 * @param database where the data lives, credentials included (never printed)
 * @param migration PostgreSQL: the login that runs migrations and the role it sets; null for the
 *     application's own credentials
 * @param migrateOnStart whether pending migrations run when the process starts
 * @param pool connection pool sizes and timeouts
 * @param postgres PostgreSQL connections' network timeouts and keepalive (unused on SQLite)
 * @param importBatchSize users per unit of work when importing, 1–10000
 * @param databases the named databases beside the application's, watched for health; copied,
 *     (empty when none is declared)
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
   * @param newPool the pool settings to use instead
   * @return a copy with {@code newPool}
   */
  public AppdbSettings withPool(PoolSettings newPool) {
    return new AppdbSettings(profile, database, migration, migrateOnStart, newPool, postgres,
        importBatchSize, databases);
  }

  /**
   * @param newPostgres PostgreSQL's connection settings to use instead
   * @return a copy with {@code newPostgres}
   */
  public AppdbSettings withPostgres(PostgresConnectionSettings newPostgres) {
    return new AppdbSettings(profile, database, migration, migrateOnStart, pool, newPostgres,
        importBatchSize, databases);
  }

  /**
   * The effective settings, as {@link Setting} keys and the values in force (defaults included),
   * for the one line logged at start. Secrets never appear: URLs are shown masked, and a
   * password is shown as whether one is set.
   *
   * @return key to value, in {@link Setting}'s order
   */
  public Map<String, String> effective() {
    Map<String, String> shown = new LinkedHashMap<>();
    shown.put(Setting.PROFILE.key(), profile.name().toLowerCase(Locale.ROOT));
    shown.put(Setting.DATABASE_URL.key(), database.display());
    if (migration != null) {
      shown.put(Setting.DATABASE_MIGRATION_USER.key(), migration.user());
      shown.put(Setting.DATABASE_MIGRATION_ROLE.key(),
          migration.role() == null ? "(the login's own)" : migration.role());
    }
    shown.put(Setting.MIGRATE_ON_START.key(), String.valueOf(migrateOnStart));
    if (database instanceof PostgresTarget) {
      shown.put(Setting.POOLER.key(), postgres.pooler().key());
      shown.put(Setting.CONNECT_TIMEOUT_SECONDS.key(), seconds(postgres.connectTimeout()));
      shown.put(Setting.LOGIN_TIMEOUT_SECONDS.key(), seconds(postgres.loginTimeout()));
      shown.put(Setting.SOCKET_TIMEOUT_SECONDS.key(), seconds(postgres.socketTimeout()));
      shown.put(Setting.TCP_KEEPALIVE.key(), String.valueOf(postgres.tcpKeepAlive()));
      shown.put(Setting.IDLE_IN_TRANSACTION_TIMEOUT_SECONDS.key(),
          seconds(postgres.idleInTransactionTimeout()));
    }
    shown.put(Setting.POOL_NAME.key(), pool.name());
    shown.put(Setting.POOL_SIZE.key(), String.valueOf(pool.poolSize()));
    shown.put(Setting.POOL_MAX_OVERFLOW.key(), String.valueOf(pool.maxOverflow()));
    shown.put(Setting.POOL_TIMEOUT_SECONDS.key(), seconds(pool.poolTimeout()));
    shown.put(Setting.POOL_RECYCLE_SECONDS.key(), seconds(pool.recycle()));
    shown.put(Setting.POOL_IDLE_TIMEOUT_SECONDS.key(), seconds(pool.idleTimeout()));
    shown.put(Setting.STATEMENT_TIMEOUT_SECONDS.key(), seconds(pool.statementTimeout()));
    shown.put(Setting.POOL_LEAK_DETECTION_SECONDS.key(), seconds(pool.leakDetection()));
    pool.hikari().forEach((property, value) -> shown.put(Setting.HIKARI_PREFIX + property,
        value));
    shown.put(Setting.HEALTH_TIMEOUT_MILLIS.key(), String.valueOf(pool.healthTimeout().toMillis()));
    shown.put(Setting.IMPORT_BATCH_SIZE.key(), String.valueOf(importBatchSize));
    for (NamedDatabaseSettings named : databases) {
      shown.put(Setting.NAMED_URL.key(named.name()), named.settings().target().display());
    }
    return shown;
  }

  private static String seconds(Duration duration) {
    return String.valueOf(duration.toSeconds());
  }

  @Override
  public String toString() {
    return "AppdbSettings[profile=" + profile + ", database=" + database.display()
        + ", migration=" + migration + ", migrateOnStart=" + migrateOnStart + ", pool=" + pool + ", postgres=" + postgres
        + ", importBatchSize=" + importBatchSize + ", databases=" + databases + "]";
  }
}
