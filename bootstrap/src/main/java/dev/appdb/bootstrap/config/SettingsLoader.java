package dev.appdb.bootstrap.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.appdb.adapter.jooq.factory.DatabaseSettings;
import dev.appdb.adapter.jooq.pool.PoolSettings;
import dev.appdb.adapter.jooq.postgres.MigrationLogin;
import dev.appdb.adapter.jooq.postgres.PostgresConnectionSettings;
import dev.appdb.adapter.jooq.postgres.Pooler;
import dev.appdb.adapter.jooq.provision.ProvisionPlan;
import dev.appdb.adapter.jooq.url.DatabaseTarget;
import dev.appdb.adapter.jooq.url.DatabaseUrls;
import dev.appdb.adapter.jooq.url.InvalidDatabaseUrlException;
import dev.appdb.adapter.jooq.url.PostgresTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds {@link AppdbSettings} from, lowest precedence first: the profile's defaults, a YAML file,
 * the environment, and command-line overrides. With nothing configured the result is the
 * {@code dev} profile on the SQLite file {@code ./database.db}.
 */
public final class SettingsLoader {

  /** The database used when nothing is configured. */
  public static final String DEFAULT_DATABASE_URL = "sqlite:///./database.db";

  /** The environment variable that names the YAML file. */
  public static final String CONFIG_VARIABLE = "APPDB_CONFIG";

  /** The YAML file read from the working directory when {@code APPDB_CONFIG} is not set. */
  public static final String LOCAL_FILE = "appdb.yaml";

  /** The prod profile's sslmode: TLS with the certificate and the host name checked. */
  public static final String VERIFIED_SSL_MODE = "verify-full";

  /** YAML keys below this one pass through to HikariCP by their bean property name. */
  public static final String HIKARI_PREFIX = "pool.hikari.";

  /** YAML keys below this one declare named databases: {@code databases.<name>.<key>}. */
  public static final String DATABASES_PREFIX = "databases.";

  /** The keys a named database takes. */
  static final List<String> NAMED_KEYS = List.of("url", "user", "password-file", "required",
      "ssl-root-cert", "pool.size", "pool.max-overflow", "pool.timeout-seconds",
      "health-timeout-ms");

  private final Map<Setting, String> values = new EnumMap<>(Setting.class);
  private final Map<String, String> hikari = new TreeMap<>();
  /** {@code databases.<name>.<key>}: the named databases' own keys, by name. */
  private final Map<String, Map<String, String>> named = new TreeMap<>();

  private SettingsLoader() {}

  /**
   * The settings an embedding service or the CLI starts with: the YAML file named by
   * {@code APPDB_CONFIG}, else {@code ./appdb.yaml} when it exists, then the environment.
   *
   * @param environment the process environment, e.g. {@code System.getenv()}
   * @return the validated settings
   * @throws ConfigurationException naming the setting and its limit when something is wrong
   */
  public static AppdbSettings load(Map<String, String> environment) {
    return load(configurationFile(environment), environment, Map.of());
  }

  /**
   * @param environment the process environment
   * @return the YAML file named by {@code APPDB_CONFIG}, else {@code ./appdb.yaml} when it
   *     exists, else null
   */
  public static Path configurationFile(Map<String, String> environment) {
    String named = environment.get(CONFIG_VARIABLE);
    if (named != null && !named.isBlank()) {
      return Path.of(named.strip());
    }
    Path local = Path.of(LOCAL_FILE);
    return Files.isRegularFile(local) ? local : null;
  }

  /**
   * @param yamlFile a YAML file of {@link Setting} keys, or null for none
   * @param environment the process environment (only {@link Setting}'s variables are read)
   * @param overrides values from the command line, highest precedence
   * @return the validated settings
   * @throws ConfigurationException naming the setting and its limit when something is wrong
   */
  public static AppdbSettings load(Path yamlFile, Map<String, String> environment,
      Map<Setting, String> overrides) {
    return collect(yamlFile, environment, overrides).build();
  }

