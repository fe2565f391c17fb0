package dev.appdb.bootstrap.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.javaprop.JavaPropsMapper;
import com.fasterxml.jackson.dataformat.javaprop.JavaPropsSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.appdb.adapter.jooq.DatabaseSettings;
import dev.appdb.adapter.jooq.DatabaseTarget;
import dev.appdb.adapter.jooq.DatabaseUrls;
import dev.appdb.adapter.jooq.InvalidDatabaseUrlException;
import dev.appdb.adapter.jooq.MigrationLogin;
import dev.appdb.adapter.jooq.PoolSettings;
import dev.appdb.adapter.jooq.Pooler;
import dev.appdb.adapter.jooq.PostgresConnectionSettings;
import dev.appdb.adapter.jooq.PostgresTarget;
import dev.appdb.adapter.jooq.Profile;
import dev.appdb.adapter.jooq.Setting;
import dev.appdb.bootstrap.provision.ProvisionPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds {@link AppdbSettings} from, lowest precedence first: the profile's defaults, a YAML file,
 * the environment, and command-line overrides, every key, default and limit as {@link Setting}
 * says. With nothing configured the result is the {@code dev} profile on the SQLite file
 * {@code ./database.db}. Every value is checked once, here; a {@link ConfigurationException}
 * names the key and its variable.
 */
public final class SettingsLoader {

  /** The database used when nothing is configured. */
  public static final String DEFAULT_DATABASE_URL =
      Setting.DATABASE_URL.defaultValue(Profile.DEV).orElseThrow();

  /** The environment variable that names the YAML file. */
  public static final String CONFIG_VARIABLE = "APPDB_CONFIG";

  /** The YAML file read from the working directory when {@code APPDB_CONFIG} is not set. */
  public static final String LOCAL_FILE = "appdb.yaml";

  /** The prod profile's sslmode: TLS with the certificate and the host name checked. */
  public static final String VERIFIED_SSL_MODE = "verify-full";

  /** YAML keys below this one pass through to HikariCP by their bean property name. */
  public static final String HIKARI_PREFIX = Setting.HIKARI_PREFIX;

  /** YAML keys below this one declare named databases: {@code databases.<name>.<key>}. */
  public static final String DATABASES_PREFIX = Setting.NAMED_PREFIX;

  /** How Jackson writes a list's items in a flattened key: {@code key[1]}. */
  private static final JavaPropsSchema FLAT = JavaPropsSchema.emptySchema()
      .withWriteIndexUsingMarkers(true).withFirstArrayOffset(1);

