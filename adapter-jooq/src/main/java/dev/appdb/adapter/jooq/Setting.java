package dev.appdb.adapter.jooq;

import dev.appdb.application.importing.ImportUsers;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting appdb reads, once: its YAML key, its environment variable, the URL query
 * parameter that says the same where there is one, its {@code dev} and {@code prod} defaults, its
 * limits and a one-line description (in the spirit of pgjdbc's {@code PGProperty}). The YAML
 * file, the environment and the command line are read through it, values are checked against it
 * once, and {@code docs/CONFIGURATION.md}'s table is checked against it by a test.
 *
 * <p>Precedence, lowest first: the profile's default, the YAML file, the environment, the
 * command line. Settings under {@code databases.<name>.} declare a named database beside the
 * application's (no environment variable). Errors: the {@code parse} and {@code check} methods
 * throw {@link IllegalArgumentException} whose message names the key, the variable and the limit
 * and never repeats a value of a {@linkplain Kind#SECRET_FILE secret} setting.
 */
public enum Setting {
  /** {@code dev} or {@code prod}: which defaults and rules apply. */
  PROFILE("profile", "APPDB_PROFILE", null, Kind.CHOICE, "dev", "dev",
      "dev or prod: the defaults and rules below (prod: PostgreSQL, verified TLS, secrets from"
          + " files only)", "dev", "prod"),
  /** The database, in JDBC, libpq or SQLAlchemy form. */
  DATABASE_URL("database.url", "DATABASE_URL", null, Kind.URL, "sqlite:///./database.db", null,
      "the database: JDBC, libpq or SQLAlchemy URL (see below); required in"
          + " prod"),
  /** The database user; overrides the URL's. */
  DATABASE_USER("database.user", "DATABASE_USER", "user", Kind.TEXT, null, null,
      "PostgreSQL: overrides the URL's user"),
  /** File holding the database password. */
  DATABASE_PASSWORD_FILE("database.password-file", "DATABASE_PASSWORD_FILE", null,
      Kind.SECRET_FILE, null, null,
      "PostgreSQL: file holding the password (a mounted secret); its trailing"
          + " newline is dropped"),
  /** PostgreSQL: the login that runs migrations, when not the application's. */
  DATABASE_MIGRATION_USER("database.migration-user", "APPDB_MIGRATION_USER", null, Kind.TEXT,
      null, null, "PostgreSQL: the login that runs migrations (and reads the schema's"
          + " state for readiness); unset: the application's own"),
  /** File holding the migration login's password. */
  DATABASE_MIGRATION_PASSWORD_FILE("database.migration-password-file",
      "APPDB_MIGRATION_PASSWORD_FILE", null, Kind.SECRET_FILE, null, null,
      "file holding the migration login's password"),
  /** The role migrations {@code SET} after login. */
  DATABASE_MIGRATION_ROLE("database.migration-role", "APPDB_MIGRATION_ROLE", null, Kind.TEXT,
      Shared.OWNER_ROLE, Shared.OWNER_ROLE, "the role every migration connection SETs first, so"
          + " every migrated object (Flyway's history included) belongs to it; only with a"
          + " migration user; \"\" in YAML for none"),
  /** PostgreSQL: the CA certificate that verifies the server. */
  DATABASE_SSL_ROOT_CERT("database.ssl-root-cert", "APPDB_SSL_ROOT_CERT", "sslrootcert",
      Kind.FILE, null, null, "PostgreSQL: PEM file of the CA that signed the server's certificate;"
          + " required in prod"),
  /** PostgreSQL: the client certificate. */
  DATABASE_SSL_CERT("database.ssl-cert", "APPDB_SSL_CERT", "sslcert", Kind.FILE, null, null,
      "PostgreSQL: client certificate file (not needed with a .p12 key)"),
  /** PostgreSQL: the client key. */
  DATABASE_SSL_KEY("database.ssl-key", "APPDB_SSL_KEY", "sslkey", Kind.FILE, null, null,
      "PostgreSQL: client key, PKCS#8 .pk8 or PKCS#12 .p12"),
  /** File holding the client key's password. */
  DATABASE_SSL_KEY_PASSWORD_FILE("database.ssl-key-password-file",
      "APPDB_SSL_KEY_PASSWORD_FILE", "sslpassword", Kind.SECRET_FILE, null, null,
      "file holding the client key's password"),
  /** prod: accept an sslmode other than verify-full. */
  DATABASE_ALLOW_UNVERIFIED_TLS("database.allow-unverified-tls", "APPDB_ALLOW_UNVERIFIED_TLS",
      null, Kind.BOOLEAN, "false", "false",
      "prod: accept an sslmode other than verify-full (warned at every start)"),
  /** Apply pending migrations at start. */
  MIGRATE_ON_START("database.migrate-on-start", "APPDB_MIGRATE_ON_START", null, Kind.BOOLEAN,
      "true", "false", "apply pending migrations when the process starts"),
  /** PostgreSQL: what sits between the pool and the server. */
  POOLER("database.pooler", "APPDB_POOLER", "pooler", Kind.CHOICE, "none", "none",
      "PostgreSQL: transaction behind a pooler in transaction mode (PgBouncer"
          + " pool_mode = transaction): no named prepared statements, no start-up"
          + " options, both server timeouts per unit (SET LOCAL); see"
          + " docs/OPERATIONS.md", "none", "transaction"),
  /** PostgreSQL: seconds a TCP connect to one host may take. */
  CONNECT_TIMEOUT_SECONDS("database.connect-timeout-seconds", "APPDB_CONNECT_TIMEOUT_SECONDS",
      "connect_timeout", Kind.SECONDS, "10", "10", 1, 3600,
      "PostgreSQL: longest TCP connect to one host (pgjdbc connectTimeout;"
          + " the URL's connect_timeout wins)"),
  /** PostgreSQL: seconds a whole connection set-up may take. */
  LOGIN_TIMEOUT_SECONDS("database.login-timeout-seconds", "APPDB_LOGIN_TIMEOUT_SECONDS",
      "loginTimeout", Kind.SECONDS, "10", "10", 1, 3600,
      "PostgreSQL: longest whole connection set-up, TLS and authentication"
          + " included"),
  /** PostgreSQL: seconds to wait for any answer. */
  SOCKET_TIMEOUT_SECONDS("database.socket-timeout-seconds", "APPDB_SOCKET_TIMEOUT_SECONDS",
      "socketTimeout", Kind.SECONDS, null, null, 1, 86_415,
      "PostgreSQL: longest wait for any answer of the server; default the"
          + " statement timeout + 15; must exceed the statement timeout"),
  /** PostgreSQL: TCP keepalive on idle connections. */
  TCP_KEEPALIVE("database.tcp-keepalive", "APPDB_TCP_KEEPALIVE", "tcpKeepAlive", Kind.BOOLEAN,
      "true", "true", "PostgreSQL: TCP keepalive probes on idle connections (libpq's default;"
          + " keepalives=0 in the URL wins)"),
  /** PostgreSQL: seconds a transaction may sit idle before the server ends it. */
  IDLE_IN_TRANSACTION_TIMEOUT_SECONDS("database.idle-in-transaction-timeout-seconds",
      "APPDB_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS", null, Kind.SECONDS, "60", "60", 0, 86_400,
      "PostgreSQL: the server ends a session whose transaction sat idle this"
          + " long, so a stuck unit cannot hold row locks; 0 off"),
  /** The pool's name in logs, metrics and errors. */
  POOL_NAME("pool.name", "APPDB_POOL_NAME", null, Kind.TEXT, "appdb", "appdb",
      "the pool's name in logs, metrics and errors (HikariCP poolName): 1-64"
          + " of A-Z a-z 0-9 _ . -"),
  /** The seed's {@code pool_size}: connections kept open. */
  POOL_SIZE("pool.size", "APPDB_POOL_SIZE", null, Kind.INTEGER, "5", "20", 1, 1000,
      "connections kept open (the seed's pool_size, HikariCP minimumIdle)"),
  /** The seed's {@code max_overflow}: extra connections under load. */
  POOL_MAX_OVERFLOW("pool.max-overflow", "APPDB_POOL_MAX_OVERFLOW", null, Kind.INTEGER, "0",
      "10", 0, 1000, "extra connections opened under load (the seed's max_overflow)"),
  /** The seed's {@code pool_timeout}: wait for a free connection. */
  POOL_TIMEOUT_SECONDS("pool.timeout-seconds", "APPDB_POOL_TIMEOUT_SECONDS", null, Kind.SECONDS,
      "30", "30", 1, 3600, "wait for a free connection, then PoolExhaustedException (the seed's"
          + " pool_timeout); also SQLite's busy timeout") {
    /** HikariCP's own floor: code may give less than the key's whole second. */
    @Override
    Duration minimumInCode() {
      return Duration.ofMillis(250);
    }
  },
  /** The seed's {@code pool_recycle}: the longest a connection lives. */
  POOL_RECYCLE_SECONDS("pool.recycle-seconds", "APPDB_POOL_RECYCLE_SECONDS", null, Kind.SECONDS,
      "1800", "1800", 30, 86_400, "longest connection life (the seed's pool_recycle, HikariCP"
          + " maxLifetime)"),
  /** Seconds an idle overflow connection lives. */
  POOL_IDLE_TIMEOUT_SECONDS("pool.idle-timeout-seconds", "APPDB_POOL_IDLE_TIMEOUT_SECONDS",
      null, Kind.SECONDS, "600", "600", 10, 86_400,
      "idle overflow connections retire after this; at least 1 s below"
          + " pool.recycle-seconds"),
  /** The seed's statement timeout. */
  STATEMENT_TIMEOUT_SECONDS("pool.statement-timeout-seconds", "APPDB_STATEMENT_TIMEOUT_SECONDS",
      null, Kind.SECONDS, "30", "30", 1, 86_400,
      "per-statement timeout, then QueryTimeoutException; PostgreSQL: the"
          + " server's statement_timeout on every connection; SQLite: a statement"
          + " running longer is interrupted"),
  /** Seconds a connection may stay checked out before HikariCP logs a leak. */
  POOL_LEAK_DETECTION_SECONDS("pool.leak-detection-seconds",
      "APPDB_POOL_LEAK_DETECTION_SECONDS", null, Kind.SECONDS, "0", "0", 0, 86_400,
      "a connection checked out longer than this is logged as a possible leak"
          + " with the stack of its checkout; 0 off, else 2 and up, below"
          + " pool.recycle-seconds"),
  /** Milliseconds {@code health} and readiness take at most. */
  HEALTH_TIMEOUT_MILLIS("health.timeout-ms", "APPDB_HEALTH_TIMEOUT_MS", null, Kind.MILLISECONDS,
      "2000", "2000", 100, 60_000, "the longest a health or readiness check takes, whatever the"
          + " database"
          + " does; the CLI's health bounds every wait on the database by it"),
  /** Users per unit of work when importing. */
  IMPORT_BATCH_SIZE("import.batch-size", "APPDB_IMPORT_BATCH_SIZE", null, Kind.INTEGER,
      String.valueOf(ImportUsers.DEFAULT_BATCH_SIZE),
      String.valueOf(ImportUsers.DEFAULT_BATCH_SIZE),
      1, 10_000, "users per unit of work in import-realm"),
  /** {@code provision}: the administrator's URL. */
  PROVISION_ADMIN_URL("provision.admin-url", "APPDB_PROVISION_ADMIN_URL", null, Kind.URL, null,
      null, "provision: the administrator's PostgreSQL URL, no password in it (required)"),
  /** {@code provision}: the administrator. */
  PROVISION_ADMIN_USER("provision.admin-user", "APPDB_PROVISION_ADMIN_USER", null, Kind.TEXT,
      "postgres", "postgres", "provision: the administrator; overrides the URL's"),
  /** {@code provision}: file holding the administrator's password. */
  PROVISION_ADMIN_PASSWORD_FILE("provision.admin-password-file",
      "APPDB_PROVISION_ADMIN_PASSWORD_FILE", null, Kind.SECRET_FILE, null, null,
      "provision: file holding the administrator's password"),
  /** {@code provision}: the application's database. */
  PROVISION_DATABASE("provision.database", "APPDB_PROVISION_DATABASE", null, Kind.TEXT, "appdb",
      "appdb", "provision: the application's database"),
  /** {@code provision}: the NOLOGIN owner role. */
  PROVISION_OWNER_ROLE("provision.owner-role", "APPDB_PROVISION_OWNER_ROLE", null, Kind.TEXT,
      Shared.OWNER_ROLE, Shared.OWNER_ROLE, "provision: the NOLOGIN role that owns schema app"),
  /** {@code provision}: the migration login. */
  PROVISION_MIGRATION_ROLE("provision.migration-role", "APPDB_PROVISION_MIGRATION_ROLE", null,
      Kind.TEXT, "appmigrator", "appmigrator", "provision: the migration login"),
  /** {@code provision}: the application login. */
  PROVISION_APPLICATION_ROLE("provision.application-role", "APPDB_PROVISION_APPLICATION_ROLE",
      null, Kind.TEXT, "appuser", "appuser", "provision: the application login"),
  /** {@code provision}: the read-only backup login. */
  PROVISION_BACKUP_ROLE("provision.backup-role", "APPDB_PROVISION_BACKUP_ROLE", null, Kind.TEXT,
      "backupuser", "backupuser", "provision: the read-only backup login"),
  /** {@code provision}: the login owning the Temporal databases. */
  PROVISION_TEMPORAL_ROLE("provision.temporal-role", "APPDB_PROVISION_TEMPORAL_ROLE", null,
      Kind.TEXT, "temporal", "temporal", "provision: the login owning the Temporal databases"),
  /** {@code provision}: the Temporal databases. */
  PROVISION_TEMPORAL_DATABASES("provision.temporal-databases",
      "APPDB_PROVISION_TEMPORAL_DATABASES", null, Kind.LIST, "temporal,temporal_visibility",
      "temporal,temporal_visibility", "provision: the Temporal databases, comma-separated;"
          + " empty for none"),
  /** {@code provision}: file holding the migration login's password. */
  PROVISION_MIGRATION_PASSWORD_FILE("provision.migration-password-file",
      "APPDB_PROVISION_MIGRATION_PASSWORD_FILE", null, Kind.SECRET_FILE, null, null,
      "provision: file holding the migration login's password"),
  /** {@code provision}: file holding the application login's password. */
  PROVISION_APPLICATION_PASSWORD_FILE("provision.application-password-file",
      "APPDB_PROVISION_APPLICATION_PASSWORD_FILE", null, Kind.SECRET_FILE, null, null,
      "provision: file holding the application login's password"),
  /** {@code provision}: file holding the backup login's password. */
  PROVISION_BACKUP_PASSWORD_FILE("provision.backup-password-file",
      "APPDB_PROVISION_BACKUP_PASSWORD_FILE", null, Kind.SECRET_FILE, null, null,
      "provision: file holding the backup login's password"),
  /** {@code provision}: file holding the Temporal login's password. */
  PROVISION_TEMPORAL_PASSWORD_FILE("provision.temporal-password-file",
      "APPDB_PROVISION_TEMPORAL_PASSWORD_FILE", null, Kind.SECRET_FILE, null, null,
      "provision: file holding the Temporal login's password"),
  /** A named database's URL. */
  NAMED_URL("databases.<name>.url", null, null, Kind.URL, null, null,
      "a named database beside the application's (e.g. temporal): its URL (required)"),
  /** A named database's user. */
  NAMED_USER("databases.<name>.user", null, "user", Kind.TEXT, null, null,
      "its user; overrides the URL's"),
  /** File holding a named database's password. */
  NAMED_PASSWORD_FILE("databases.<name>.password-file", null, null, Kind.SECRET_FILE, null, null,
      "file holding its password"),
  /** Whether a named database's failure makes readiness fail. */
  NAMED_REQUIRED("databases.<name>.required", null, null, Kind.BOOLEAN, "true", "true",
      "whether readiness fails when it does not answer"),
  /** A named database's CA certificate. */
  NAMED_SSL_ROOT_CERT("databases.<name>.ssl-root-cert", null, "sslrootcert", Kind.FILE, null,
      null, "its CA certificate; default database.ssl-root-cert"),
  /** A named database's pool size. */
  NAMED_POOL_SIZE("databases.<name>.pool.size", null, null, Kind.INTEGER, "1", "1", 1, 100,
      "its connections, opened on demand"),
  /** A named database's overflow. */
  NAMED_POOL_MAX_OVERFLOW("databases.<name>.pool.max-overflow", null, null, Kind.INTEGER, "0",
      "0", 0, 100, "its extra connections under load"),
  /** A named database's checkout timeout. */
  NAMED_POOL_TIMEOUT_SECONDS("databases.<name>.pool.timeout-seconds", null, null, Kind.SECONDS,
      "5", "5", 1, 3600, "seconds a unit waits for one of its connections"),
  /** A named database's health timeout. */
  NAMED_HEALTH_TIMEOUT_MILLIS("databases.<name>.health-timeout-ms", null, null,
      Kind.MILLISECONDS, null, null, 100, 60_000,
      "milliseconds its health check takes at most; default health.timeout-ms");

  /** A default two settings share, written once. */
  private static final class Shared {
    /** The owner role provision makes and migrations set. */
    static final String OWNER_ROLE = "appowner";
  }

  /** What a setting's value is. */
  public enum Kind {
    /** Free text. */
    TEXT,
    /** One of the listed values, case-insensitive. */
    CHOICE,
    /** A database URL; shown masked. */
    URL,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** A whole number within the limits. */
    INTEGER,
    /** Whole seconds within the limits. */
    SECONDS,
    /** Whole milliseconds within the limits. */
    MILLISECONDS,
    /** A readable file. */
    FILE,
    /** A readable file holding a secret; the secret is never shown. */
    SECRET_FILE,
    /** Comma-separated values. */
    LIST
  }

  /** The prefix of the keys of the named databases: {@code databases.<name>.<key>}. */
  public static final String NAMED_PREFIX = "databases.";

  /** The placeholder of a named database's name in {@link #key()}. */
  public static final String NAME_PLACEHOLDER = "<name>";

  /** YAML keys below this one pass through to HikariCP by their bean property name. */
  public static final String HIKARI_PREFIX = "pool.hikari.";

  private final String key;
  private final String environmentVariable;
  private final String urlParameter;
  private final Kind kind;
  private final String developmentDefault;
  private final String productionDefault;
  private final long minimum;
  private final long maximum;
  private final String description;
  private final List<String> choices;

  Setting(String key, String environmentVariable, String urlParameter, Kind kind,
      String developmentDefault, String productionDefault, String description,
      String... choices) {
    this(key, environmentVariable, urlParameter, kind, developmentDefault, productionDefault, 0,
        0, description, choices);
  }

  Setting(String key, String environmentVariable, String urlParameter, Kind kind,
      String developmentDefault, String productionDefault, long minimum, long maximum,
      String description, String... choices) {
    this.key = key;
    this.environmentVariable = environmentVariable;
    this.urlParameter = urlParameter;
    this.kind = kind;
    this.developmentDefault = developmentDefault;
    this.productionDefault = productionDefault;
    this.minimum = minimum;
    this.maximum = maximum;
    this.description = description;
    this.choices = List.of(choices);
  }

  /**
   * @return the dotted YAML key, e.g. {@code pool.size}; a named database's holds {@code <name>}
   */
  public String key() {
    return key;
  }

  /**
   * @return the environment variable, e.g. {@code APPDB_POOL_SIZE}; empty for a named database's
   */
  public Optional<String> environmentVariable() {
    return Optional.ofNullable(environmentVariable);
  }

  /**
   * @return the URL query parameter that says the same, where the URL may carry it (e.g.
   *     {@code sslrootcert}, {@code pooler}); empty otherwise
   */
  public Optional<String> urlParameter() {
    return Optional.ofNullable(urlParameter);
  }

  /** @return what the value is */
  public Kind kind() {
    return kind;
  }

  /**
   * @param profile the profile whose default is asked for
   * @return the default under it, as written in YAML; empty when there is none (unset, or
   *     derived from another setting as the description says)
   */
  public Optional<String> defaultValue(Profile profile) {
    return Optional.ofNullable(profile == Profile.PROD ? productionDefault : developmentDefault);
  }

  /** @return the smallest value, in the setting's unit; 0 for kinds without limits */
  public long minimum() {
    return minimum;
  }

  /** @return the largest value, in the setting's unit; 0 for kinds without limits */
  public long maximum() {
    return maximum;
  }

  /** @return the values a {@link Kind#CHOICE} takes, lower case; empty for other kinds */
  public List<String> choices() {
    return choices;
  }

  /** @return one line saying what the setting does */
  public String description() {
    return description;
  }

  /** @return {@code "pool.size (APPDB_POOL_SIZE)"}, for messages */
  public String label() {
    return environmentVariable == null ? key : key + " (" + environmentVariable + ")";
  }

  /** @return whether the setting belongs to a named database ({@code databases.<name>.}) */
  public boolean named() {
    return key.startsWith(NAMED_PREFIX);
  }

  /**
   * @param named the named database's name
   * @return the key with the name in place, e.g. {@code databases.temporal.url}
   * @throws IllegalStateException when the setting is not a named database's
   */
  public String key(String named) {
    if (!named()) {
      throw new IllegalStateException(key + " is not a named database's setting");
    }
    return key.replace(NAME_PLACEHOLDER, named);
  }

  /**
   * @param key a YAML key
   * @return the setting of that key (not a named database's), if any
   */
  public static Optional<Setting> forKey(String key) {
    return Arrays.stream(values()).filter(s -> !s.named() && s.key.equals(key)).findFirst();
  }

  /**
   * @param rest what follows {@code databases.<name>.}, e.g. {@code pool.size}
   * @return the named database's setting of that key, if any
   */
  public static Optional<Setting> forNamedKey(String rest) {
    String suffix = "." + rest;
    return Arrays.stream(values())
        .filter(s -> s.named() && s.key.endsWith(suffix)
            && s.key.length()
                == NAMED_PREFIX.length() + NAME_PLACEHOLDER.length() + suffix.length())
        .findFirst();
  }

  /**
   * @param value the value as written, e.g. {@code " 20 "}
   * @return the integer, within the limits
   * @throws IllegalArgumentException naming the setting and its limits
   */
  public int parseInt(String value) {
    return parseInt(label(), value);
  }

  /**
   * @param label how to name the setting in a message, e.g. {@code databases.temporal.pool.size}
   * @param value the value as written
   * @return the integer, within the limits
   * @throws IllegalArgumentException naming {@code label} and the limits
   */
  public int parseInt(String label, String value) {
    requireNumeric();
    try {
      long parsed = Long.parseLong(value.strip());
      if (parsed >= minimum && parsed <= maximum) {
        return (int) parsed;
      }
    } catch (NumberFormatException e) {
      // reported below with the limits
    }
    throw new IllegalArgumentException(label + " must be an integer from " + minimum + " to "
        + maximum + unit() + ", was '" + value + "'");
  }

  /**
   * @param value the value as written, in the setting's unit
   * @return the duration, within the limits
   * @throws IllegalArgumentException naming the setting and its limits
   */
  public Duration parseDuration(String value) {
    return parseDuration(label(), value);
  }

  /**
   * @param label how to name the setting in a message
   * @param value the value as written, in the setting's unit
   * @return the duration, within the limits
   * @throws IllegalArgumentException naming {@code label} and the limits
   */
  public Duration parseDuration(String label, String value) {
    return Duration.of(parseInt(label, value), chronoUnit());
  }

  /**
   * Checks a value given in code against the setting's limits (a duration finer than the
   * setting's unit is kept as given).
   *
   * @param value the value
   * @return {@code value}
   * @throws IllegalArgumentException naming the setting and its limits when it is outside them
   *     or null
   */
  public Duration check(Duration value) {
    requireDuration();
    Duration min = minimumInCode();
    Duration max = Duration.of(maximum, chronoUnit());
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(label() + " must be from " + show(min) + " to "
          + maximum + unit() + ", was " + (value == null ? "missing" : show(value)));
    }
    Duration unit = Duration.of(1, chronoUnit());
    if (minimum == 0 && !value.isZero() && value.compareTo(unit) < 0) {
      // sent in whole units, it would become 0, which means off
      throw new IllegalArgumentException(label() + " must be 0 (off) or at least " + show(unit)
          + ", was " + show(value));
    }
    return value;
  }

  /**
   * @return the smallest duration code may give: the key's minimum, unless the setting allows
   *     finer values in code than its key's unit (the pool timeout: 250 ms)
   */
  Duration minimumInCode() {
    return Duration.of(minimum, chronoUnit());
  }


  /**
   * @param value the value given in code
   * @return {@code value}
   * @throws IllegalArgumentException naming the setting and its limits when it is outside them
   */
  public int check(int value) {
    requireNumeric();
    if (value < minimum || value > maximum) {
      throw new IllegalArgumentException(label() + " must be from " + minimum + " to " + maximum
          + unit() + ", was " + value);
    }
    return value;
  }

  /**
   * @param value the value as written
   * @return {@code true} or {@code false}
   * @throws IllegalArgumentException naming the setting when it is neither
   */
  public boolean parseBoolean(String value) {
    return parseBoolean(label(), value);
  }

  /**
   * @param label how to name the setting in a message
   * @param value the value as written
   * @return {@code true} or {@code false}
   * @throws IllegalArgumentException naming {@code label} when it is neither
   */
  public boolean parseBoolean(String label, String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(
          label + " must be true or false, was '" + value + "'");
    };
  }

  /**
   * @param value the value as written
   * @return the choice, lower case
   * @throws IllegalArgumentException naming the setting and the choices when it is none of them
   */
  public String parseChoice(String value) {
    String normalised = value.strip().toLowerCase(Locale.ROOT);
    if (!choices.contains(normalised)) {
      throw new IllegalArgumentException(label() + " must be " + String.join(" or ", choices)
          + ", was '" + value + "'");
    }
    return normalised;
  }

  /**
   * @param profile the profile
   * @return the default as an integer (or a duration's count in the setting's unit)
   * @throws IllegalStateException when the setting has no numeric default under the profile
   */
  public int defaultInt(Profile profile) {
    return Integer.parseInt(defaultValue(profile).orElseThrow(
        () -> new IllegalStateException(key + " has no default")));
  }

  /**
   * @param profile the profile
   * @return the default as a duration
   * @throws IllegalStateException when the setting is not a duration or has no default
   */
  public Duration defaultDuration(Profile profile) {
    requireDuration();
    return Duration.of(defaultInt(profile), chronoUnit());
  }

  /**
   * @param profile the profile
   * @return the default as a boolean
   * @throws IllegalStateException when the setting has no default
   */
  public boolean defaultBoolean(Profile profile) {
    return Boolean.parseBoolean(defaultValue(profile).orElseThrow(
        () -> new IllegalStateException(key + " has no default")));
  }

  /** @return the unit's suffix in messages: {@code " s"}, {@code " ms"} or nothing */
  private String unit() {
    return switch (kind) {
      case SECONDS -> " s";
      case MILLISECONDS -> " ms";
      default -> "";
    };
  }

  private ChronoUnit chronoUnit() {
    return kind == Kind.MILLISECONDS ? ChronoUnit.MILLIS : ChronoUnit.SECONDS;
  }

  private void requireNumeric() {
    if (kind != Kind.INTEGER && kind != Kind.SECONDS && kind != Kind.MILLISECONDS) {
      throw new IllegalStateException(key + " is not a number");
    }
  }

  private void requireDuration() {
    if (kind != Kind.SECONDS && kind != Kind.MILLISECONDS) {
      throw new IllegalStateException(key + " is not a duration");
    }
  }

  private String show(Duration value) {
    return kind == Kind.MILLISECONDS || value.toMillis() % 1000 != 0
        ? value.toMillis() + " ms" : value.toSeconds() + " s";
  }
}
