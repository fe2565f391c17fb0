package dev.appdb.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.adapter.jooq.Profile;
import dev.appdb.adapter.jooq.Setting;

import dev.appdb.adapter.jooq.PostgresTarget;
import dev.appdb.adapter.jooq.SqliteTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

  @TempDir
  Path folder;

  private static AppdbSettings load(Path yaml, Map<String, String> env) {
    return SettingsLoader.load(yaml, env, Map.of());
  }

  private Path yaml(String text) throws Exception {
    Path file = folder.resolve("appdb.yaml");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void nothingConfiguredIsTheDevProfileOnTheSqliteFileDatabaseDb() {
    AppdbSettings settings = load(null, Map.of());

    assertThat(settings.profile()).isEqualTo(Profile.DEV);
    assertThat(settings.database()).isEqualTo(new SqliteTarget(Path.of("./database.db")));
    assertThat(settings.migrateOnStart()).isTrue();
    assertThat(settings.pool().poolSize()).isEqualTo(5);
    assertThat(settings.pool().maxOverflow()).isZero();
    assertThat(settings.pool().poolTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.pool().recycle()).isEqualTo(Duration.ofSeconds(1800));
    assertThat(settings.importBatchSize()).isEqualTo(500);
  }

  @Test
  void poolNameLeakDetectionAndHikariPassThroughComeFromYamlAndTheEnvironment() throws Exception {
    AppdbSettings settings = load(yaml("""
        pool:
          name: orders-api
          hikari:
            validationTimeout: 3000
            keepaliveTime: 60000
        """), Map.of("APPDB_POOL_LEAK_DETECTION_SECONDS", "20"));

    assertThat(settings.pool().name()).isEqualTo("orders-api");
    assertThat(settings.pool().leakDetection()).isEqualTo(Duration.ofSeconds(20));
    assertThat(settings.pool().hikari()).containsEntry("validationTimeout", "3000")
        .containsEntry("keepaliveTime", "60000");
  }

  @Test
  void refusesAPassThroughOfASettingAppdbOwnsAndAnIdleTimeoutHikariWouldSwitchOff()
      throws Exception {
    Path owned = yaml("pool:\n  hikari:\n    maximumPoolSize: 50\n");
    assertThatThrownBy(() -> load(owned, Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("pool.hikari.maximumPoolSize is set by appdb");
    assertThatThrownBy(() -> load(null, Map.of("APPDB_POOL_IDLE_TIMEOUT_SECONDS", "1800")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("pool.idle-timeout-seconds (APPDB_POOL_IDLE_TIMEOUT_SECONDS) must"
            + " be at least 1 s below pool.recycle-seconds (APPDB_POOL_RECYCLE_SECONDS), was"
            + " 1800 s against 1800 s");
    assertThatThrownBy(() -> load(null, Map.of("APPDB_POOL_LEAK_DETECTION_SECONDS", "1")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("pool.leak-detection-seconds (APPDB_POOL_LEAK_DETECTION_SECONDS)"
            + " must be 0 (off) or at least 2 s, was 1000 ms");
  }

  @Test
  void prodDefaultsAreTheSeedsPoolVerifiedTlsAndNoMigrationAtStart() throws Exception {
    Path rootCertificate = Files.writeString(folder.resolve("root.crt"), "PEM");
    AppdbSettings settings = load(null, Map.of("APPDB_PROFILE", "prod",
        "DATABASE_URL", "postgresql://appdb@db.example.com/appdb",
        "APPDB_SSL_ROOT_CERT", rootCertificate.toString()));

    assertThat(settings.pool().poolSize()).isEqualTo(20);
    assertThat(settings.pool().maxOverflow()).isEqualTo(10);
    assertThat(settings.migrateOnStart()).isFalse();
    assertThat(((PostgresTarget) settings.database()).properties())
        .containsEntry("sslmode", "verify-full")
        .containsEntry("sslrootcert", rootCertificate.toString());
  }

  @Test
  void prodNeedsARootCertificateAndAnOverrideForAnythingButVerifyFull() throws Exception {
    Path rootCertificate = Files.writeString(folder.resolve("root.crt"), "PEM");
    assertThatThrownBy(() -> load(null, Map.of("APPDB_PROFILE", "prod",
        "DATABASE_URL", "postgresql://appdb@db/app")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("database.ssl-root-cert (APPDB_SSL_ROOT_CERT) is required");
    assertThatThrownBy(() -> load(null, Map.of("APPDB_PROFILE", "prod",
        "DATABASE_URL", "postgresql://appdb@db/app?sslmode=require")))
        .hasMessageContaining("requires sslmode=verify-full")
        .hasMessageContaining("was require")
        .hasMessageContaining("database.allow-unverified-tls");
    assertThatThrownBy(() -> load(null, Map.of("APPDB_PROFILE", "prod",
        "DATABASE_URL", "postgresql://appdb@db/app", "APPDB_SSL_ROOT_CERT", "/nowhere/root.crt")))
        .hasMessageContaining("database.ssl-root-cert (APPDB_SSL_ROOT_CERT): cannot read"
            + " /nowhere/root.crt");
    AppdbSettings overridden = load(null, Map.of("APPDB_PROFILE", "prod",
        "DATABASE_URL", "postgresql://appdb@db/app?sslmode=require",
        "APPDB_ALLOW_UNVERIFIED_TLS", "true"));
    assertThat(((PostgresTarget) overridden.database()).properties())
        .containsEntry("sslmode", "require");
    assertThat(load(null, Map.of("APPDB_PROFILE", "prod",
        "DATABASE_URL", "postgresql://appdb@db/app?sslmode=verify-ca",
        "APPDB_ALLOW_UNVERIFIED_TLS", "true", "APPDB_SSL_ROOT_CERT", rootCertificate.toString()))
        .database().toString()).contains("sslmode=verify-ca");
  }

  @Test
  void prodTakesSecretsFromFilesOnly() throws Exception {
    Path rootCertificate = Files.writeString(folder.resolve("root.crt"), "PEM");
    Map<String, String> base = Map.of("APPDB_PROFILE", "prod",
        "APPDB_SSL_ROOT_CERT", rootCertificate.toString());
    assertThatThrownBy(() -> load(null, with(base,
        "DATABASE_URL", "postgresql://u:hunter2@db/app")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("takes passwords from files only")
        .hasMessageContaining("database.password-file")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> load(null, with(base,
        "DATABASE_URL", "postgresql://u@db/app?sslpassword=keypass42")))
        .hasMessageContaining("database.ssl-key-password-file")
        .hasMessageNotContaining("keypass42");
    Path named = Files.writeString(folder.resolve("named.yaml"), """
        databases:
          temporal:
            url: postgresql://temporal@db/temporal?sslpassword=keypass43
        """);
    assertThatThrownBy(() -> load(named, with(base,
        "DATABASE_URL", "postgresql://u@db/app")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("databases.temporal.url")
        .hasMessageContaining("sslpassword")
        .hasMessageNotContaining("keypass43");
  }

  @Test
  void secretFilesLoseOneTrailingNewlineAndAMissingOneIsNamed() throws Exception {
    Path password = Files.writeString(folder.resolve("password"), "pa ss\n\n\n");
    Path keyPassword = Files.writeString(folder.resolve("key-password"), "kp\r\n");
    Path migrationPassword = Files.writeString(folder.resolve("migration-password"), "mp");
    AppdbSettings settings = load(null, Map.of(
        "DATABASE_URL", "postgresql://appuser@db/app",
        "DATABASE_PASSWORD_FILE", password.toString(),
        "APPDB_SSL_KEY_PASSWORD_FILE", keyPassword.toString(),
        "APPDB_MIGRATION_USER", "appmigrator",
        "APPDB_MIGRATION_PASSWORD_FILE", migrationPassword.toString()));

    PostgresTarget target = (PostgresTarget) settings.database();
    assertThat(target.password()).isEqualTo("pa ss\n\n");
    assertThat(target.properties()).containsEntry("sslpassword", "kp");
    assertThat(settings.migration().user()).isEqualTo("appmigrator");
    assertThat(settings.migration().password()).isEqualTo("mp");
    assertThat(settings.migration().role()).isEqualTo("appowner");
    assertThat(settings.toString()).doesNotContain("pa ss").doesNotContain("kp")
        .doesNotContain("=mp");
    assertThatThrownBy(() -> load(null, Map.of("DATABASE_URL", "postgresql://u@db/app",
        "APPDB_MIGRATION_PASSWORD_FILE", folder.resolve("absent").toString(),
        "APPDB_MIGRATION_USER", "appmigrator")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("database.migration-password-file (APPDB_MIGRATION_PASSWORD_FILE): cannot"
            + " read " + folder.resolve("absent") + " (NoSuchFileException)");
    assertThatThrownBy(() -> load(null, Map.of("DATABASE_URL", "postgresql://u@db/app",
        "APPDB_MIGRATION_ROLE", "appowner")))
        .hasMessageContaining("needs database.migration-user");
  }

  private static Map<String, String> with(Map<String, String> base, String... more) {
    Map<String, String> all = new java.util.HashMap<>(base);
    for (int i = 0; i < more.length; i += 2) {
      all.put(more[i], more[i + 1]);
    }
    return all;
  }

  @Test
  void prodRefusesSqliteMissingUrlsAndWeakTls() {
    assertThatThrownBy(() -> load(null, Map.of("APPDB_PROFILE", "prod")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("database.url (DATABASE_URL) is required in the prod profile");
    assertThatThrownBy(() -> load(null, Map.of("APPDB_PROFILE", "PROD",
        "DATABASE_URL", "sqlite:///./x.db")))
        .hasMessageContaining("must be a PostgreSQL URL in the prod profile");
    assertThatThrownBy(() -> load(null, Map.of("APPDB_PROFILE", "prod",
        "DATABASE_URL", "postgresql://u@db/app?sslmode=prefer")))
        .hasMessageContaining("requires sslmode=verify-full")
        .hasMessageContaining("was prefer");
  }

  @Test
  void environmentBeatsYamlAndCommandLineBeatsEnvironment() throws Exception {
    Path file = yaml("""
        profile: dev
        database:
          url: sqlite:///from-yaml.db
          migrate-on-start: false
        pool:
          size: 7
          max-overflow: 3
          timeout-seconds: 12
        import:
          batch-size: 50
        """);

    AppdbSettings yamlOnly = load(file, Map.of());
    AppdbSettings withEnvironment = load(file, Map.of("APPDB_POOL_SIZE", "9",
        "DATABASE_URL", "sqlite:///from-env.db"));
    AppdbSettings withCommandLine = SettingsLoader.load(file,
        Map.of("DATABASE_URL", "sqlite:///from-env.db"),
        Map.of(Setting.DATABASE_URL, "sqlite:///from-cli.db"));

    assertThat(yamlOnly.database()).isEqualTo(new SqliteTarget(Path.of("from-yaml.db")));
    assertThat(yamlOnly.migrateOnStart()).isFalse();
    assertThat(yamlOnly.pool().poolSize()).isEqualTo(7);
    assertThat(yamlOnly.pool().maxOverflow()).isEqualTo(3);
    assertThat(yamlOnly.pool().poolTimeout()).isEqualTo(Duration.ofSeconds(12));
    assertThat(yamlOnly.importBatchSize()).isEqualTo(50);
    assertThat(withEnvironment.pool().poolSize()).isEqualTo(9);
    assertThat(withEnvironment.pool().maxOverflow()).isEqualTo(3);
    assertThat(withEnvironment.database()).isEqualTo(new SqliteTarget(Path.of("from-env.db")));
    assertThat(withCommandLine.database()).isEqualTo(new SqliteTarget(Path.of("from-cli.db")));
  }

  @Test
  void badValuesNameTheSettingAndTheLimit() throws Exception {
    assertThatThrownBy(() -> load(null, Map.of("APPDB_POOL_MAX_OVERFLOW", "-1")))
        .hasMessage("pool.max-overflow (APPDB_POOL_MAX_OVERFLOW) must be an integer from 0 to"
            + " 1000, was '-1'");
    assertThatThrownBy(() -> load(null, Map.of("APPDB_STATEMENT_TIMEOUT_SECONDS", "ten")))
        .hasMessageContaining("pool.statement-timeout-seconds (APPDB_STATEMENT_TIMEOUT_SECONDS)");
    assertThatThrownBy(() -> load(null, Map.of("APPDB_MIGRATE_ON_START", "yes")))
        .hasMessage("database.migrate-on-start (APPDB_MIGRATE_ON_START) must be true or false,"
            + " was 'yes'");
    assertThatThrownBy(() -> load(null, Map.of("APPDB_PROFILE", "staging")))
        .hasMessage("profile (APPDB_PROFILE) must be dev or prod, was 'staging'");
    assertThatThrownBy(() -> load(yaml("pool:\n  sise: 3\n"), Map.of()))
        .hasMessageContaining("unknown setting 'pool.sise'").hasMessageContaining("pool.size");
    assertThatThrownBy(() -> load(yaml("pool: [1, 2]\n"), Map.of()))
        .hasMessageContaining("unknown setting 'pool'");
    assertThatThrownBy(() -> load(yaml("database: {url: [\"a\"]}\n"), Map.of()))
        .hasMessageContaining("database.url (DATABASE_URL) in");
    assertThatThrownBy(() -> load(yaml("pool: {size: 3\n"), Map.of()))
        .hasMessageContaining("is not valid YAML (line");
    assertThatThrownBy(() -> load(yaml("database:\n  url: \"postgresql://app:YamlSecret2@db/x\n"),
        Map.of()))
        .hasMessageContaining("is not valid YAML").hasMessageNotContaining("YamlSecret2");
  }

  @Test
  void thePasswordComesFromItsFileWithoutTheTrailingNewlineAndIsNeverPrinted() throws Exception {
    Path secret = folder.resolve("db_password");
    Files.writeString(secret, "p@ss:w/rd \n");

    AppdbSettings settings = load(null, Map.of(
        "DATABASE_URL", "postgresql://appdb@db.example.com:5432/appdb",
        "DATABASE_USER", "app_rw",
        "DATABASE_PASSWORD_FILE", secret.toString()));

    PostgresTarget target = (PostgresTarget) settings.database();
    assertThat(target.password()).isEqualTo("p@ss:w/rd ");
    assertThat(target.user()).isEqualTo("app_rw");
    assertThat(settings.toString()).doesNotContain("p@ss:w/rd").contains("app_rw");
    assertThatThrownBy(() -> load(null, Map.of("DATABASE_URL", "postgresql://db/app",
        "DATABASE_PASSWORD_FILE", folder.resolve("absent").toString())))
        .hasMessageStartingWith("database.password-file (DATABASE_PASSWORD_FILE): cannot read");
  }
}