  /**
   * The settings of {@code appdb provision}: {@code provision.*} and the TLS files of
   * {@code database.*}; {@code database.url} is not needed.
   *
   * @param yamlFile a YAML file of {@link Setting} keys, or null for none
   * @param environment the process environment
   * @param overrides values from the command line, highest precedence
   * @return the validated settings, passwords read from their files
   * @throws ConfigurationException naming the setting and its limit when something is wrong
   */
  public static ProvisionSettings loadProvisioning(Path yamlFile,
      Map<String, String> environment, Map<Setting, String> overrides) {
    return collect(yamlFile, environment, overrides).buildProvisioning();
  }

  private static SettingsLoader collect(Path yamlFile, Map<String, String> environment,
      Map<Setting, String> overrides) {
    SettingsLoader loader = new SettingsLoader();
    if (yamlFile != null) {
      loader.readYaml(yamlFile);
    }
    for (Setting setting : Setting.values()) {
      String value = environment.get(setting.environmentVariable());
      if (value != null && !value.isBlank()) {
        loader.values.put(setting, value.strip());
      }
    }
    overrides.forEach((setting, value) -> {
      if (value != null) {
        loader.values.put(setting, value);
      }
    });
    return loader;
  }

  private ProvisionSettings buildProvisioning() {
    Profile profile = profile();
    String url = values.get(Setting.PROVISION_ADMIN_URL);
    if (url == null) {
      throw new ConfigurationException(Setting.PROVISION_ADMIN_URL.label() + " is required: the"
          + " administrator's PostgreSQL URL, e.g. postgresql://db.example.com:5432/postgres");
    }
    PostgresTarget admin;
    try {
      if (!(DatabaseUrls.parse(url) instanceof PostgresTarget postgres)) {
        throw new ConfigurationException(Setting.PROVISION_ADMIN_URL.label()
            + " must be a PostgreSQL URL");
      }
      admin = postgres;
    } catch (InvalidDatabaseUrlException e) {
      throw new ConfigurationException(Setting.PROVISION_ADMIN_URL.label() + ": "
          + e.getMessage(), e);
    }
    if (profile == Profile.PROD) {
      refuseInlineSecrets(admin, Setting.PROVISION_ADMIN_URL);
    }
    admin = admin.withUser(values.getOrDefault(Setting.PROVISION_ADMIN_USER,
        admin.user() == null ? "postgres" : admin.user()));
    String adminPassword = values.get(Setting.PROVISION_ADMIN_PASSWORD_FILE);
    if (adminPassword != null) {
      admin = admin.withPassword(
          Secrets.read(adminPassword, Setting.PROVISION_ADMIN_PASSWORD_FILE));
    }
    admin = tlsFiles(admin);
    if (profile == Profile.PROD) {
      admin = requireVerifiedTls(admin, Setting.PROVISION_ADMIN_URL.label());
    }
    String databases = values.get(Setting.PROVISION_TEMPORAL_DATABASES);
    List<String> temporal = databases == null ? ProvisionPlan.DEFAULT_TEMPORAL_DATABASES
        : Arrays.stream(databases.split(",")).map(String::strip).filter(d -> !d.isEmpty())
            .toList();
    ProvisionPlan plan;
    try {
      plan = new ProvisionPlan(
          values.getOrDefault(Setting.PROVISION_DATABASE, ProvisionPlan.DEFAULT_DATABASE),
          values.getOrDefault(Setting.PROVISION_OWNER_ROLE, ProvisionPlan.DEFAULT_OWNER_ROLE),
          values.getOrDefault(Setting.PROVISION_MIGRATION_ROLE,
              ProvisionPlan.DEFAULT_MIGRATION_ROLE),
          values.getOrDefault(Setting.PROVISION_APPLICATION_ROLE,
              ProvisionPlan.DEFAULT_APPLICATION_ROLE),
          values.getOrDefault(Setting.PROVISION_BACKUP_ROLE, ProvisionPlan.DEFAULT_BACKUP_ROLE),
          values.getOrDefault(Setting.PROVISION_TEMPORAL_ROLE,
              ProvisionPlan.DEFAULT_TEMPORAL_ROLE),
          temporal, Map.of());
      Map<String, String> passwords = new TreeMap<>();
      password(passwords, plan.migrationRole(), Setting.PROVISION_MIGRATION_PASSWORD_FILE);
      password(passwords, plan.applicationRole(), Setting.PROVISION_APPLICATION_PASSWORD_FILE);
      password(passwords, plan.backupRole(), Setting.PROVISION_BACKUP_PASSWORD_FILE);
      password(passwords, plan.temporalRole(), Setting.PROVISION_TEMPORAL_PASSWORD_FILE);
      plan = plan.withPasswords(passwords);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("provision: " + e.getMessage(), e);
    }
    PostgresConnectionSettings network = new PostgresConnectionSettings(
        Duration.ofSeconds(integer(Setting.CONNECT_TIMEOUT_SECONDS,
            PostgresConnectionSettings.DEFAULT_CONNECT_TIMEOUT_SECONDS, 1, 3600)),
        Duration.ofSeconds(integer(Setting.LOGIN_TIMEOUT_SECONDS,
            PostgresConnectionSettings.DEFAULT_LOGIN_TIMEOUT_SECONDS, 1, 3600)),
        PostgresConnectionSettings.defaultSocketTimeout(PoolSettings.DEFAULT_STATEMENT_TIMEOUT),
        bool(Setting.TCP_KEEPALIVE, PostgresConnectionSettings.DEFAULT_TCP_KEEPALIVE),
        Duration.ofSeconds(PostgresConnectionSettings.DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS));
    return new ProvisionSettings(admin, plan, network);
  }