  private final Map<Setting, String> values = new EnumMap<>(Setting.class);
  private final Map<String, String> hikari = new TreeMap<>();
  /** {@code databases.<name>.<key>}: the named databases' own keys, by name. */
  private final Map<String, Map<Setting, String>> named = new TreeMap<>();

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
      String value = setting.environmentVariable().map(environment::get).orElse(null);
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
        admin.user() == null ? text(Setting.PROVISION_ADMIN_USER, profile) : admin.user()));
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
      plan = new ProvisionPlan(text(Setting.PROVISION_DATABASE, profile),
          text(Setting.PROVISION_OWNER_ROLE, profile),
          text(Setting.PROVISION_MIGRATION_ROLE, profile),
          text(Setting.PROVISION_APPLICATION_ROLE, profile),
          text(Setting.PROVISION_BACKUP_ROLE, profile),
          text(Setting.PROVISION_TEMPORAL_ROLE, profile),
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
        duration(Setting.CONNECT_TIMEOUT_SECONDS, profile),
        duration(Setting.LOGIN_TIMEOUT_SECONDS, profile),
        PostgresConnectionSettings.defaultSocketTimeout(PoolSettings.DEFAULT_STATEMENT_TIMEOUT),
        bool(Setting.TCP_KEEPALIVE, profile),
        Setting.IDLE_IN_TRANSACTION_TIMEOUT_SECONDS.defaultDuration(profile));
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
    Properties flat;
    try {
      root = new YAMLMapper().readTree(file.toFile());
      if (root == null || root.isMissingNode() || root.isNull()) {
        return;
      }
      if (!root.isObject()) {
        throw new ConfigurationException("configuration file " + file + " must be a mapping of"
            + " settings, e.g. 'pool: {size: 5}'");
      }
      flat = new JavaPropsMapper().writeValueAsProperties(root, FLAT);
    } catch (JacksonException e) {
      // Only the position: the parser's message quotes the offending line, which may hold a URL
      // with a password.
      throw new ConfigurationException("configuration file " + file + " is not valid YAML (line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
    } catch (IOException e) {
      throw new ConfigurationException("cannot read configuration file " + file + ": " + e, e);
    }
    for (String key : new TreeMap<>(flat).keySet().stream().map(String::valueOf).toList()) {
      put(key, flat.getProperty(key), file);
    }
  }

  /** One flattened YAML key: a list's items arrive as {@code key[1]}, {@code key[2]}. */
  private void put(String flatKey, String value, Path file) {
    int index = flatKey.indexOf('[');
    String key = index < 0 ? flatKey : flatKey.substring(0, index);
    if (key.startsWith(HIKARI_PREFIX)) {
      single(key, index, file);
      hikari.put(key.substring(HIKARI_PREFIX.length()), value);
      return;
    }
    if (key.startsWith(DATABASES_PREFIX)) {
      String rest = key.substring(DATABASES_PREFIX.length());
      int dot = rest.indexOf('.');
      Setting setting = dot < 0 ? null
          : Setting.forNamedKey(rest.substring(dot + 1)).orElse(null);
      if (setting == null) {
        throw new ConfigurationException("unknown setting '" + key + "' in " + file
            + "; a named database takes " + Arrays.stream(Setting.values())
                .filter(Setting::named).map(s -> s.key().substring(
                    DATABASES_PREFIX.length() + Setting.NAME_PLACEHOLDER.length() + 1))
                .collect(Collectors.joining(", ")));
      }
      single(key, index, file);
      named.computeIfAbsent(rest.substring(0, dot), n -> new TreeMap<>())
          .put(setting, value);
      return;
    }
    Setting setting = Setting.forKey(key).orElseThrow(() -> unknownKey(key, file));
    single(setting.label(), index, file);
    values.put(setting, value);
  }

  private static void single(String label, int index, Path file) {
    if (index >= 0) {
      throw new ConfigurationException(label + " in " + file + " must be a single value");
    }
  }

  private static ConfigurationException unknownKey(String key, Path file) {
    return new ConfigurationException("unknown setting '" + key + "' in " + file + "; known: "
        + Arrays.stream(Setting.values()).filter(s -> !s.named()).map(Setting::key)
            .collect(Collectors.joining(", "))
        + ", " + DATABASES_PREFIX + Setting.NAME_PLACEHOLDER + ".<key>, and " + HIKARI_PREFIX
        + "<HikariCP property>");
  }

  private AppdbSettings build() {
    Profile profile = profile();
    PoolSettings pool;
    try {
      pool = new PoolSettings(
          text(Setting.POOL_NAME, profile),
          integer(Setting.POOL_SIZE, profile),
          integer(Setting.POOL_MAX_OVERFLOW, profile),
          duration(Setting.POOL_TIMEOUT_SECONDS, profile),
          duration(Setting.POOL_RECYCLE_SECONDS, profile),
          duration(Setting.POOL_IDLE_TIMEOUT_SECONDS, profile),
          duration(Setting.STATEMENT_TIMEOUT_SECONDS, profile),
          duration(Setting.POOL_LEAK_DETECTION_SECONDS, profile),
          duration(Setting.HEALTH_TIMEOUT_MILLIS, profile),
          false, hikari);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(e.getMessage(), e);
    }
    DatabaseTarget database = database(profile);
    PostgresConnectionSettings network = postgres(pool.statementTimeout(), profile);
    checkPooler(database, network);
    return new AppdbSettings(profile, database, migration(database, profile),
        bool(Setting.MIGRATE_ON_START, profile), pool, network,
        integer(Setting.IMPORT_BATCH_SIZE, profile),
        namedDatabases(profile, pool, network));
  }

  private PostgresConnectionSettings postgres(Duration statementTimeout, Profile profile) {
    String socketValue = values.get(Setting.SOCKET_TIMEOUT_SECONDS);
    Duration socket = socketValue == null
        ? PostgresConnectionSettings.defaultSocketTimeout(statementTimeout)
        : parse(() -> Setting.SOCKET_TIMEOUT_SECONDS.parseDuration(socketValue));
    if (socket.compareTo(statementTimeout) <= 0) {
      throw new ConfigurationException(Setting.SOCKET_TIMEOUT_SECONDS.label() + " must exceed "
          + Setting.STATEMENT_TIMEOUT_SECONDS.label() + " (" + statementTimeout.toSeconds()
          + "), was " + socket.toSeconds() + ": the client would give up on statements the"
          + " server still runs");
    }
    return new PostgresConnectionSettings(
        duration(Setting.CONNECT_TIMEOUT_SECONDS, profile),
        duration(Setting.LOGIN_TIMEOUT_SECONDS, profile),
        socket,
        bool(Setting.TCP_KEEPALIVE, profile),
        duration(Setting.IDLE_IN_TRANSACTION_TIMEOUT_SECONDS, profile),
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
    return Pooler.parse(parse(() -> Setting.POOLER.parseChoice(value)), Setting.POOLER.label());
  }

  private Profile profile() {
    String value = values.get(Setting.PROFILE);
    return value == null ? Profile.DEV : Profile.valueOf(
        parse(() -> Setting.PROFILE.parseChoice(value)).toUpperCase(java.util.Locale.ROOT));
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
    if (!mode.equals(VERIFIED_SSL_MODE) && !bool(Setting.DATABASE_ALLOW_UNVERIFIED_TLS, Profile.PROD)) {
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

  private MigrationLogin migration(DatabaseTarget target, Profile profile) {
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
    String role = text(Setting.DATABASE_MIGRATION_ROLE, profile);
    try {
      return new MigrationLogin(user, password, role.isBlank() ? null : role);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(e.getMessage(), e);
    }
  }

  /**
   * The named databases: each a small pool of its own (1 connection, opened on demand, 5 s
   * checkout) with the application's timeouts, TLS files and profile rules.
   */
  private List<NamedDatabaseSettings> namedDatabases(Profile profile, PoolSettings application,
      PostgresConnectionSettings network) {
    List<NamedDatabaseSettings> databases = new ArrayList<>();
    for (Map.Entry<String, Map<Setting, String>> entry : named.entrySet()) {
      String name = entry.getKey();
      Map<Setting, String> keys = entry.getValue();
      String prefix = DATABASES_PREFIX + name + ".";
      String url = keys.get(Setting.NAMED_URL);
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
        if (keys.containsKey(Setting.NAMED_USER)) {
          postgres = postgres.withUser(keys.get(Setting.NAMED_USER));
        }
        if (keys.containsKey(Setting.NAMED_PASSWORD_FILE)) {
          postgres = postgres.withPassword(Secrets.read(keys.get(Setting.NAMED_PASSWORD_FILE),
              Setting.NAMED_PASSWORD_FILE.key(name)));
        }
        postgres = tlsFiles(postgres);
        if (keys.containsKey(Setting.NAMED_SSL_ROOT_CERT)) {
          postgres = postgres.withProperty("sslrootcert", keys.get(Setting.NAMED_SSL_ROOT_CERT));
        }
        target = profile == Profile.PROD ? requireVerifiedTls(postgres, prefix + "url")
            : postgres;
      } else if (profile == Profile.PROD) {
        throw new ConfigurationException(prefix + "url must be a PostgreSQL URL in the prod"
            + " profile, was " + target.display());
      }
      try {
        String health = keys.get(Setting.NAMED_HEALTH_TIMEOUT_MILLIS);
        PoolSettings pool = application.withName(application.name() + "-" + name)
            .withSize(named(Setting.NAMED_POOL_SIZE, name, keys, profile),
                named(Setting.NAMED_POOL_MAX_OVERFLOW, name, keys, profile))
            .withPoolTimeout(Duration.ofSeconds(
                named(Setting.NAMED_POOL_TIMEOUT_SECONDS, name, keys, profile)))
            .withHealthTimeout(health == null ? application.healthTimeout()
                : Setting.NAMED_HEALTH_TIMEOUT_MILLIS.parseDuration(
                    Setting.NAMED_HEALTH_TIMEOUT_MILLIS.key(name), health))
            .onDemand();
        String required = keys.get(Setting.NAMED_REQUIRED);
        databases.add(new NamedDatabaseSettings(name,
            new DatabaseSettings(target, pool, network),
            required == null ? Setting.NAMED_REQUIRED.defaultBoolean(profile)
                : Setting.NAMED_REQUIRED.parseBoolean(Setting.NAMED_REQUIRED.key(name),
                    required)));
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(e.getMessage(), e);
      }
    }
    return List.copyOf(databases);
  }

  private static int named(Setting setting, String name, Map<Setting, String> keys,
      Profile profile) {
    String value = keys.get(setting);
    return value == null ? setting.defaultInt(profile) : setting.parseInt(setting.key(name), value);
  }

  /** @return the value given, else the profile's default; null when neither */
  private String text(Setting setting, Profile profile) {
    String value = values.get(setting);
    return value != null ? value : setting.defaultValue(profile).orElse(null);
  }

  private int integer(Setting setting, Profile profile) {
    String value = values.get(setting);
    return value == null ? setting.defaultInt(profile) : parse(() -> setting.parseInt(value));
  }

  private Duration duration(Setting setting, Profile profile) {
    String value = values.get(setting);
    return value == null ? setting.defaultDuration(profile)
        : parse(() -> setting.parseDuration(value));
  }

  private boolean bool(Setting setting, Profile profile) {
    String value = values.get(setting);
    return value == null ? setting.defaultBoolean(profile)
        : parse(() -> setting.parseBoolean(value));
  }

  /** Runs one of {@link Setting}'s parsers, its refusal as a configuration error. */
  private static <T> T parse(java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(e.getMessage(), e);
    }
  }
}
