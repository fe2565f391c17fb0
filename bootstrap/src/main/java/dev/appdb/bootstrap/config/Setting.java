package dev.appdb.bootstrap.config;

/**
 * Every setting appdb reads, with its YAML key and its environment variable. Precedence, lowest
 * first: the profile's default, the YAML file, the environment, the command line.
 */
public enum Setting {
  /** {@code dev} or {@code prod}; default {@code dev}. */
  PROFILE("profile", "APPDB_PROFILE"),
  /** The database, in JDBC, libpq or SQLAlchemy form; default {@code sqlite:///./database.db}. */
  DATABASE_URL("database.url", "DATABASE_URL"),
  /** Database user; overrides the URL's. */
  DATABASE_USER("database.user", "DATABASE_USER"),
  /** File holding the database password (a mounted secret); its trailing newline is dropped. */
  DATABASE_PASSWORD_FILE("database.password-file", "DATABASE_PASSWORD_FILE"),
  /** PostgreSQL: the login that runs migrations, when not the application's (e.g. appmigrator). */
  DATABASE_MIGRATION_USER("database.migration-user", "APPDB_MIGRATION_USER"),
  /** File holding the migration login's password; its trailing newline is dropped. */
  DATABASE_MIGRATION_PASSWORD_FILE("database.migration-password-file",
      "APPDB_MIGRATION_PASSWORD_FILE"),
  /** The role migrations {@code SET} after login; default appowner when a migration user is set. */
  DATABASE_MIGRATION_ROLE("database.migration-role", "APPDB_MIGRATION_ROLE"),
  /** PostgreSQL: the CA certificate file that verifies the server ({@code sslrootcert}). */
  DATABASE_SSL_ROOT_CERT("database.ssl-root-cert", "APPDB_SSL_ROOT_CERT"),
  /** PostgreSQL: the client certificate file, PEM or DER ({@code sslcert}; not for .p12 keys). */
  DATABASE_SSL_CERT("database.ssl-cert", "APPDB_SSL_CERT"),
  /** PostgreSQL: the client key file, PKCS#8 .pk8 or PKCS#12 .p12 ({@code sslkey}). */
  DATABASE_SSL_KEY("database.ssl-key", "APPDB_SSL_KEY"),
  /** File holding the client key's password ({@code sslpassword}). */
  DATABASE_SSL_KEY_PASSWORD_FILE("database.ssl-key-password-file",
      "APPDB_SSL_KEY_PASSWORD_FILE"),
  /** prod: accept an sslmode other than verify-full (warned at every start); default false. */
  DATABASE_ALLOW_UNVERIFIED_TLS("database.allow-unverified-tls", "APPDB_ALLOW_UNVERIFIED_TLS"),
  /** Apply pending migrations at start: {@code true}/{@code false}; dev true, prod false. */
  MIGRATE_ON_START("database.migrate-on-start", "APPDB_MIGRATE_ON_START"),
  /** The pool's name in logs, metrics and errors; default {@code appdb}. */
  POOL_NAME("pool.name", "APPDB_POOL_NAME"),
  /** Seconds a connection may stay checked out before HikariCP logs a leak; 0 off (default). */
  POOL_LEAK_DETECTION_SECONDS("pool.leak-detection-seconds", "APPDB_POOL_LEAK_DETECTION_SECONDS"),
  /** The seed's {@code pool_size}: connections kept open, 1–1000; dev 5, prod 20. */
  POOL_SIZE("pool.size", "APPDB_POOL_SIZE"),
  /** The seed's {@code max_overflow}: extra connections under load, 0–1000; dev 0, prod 10. */
  POOL_MAX_OVERFLOW("pool.max-overflow", "APPDB_POOL_MAX_OVERFLOW"),
  /** The seed's {@code pool_timeout} in seconds: wait for a free connection; default 30. */
  POOL_TIMEOUT_SECONDS("pool.timeout-seconds", "APPDB_POOL_TIMEOUT_SECONDS"),
  /** The seed's {@code pool_recycle} in seconds: longest connection life; default 1800. */
  POOL_RECYCLE_SECONDS("pool.recycle-seconds", "APPDB_POOL_RECYCLE_SECONDS"),
  /** Seconds an idle overflow connection lives before it is retired; default 600. */
  POOL_IDLE_TIMEOUT_SECONDS("pool.idle-timeout-seconds", "APPDB_POOL_IDLE_TIMEOUT_SECONDS"),
  /** The seed's statement timeout in seconds; default 30. */
  STATEMENT_TIMEOUT_SECONDS("pool.statement-timeout-seconds", "APPDB_STATEMENT_TIMEOUT_SECONDS"),
  /** PostgreSQL: seconds a TCP connect to one host may take; default 10. */
  CONNECT_TIMEOUT_SECONDS("database.connect-timeout-seconds", "APPDB_CONNECT_TIMEOUT_SECONDS"),
  /** PostgreSQL: seconds a whole connection set-up (TLS, login) may take; default 10. */
  LOGIN_TIMEOUT_SECONDS("database.login-timeout-seconds", "APPDB_LOGIN_TIMEOUT_SECONDS"),
  /** PostgreSQL: seconds to wait for any answer; default the statement timeout + 15. */
  SOCKET_TIMEOUT_SECONDS("database.socket-timeout-seconds", "APPDB_SOCKET_TIMEOUT_SECONDS"),
  /** PostgreSQL: TCP keepalive on idle connections, {@code true}/{@code false}; default true. */
  TCP_KEEPALIVE("database.tcp-keepalive", "APPDB_TCP_KEEPALIVE"),
  /** PostgreSQL: seconds a transaction may sit idle before the server ends it; 0 off; default 60. */
  IDLE_IN_TRANSACTION_TIMEOUT_SECONDS("database.idle-in-transaction-timeout-seconds",
      "APPDB_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS"),
  /**
   * PostgreSQL: what sits between the pool and the server, {@code none} or {@code transaction}
   * (PgBouncer {@code pool_mode = transaction}); default none. The URL's {@code pooler} says the
   * same.
   */
  POOLER("database.pooler", "APPDB_POOLER"),
  /** Milliseconds {@code health} and readiness take at most, 100–60000; default 2000. */
  HEALTH_TIMEOUT_MILLIS("health.timeout-ms", "APPDB_HEALTH_TIMEOUT_MS"),
  /** Users per unit of work when importing, 1–10000; default 500. */
  IMPORT_BATCH_SIZE("import.batch-size", "APPDB_IMPORT_BATCH_SIZE"),
  /** {@code provision}: the administrator's URL (no password in it), e.g. postgresql://db/postgres. */
  PROVISION_ADMIN_URL("provision.admin-url", "APPDB_PROVISION_ADMIN_URL"),
  /** {@code provision}: the administrator; overrides the URL's user; default postgres. */
  PROVISION_ADMIN_USER("provision.admin-user", "APPDB_PROVISION_ADMIN_USER"),
  /** {@code provision}: file holding the administrator's password. */
  PROVISION_ADMIN_PASSWORD_FILE("provision.admin-password-file",
      "APPDB_PROVISION_ADMIN_PASSWORD_FILE"),
  /** {@code provision}: the application's database; default appdb. */
  PROVISION_DATABASE("provision.database", "APPDB_PROVISION_DATABASE"),
  /** {@code provision}: the NOLOGIN owner role; default appowner. */
  PROVISION_OWNER_ROLE("provision.owner-role", "APPDB_PROVISION_OWNER_ROLE"),
  /** {@code provision}: the migration login; default appmigrator. */
  PROVISION_MIGRATION_ROLE("provision.migration-role", "APPDB_PROVISION_MIGRATION_ROLE"),
  /** {@code provision}: the application login; default appuser. */
  PROVISION_APPLICATION_ROLE("provision.application-role", "APPDB_PROVISION_APPLICATION_ROLE"),
  /** {@code provision}: the read-only backup login; default backupuser. */
  PROVISION_BACKUP_ROLE("provision.backup-role", "APPDB_PROVISION_BACKUP_ROLE"),
  /** {@code provision}: the login owning the Temporal databases; default temporal. */
  PROVISION_TEMPORAL_ROLE("provision.temporal-role", "APPDB_PROVISION_TEMPORAL_ROLE"),
  /** {@code provision}: comma-separated; default temporal,temporal_visibility; empty for none. */
  PROVISION_TEMPORAL_DATABASES("provision.temporal-databases",
      "APPDB_PROVISION_TEMPORAL_DATABASES"),
  /** {@code provision}: file holding the migration login's password. */
  PROVISION_MIGRATION_PASSWORD_FILE("provision.migration-password-file",
      "APPDB_PROVISION_MIGRATION_PASSWORD_FILE"),
  /** {@code provision}: file holding the application login's password. */
  PROVISION_APPLICATION_PASSWORD_FILE("provision.application-password-file",
      "APPDB_PROVISION_APPLICATION_PASSWORD_FILE"),
  /** {@code provision}: file holding the backup login's password. */
  PROVISION_BACKUP_PASSWORD_FILE("provision.backup-password-file",
      "APPDB_PROVISION_BACKUP_PASSWORD_FILE"),
  /** {@code provision}: file holding the Temporal login's password. */
  PROVISION_TEMPORAL_PASSWORD_FILE("provision.temporal-password-file",
      "APPDB_PROVISION_TEMPORAL_PASSWORD_FILE");

  private final String key;
  private final String environmentVariable;

  Setting(String key, String environmentVariable) {
    this.key = key;
    this.environmentVariable = environmentVariable;
  }

  /** @return the dotted YAML key, e.g. {@code pool.size} */
  public String key() {
    return key;
  }

  /** @return the environment variable, e.g. {@code APPDB_POOL_SIZE} */
  public String environmentVariable() {
    return environmentVariable;
  }

  /** @return {@code "pool.size (APPDB_POOL_SIZE)"}, for messages */
  public String label() {
    return key + " (" + environmentVariable + ")";
  }
}