  private void password(Map<String, String> passwords, String role, Setting file) {
    String path = values.get(file);
    if (path != null) {
      passwords.put(role, Secrets.read(path, file));
    }
  }

  private void readYaml(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (JacksonException e) {
      // Only the position: the parser's message quotes the offending line, which may hold a URL
      // with a password.
      throw new ConfigurationException("configuration file " + file + " is not valid YAML (line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
    } catch (IOException e) {
      throw new ConfigurationException("cannot read configuration file " + file + ": " + e, e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return;
    }
    flatten("", root, file);
  }

  private void flatten(String prefix, JsonNode node, Path file) {
    if (!node.isObject() && prefix.startsWith(DATABASES_PREFIX)) {
      String rest = prefix.substring(DATABASES_PREFIX.length());
      int dot = rest.indexOf('.');
      String key = dot < 0 ? "" : rest.substring(dot + 1);
      if (dot < 0 || !NAMED_KEYS.contains(key)) {
        throw new ConfigurationException("unknown setting '" + prefix + "' in " + file
            + "; a named database takes " + String.join(", ", NAMED_KEYS));
      }
      if (!node.isValueNode()) {
        throw new ConfigurationException(prefix + " in " + file + " must be a single value");
      }
      named.computeIfAbsent(rest.substring(0, dot), n -> new TreeMap<>())
          .put(key, node.asText());
      return;
    }
    if (!node.isObject() && prefix.startsWith(HIKARI_PREFIX)) {
      if (!node.isValueNode()) {
        throw new ConfigurationException(prefix + " in " + file + " must be a single value");
      }
      hikari.put(prefix.substring(HIKARI_PREFIX.length()), node.asText());
      return;
    }
    if (!node.isObject()) {
      Setting setting = Arrays.stream(Setting.values()).filter(s -> s.key().equals(prefix))
          .findFirst().orElseThrow(() -> unknownKey(prefix, file));
      if (!node.isValueNode()) {
        throw new ConfigurationException(setting.label() + " in " + file + " must be a single value");
      }
      values.put(setting, node.asText());
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(),
          file);
    }
  }

  private static ConfigurationException unknownKey(String key, Path file) {
    return new ConfigurationException("unknown setting '" + key + "' in " + file + "; known: "
        + Arrays.stream(Setting.values()).map(Setting::key).collect(Collectors.joining(", "))
        + ", and " + HIKARI_PREFIX + "<HikariCP property>");
  }

  private AppdbSettings build() {
    Profile profile = profile();
    boolean prod = profile == Profile.PROD;
    PoolSettings pool;
    try {
      pool = new PoolSettings(
          values.getOrDefault(Setting.POOL_NAME, PoolSettings.DEFAULT_NAME),
          integer(Setting.POOL_SIZE, prod ? PoolSettings.DEFAULT_POOL_SIZE
              : PoolSettings.DEVELOPMENT_POOL_SIZE, 1, 1000),
          integer(Setting.POOL_MAX_OVERFLOW, prod ? PoolSettings.DEFAULT_MAX_OVERFLOW
              : PoolSettings.DEVELOPMENT_MAX_OVERFLOW, 0, 1000),
          seconds(Setting.POOL_TIMEOUT_SECONDS, PoolSettings.DEFAULT_POOL_TIMEOUT, 1, 3600),
          seconds(Setting.POOL_RECYCLE_SECONDS, PoolSettings.DEFAULT_RECYCLE, 30, 86_400),
          seconds(Setting.POOL_IDLE_TIMEOUT_SECONDS, PoolSettings.DEFAULT_IDLE_TIMEOUT, 10,
              86_400),
          seconds(Setting.STATEMENT_TIMEOUT_SECONDS, PoolSettings.DEFAULT_STATEMENT_TIMEOUT, 1,
              86_400),
          seconds(Setting.POOL_LEAK_DETECTION_SECONDS, PoolSettings.DEFAULT_LEAK_DETECTION, 0,
              86_400),
          Duration.ofMillis(integer(Setting.HEALTH_TIMEOUT_MILLIS,
              (int) PoolSettings.DEFAULT_HEALTH_TIMEOUT.toMillis(), 100, 60_000)),
          false, hikari);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(e.getMessage(), e);
    }
    DatabaseTarget database = database(profile);
    PostgresConnectionSettings network = postgres(pool.statementTimeout());
    checkPooler(database, network);
    return new AppdbSettings(profile, database, migration(database),
        bool(Setting.MIGRATE_ON_START, !prod), pool, network,
        integer(Setting.IMPORT_BATCH_SIZE, 500, 1, 10_000),
        namedDatabases(profile, pool, network));
  }

  private PostgresConnectionSettings postgres(Duration statementTimeout) {
    int statementSeconds = (int) statementTimeout.toSeconds();
    int socket = integer(Setting.SOCKET_TIMEOUT_SECONDS,
        (int) PostgresConnectionSettings.defaultSocketTimeout(statementTimeout).toSeconds(),
        1, 86_400 + PostgresConnectionSettings.SOCKET_TIMEOUT_MARGIN_SECONDS);
    if (socket <= statementSeconds) {
      throw new ConfigurationException(Setting.SOCKET_TIMEOUT_SECONDS.label() + " must exceed "
          + Setting.STATEMENT_TIMEOUT_SECONDS.label() + " (" + statementSeconds + "), was "
          + socket + ": the client would give up on statements the server still runs");
    }
    return new PostgresConnectionSettings(
        Duration.ofSeconds(integer(Setting.CONNECT_TIMEOUT_SECONDS,
            PostgresConnectionSettings.DEFAULT_CONNECT_TIMEOUT_SECONDS, 1, 3600)),
        Duration.ofSeconds(integer(Setting.LOGIN_TIMEOUT_SECONDS,
            PostgresConnectionSettings.DEFAULT_LOGIN_TIMEOUT_SECONDS, 1, 3600)),
        Duration.ofSeconds(socket),
        bool(Setting.TCP_KEEPALIVE, PostgresConnectionSettings.DEFAULT_TCP_KEEPALIVE),
        Duration.ofSeconds(integer(Setting.IDLE_IN_TRANSACTION_TIMEOUT_SECONDS,
            PostgresConnectionSettings.DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS, 0, 86_400)),
        pooler());
  }

  /**
   * The URL's {@code pooler} and {@code database.pooler} must agree when both are given, and
   * behind a transaction pooler the URL may carry no parameter that needs a session.
   */
  private void checkPooler(DatabaseTarget database, PostgresConnectionSettings network) {
    if (!(database instanceof PostgresTarget postgres)) {
      return;
    }
    Pooler fromUrl = postgres.pooler();
    String given = values.get(Setting.POOLER);
    if (fromUrl != null && given != null && !given.isBlank() && fromUrl != network.pooler()) {
      throw new ConfigurationException(Setting.DATABASE_URL.label() + ": pooler="
          + fromUrl.key() + " contradicts " + Setting.POOLER.label() + "="
          + network.pooler().key() + "; say it once");
    }
    if ((fromUrl != null ? fromUrl : network.pooler()) == Pooler.TRANSACTION) {
      try {
        PostgresConnectionSettings.checkTransactionPooling(postgres.properties());
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(Setting.DATABASE_URL.label() + ": " + e.getMessage());
      }
    }
  }

  private Pooler pooler() {
    String value = values.get(Setting.POOLER);
    if (value == null || value.isBlank()) {
      return Pooler.NONE;
    }
    try {
      return Pooler.parse(value, Setting.POOLER.label());
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(e.getMessage());
    }
  }

  private Profile profile() {
    String value = values.getOrDefault(Setting.PROFILE, "dev");
    try {
      return Profile.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          Setting.PROFILE.label() + " must be dev or prod, was '" + value + "'");
    }
  }

