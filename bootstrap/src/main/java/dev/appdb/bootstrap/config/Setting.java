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
  /** Milliseconds {@code health} and readiness take at most, 100–60000; default 2000. */
  HEALTH_TIMEOUT_MILLIS("health.timeout-ms", "APPDB_HEALTH_TIMEOUT_MS"),
  /** Users per unit of work when importing, 1–10000; default 500. */
  IMPORT_BATCH_SIZE("import.batch-size", "APPDB_IMPORT_BATCH_SIZE");

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