  private DatabaseTarget database(Profile profile) {
    String url = values.get(Setting.DATABASE_URL);
    if (url == null && profile == Profile.PROD) {
      throw new ConfigurationException(Setting.DATABASE_URL.label()
          + " is required in the prod profile (a PostgreSQL URL)");
    }
    DatabaseTarget target;
    try {
      target = DatabaseUrls.parse(url == null ? DEFAULT_DATABASE_URL : url);
    } catch (InvalidDatabaseUrlException e) {
      throw new ConfigurationException(Setting.DATABASE_URL.label() + ": " + e.getMessage(), e);
    }
    if (target instanceof PostgresTarget postgres) {
      boolean prod = profile == Profile.PROD;
      if (prod) {
        refuseInlineSecrets(postgres, Setting.DATABASE_URL);
      }
      PostgresTarget withFiles = tlsFiles(credentials(postgres));
      return prod ? requireVerifiedTls(withFiles, Setting.DATABASE_URL.label()) : withFiles;
    }
    if (profile == Profile.PROD) {
      throw new ConfigurationException(Setting.DATABASE_URL.label()
          + " must be a PostgreSQL URL in the prod profile, was " + target.display());
    }
    return target;
  }

  /** prod reads every secret from a file: none in the URL, where shells and logs keep them. */
  private static void refuseInlineSecrets(PostgresTarget target, Setting url) {
    if (target.password() != null) {
      throw new ConfigurationException(url.label() + ": the prod profile takes passwords from"
          + " files only; remove the password from the URL and set "
          + (url == Setting.DATABASE_URL ? Setting.DATABASE_PASSWORD_FILE.label()
              : Setting.PROVISION_ADMIN_PASSWORD_FILE.label()));
    }
    if (target.properties().containsKey("sslpassword")) {
      throw new ConfigurationException(url.label() + ": the prod profile takes the client key's"
          + " password from a file only; remove sslpassword from the URL and set "
          + Setting.DATABASE_SSL_KEY_PASSWORD_FILE.label());
    }
  }

  private PostgresTarget tlsFiles(PostgresTarget target) {
    PostgresTarget result = target;
    result = fileProperty(result, Setting.DATABASE_SSL_ROOT_CERT, "sslrootcert");
    result = fileProperty(result, Setting.DATABASE_SSL_CERT, "sslcert");
    result = fileProperty(result, Setting.DATABASE_SSL_KEY, "sslkey");
    String keyPasswordFile = values.get(Setting.DATABASE_SSL_KEY_PASSWORD_FILE);
    if (keyPasswordFile != null) {
      result = result.withProperty("sslpassword",
          Secrets.read(keyPasswordFile, Setting.DATABASE_SSL_KEY_PASSWORD_FILE));
    }
    return result;
  }

  private PostgresTarget fileProperty(PostgresTarget target, Setting setting, String property) {
    String file = values.get(setting);
    if (file == null) {
      return target;
    }
    if (!Files.isReadable(Path.of(file))) {
      throw new ConfigurationException(setting.label() + ": cannot read " + file);
    }
    return target.withProperty(property, file);
  }

  /**
   * prod: {@code verify-full} unless {@code database.allow-unverified-tls} says otherwise (then
   * Appdb warns at every start), and a root certificate to verify with.
   */
  private PostgresTarget requireVerifiedTls(PostgresTarget target, String url) {
    String mode = target.properties().get("sslmode");
    PostgresTarget result = mode == null ? target.withProperty("sslmode", VERIFIED_SSL_MODE)
        : target;
    mode = result.properties().get("sslmode");
    if (!mode.equals(VERIFIED_SSL_MODE) && !bool(Setting.DATABASE_ALLOW_UNVERIFIED_TLS, false)) {
      throw new ConfigurationException(url + ": the prod profile"
          + " requires sslmode=verify-full (TLS, the server's certificate and its host name"
          + " checked), was " + mode + "; set " + Setting.DATABASE_ALLOW_UNVERIFIED_TLS.label()
          + "=true to accept it (a warning at every start)");
    }
    boolean verifies = mode.equals(VERIFIED_SSL_MODE) || mode.equals("verify-ca");
    if (verifies && !result.properties().containsKey("sslrootcert")
        && !result.properties().containsKey("sslfactory")) {
      throw new ConfigurationException(Setting.DATABASE_SSL_ROOT_CERT.label() + " is required"
          + " with sslmode=" + mode + " in the prod profile: the CA certificate (PEM) that"
          + " signed the server's certificate");
    }
    return result;
  }

  private PostgresTarget credentials(PostgresTarget target) {
    PostgresTarget result = target;
    String user = values.get(Setting.DATABASE_USER);
    if (user != null) {
      result = result.withUser(user);
    }
    String passwordFile = values.get(Setting.DATABASE_PASSWORD_FILE);
    if (passwordFile != null) {
      result = result.withPassword(
          Secrets.read(passwordFile, Setting.DATABASE_PASSWORD_FILE));
    }
    return result;
  }

  private MigrationLogin migration(DatabaseTarget target) {
    String user = values.get(Setting.DATABASE_MIGRATION_USER);
    if (user == null) {
      for (Setting alone : List.of(Setting.DATABASE_MIGRATION_PASSWORD_FILE,
          Setting.DATABASE_MIGRATION_ROLE)) {
        if (values.containsKey(alone)) {
          throw new ConfigurationException(alone.label() + " needs "
              + Setting.DATABASE_MIGRATION_USER.label());
        }
      }
      return null;
    }
    if (!(target instanceof PostgresTarget)) {
      throw new ConfigurationException(Setting.DATABASE_MIGRATION_USER.label()
          + " is for PostgreSQL; " + target.display() + " is a SQLite file");
    }
    String passwordFile = values.get(Setting.DATABASE_MIGRATION_PASSWORD_FILE);
    String password = passwordFile == null ? null
        : Secrets.read(passwordFile, Setting.DATABASE_MIGRATION_PASSWORD_FILE);
    String role = values.getOrDefault(Setting.DATABASE_MIGRATION_ROLE,
        ProvisionPlan.DEFAULT_OWNER_ROLE);
    try {
      return new MigrationLogin(user, password, role.isBlank() ? null : role);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(e.getMessage(), e);
    }
  }

  private Duration seconds(Setting setting, Duration fallback, int min, int max) {
    return Duration.ofSeconds(integer(setting, (int) fallback.toSeconds(), min, max));
  }

  /**
   * The named databases: each a small pool of its own (1 connection, opened on demand, 5 s
   * checkout) with the application's timeouts, TLS files and profile rules.
   */
  private List<NamedDatabaseSettings> namedDatabases(Profile profile, PoolSettings application,
      PostgresConnectionSettings network) {
    List<NamedDatabaseSettings> databases = new ArrayList<>();
    for (Map.Entry<String, Map<String, String>> entry : named.entrySet()) {
      String name = entry.getKey();
      Map<String, String> keys = entry.getValue();
      String prefix = DATABASES_PREFIX + name + ".";
      String url = keys.get("url");
      if (url == null) {
        throw new ConfigurationException(prefix + "url is required");
      }
      DatabaseTarget target;
      try {
        target = DatabaseUrls.parse(url);
      } catch (InvalidDatabaseUrlException e) {
        throw new ConfigurationException(prefix + "url: " + e.getMessage(), e);
      }
      if (target instanceof PostgresTarget postgres) {
        if (profile == Profile.PROD && postgres.password() != null) {
          throw new ConfigurationException(prefix + "url: the prod profile takes passwords from"
              + " files only; remove the password from the URL and set " + prefix
              + "password-file");
        }
        if (profile == Profile.PROD && postgres.properties().containsKey("sslpassword")) {
          throw new ConfigurationException(prefix + "url: the prod profile takes the client"
              + " key's password from a file only; remove sslpassword from the URL and set "
              + Setting.DATABASE_SSL_KEY_PASSWORD_FILE.label());
        }
        if (keys.containsKey("user")) {
          postgres = postgres.withUser(keys.get("user"));
        }
        if (keys.containsKey("password-file")) {
          postgres = postgres.withPassword(Secrets.read(keys.get("password-file"),
              prefix + "password-file"));
        }
        postgres = tlsFiles(postgres);
        if (keys.containsKey("ssl-root-cert")) {
          postgres = postgres.withProperty("sslrootcert", keys.get("ssl-root-cert"));
        }
        target = profile == Profile.PROD ? requireVerifiedTls(postgres, prefix + "url")
            : postgres;
      } else if (profile == Profile.PROD) {
        throw new ConfigurationException(prefix + "url must be a PostgreSQL URL in the prod"
            + " profile, was " + target.display());
      }
      try {
        PoolSettings pool = application.withName(application.name() + "-" + name)
            .withSize(integer(prefix + "pool.size", keys.get("pool.size"), 1, 1, 100),
                integer(prefix + "pool.max-overflow", keys.get("pool.max-overflow"), 0, 0, 100))
            .withPoolTimeout(Duration.ofSeconds(integer(prefix + "pool.timeout-seconds",
                keys.get("pool.timeout-seconds"), 5, 1, 3600)))
            .withHealthTimeout(Duration.ofMillis(integer(prefix + "health-timeout-ms",
                keys.get("health-timeout-ms"), (int) application.healthTimeout().toMillis(),
                100, 60_000)))
            .onDemand();
        databases.add(new NamedDatabaseSettings(name,
            new DatabaseSettings(target, pool, network),
            bool(prefix + "required", keys.get("required"), true)));
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(e.getMessage(), e);
      }
    }
    return List.copyOf(databases);
  }

  private int integer(Setting setting, int fallback, int min, int max) {
    return integer(setting.label(), values.get(setting), fallback, min, max);
  }

  private static int integer(String label, String value, int fallback, int min, int max) {
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below with the limits
    }
    throw new ConfigurationException(label + " must be an integer from " + min + " to "
        + max + ", was '" + value + "'");
  }

  private boolean bool(Setting setting, boolean fallback) {
    return bool(setting.label(), values.get(setting), fallback);
  }

  private static boolean bool(String label, String value, boolean fallback) {
    if (value == null) {
      return fallback;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ConfigurationException(
          label + " must be true or false, was '" + value + "'");
    };
  }
}
