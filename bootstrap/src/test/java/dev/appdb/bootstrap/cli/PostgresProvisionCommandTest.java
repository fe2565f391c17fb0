package dev.appdb.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.testing.SecurePostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's production checklist, run as an operator would against a server that takes only
 * TLS with SCRAM: {@code appdb provision} (twice: the second changes nothing), {@code init-db}
 * as the migration login, then the application as {@code appuser} and health of the Temporal
 * databases as the {@code temporal} login; no password in any output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresProvisionCommandTest {

  private SecurePostgresServer server;
  private Map<String, String> secrets;
  private Map<String, String> provision;
  private Map<String, String> application;
  private CliRun first;
  private CliRun second;

  @BeforeAll
  void start(@TempDir Path folder) throws Exception {
    server = SecurePostgresServer.start(folder);
    secrets = Map.of("migration", "Migr-8f2", "application", "App-3kd", "backup", "Bkp-9xq",
        "temporal", "Tmp-4zz");
    provision = new HashMap<>(Map.of("APPDB_PROFILE", "prod",
        "APPDB_PROVISION_ADMIN_URL", server.databaseUrl("postgres"),
        "APPDB_PROVISION_ADMIN_PASSWORD_FILE", server.adminPasswordFile().toString(),
        "APPDB_SSL_ROOT_CERT", server.authority().certificate().toString()));
    for (var secret : secrets.entrySet()) {
      Path file = folder.resolve(secret.getKey() + ".password");
      Files.writeString(file, secret.getValue() + "\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
      provision.put("APPDB_PROVISION_" + secret.getKey().toUpperCase() + "_PASSWORD_FILE",
          file.toString());
    }
    application = new HashMap<>(Map.of("APPDB_PROFILE", "prod",
        "DATABASE_URL", server.databaseUrl("appdb"), "DATABASE_USER", "appuser",
        "DATABASE_PASSWORD_FILE", folder.resolve("application.password").toString(),
        "APPDB_MIGRATION_USER", "appmigrator",
        "APPDB_MIGRATION_PASSWORD_FILE", folder.resolve("migration.password").toString(),
        "APPDB_SSL_ROOT_CERT", server.authority().certificate().toString()));
    first = CliRun.run(provision, "provision", "--json");
    second = CliRun.run(provision, "provision");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void provisionTwiceThenMigrateAsTheMigrationLoginThenServeAsTheApplication() {
    CliRun migrate = CliRun.run(application, "init-db");
    CliRun health = CliRun.run(application, "health", "--json");
    CliRun add = CliRun.run(application, "users", "add", "--first-name", "Ada",
        "--last-name", "Lovelace", "--email", "ada@example.com");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).startsWith("{\"changed\":true,").contains("\"object\":\"role appowner\"");
    assertThat(second.exitCode()).isZero();
    assertThat(second.out()).contains("nothing to change: all").doesNotContain("* ");
    assertThat(migrate.exitCode()).as(migrate.err()).isZero();
    assertThat(health.exitCode()).as(health.out()).isZero();
    assertThat(health.out()).contains("\"ready\":true");
    assertThat(add.exitCode()).as(add.err()).isZero();
    for (CliRun run : List.of(first, second, migrate, health, add)) {
      for (String secret : secrets.values()) {
        assertThat(run.out() + run.err()).doesNotContain(secret);
      }
      assertThat(run.out() + run.err()).doesNotContain(server.adminPassword());
    }
  }

  @Test
  void healthReportsTheTemporalDatabasesAsTheTemporalLoginOverVerifiedTls(@TempDir Path folder)
      throws Exception {
    assertThat(CliRun.run(application, "init-db").exitCode()).isZero();
    Path config = Files.writeString(folder.resolve("appdb.yaml"), """
        databases:
          temporal:
            url: %1$s
            user: temporal
            password-file: %3$s
            ssl-root-cert: %4$s
          temporal_visibility:
            url: %2$s
            user: temporal
            password-file: %3$s
            ssl-root-cert: %4$s
        """.formatted(server.databaseUrl("temporal"), server.databaseUrl("temporal_visibility"),
        provision.get("APPDB_PROVISION_TEMPORAL_PASSWORD_FILE"),
        server.authority().certificate()));

    CliRun health = CliRun.run(application, "--config", config.toString(), "health", "--json");
    Path appuserAsTemporal = Files.writeString(folder.resolve("appuser-as-temporal.yaml"),
        Files.readString(config).replace("user: temporal", "user: appuser").replace(
            provision.get("APPDB_PROVISION_TEMPORAL_PASSWORD_FILE"),
            application.get("DATABASE_PASSWORD_FILE")));
    CliRun refused = CliRun.run(application, "--config", appuserAsTemporal.toString(), "health",
        "--json");

    assertThat(health.exitCode()).as(health.out() + health.err()).isZero();
    assertThat(health.out()).contains("\"temporal\"", "\"temporal_visibility\"")
        .doesNotContain("\"up\":false");
    assertThat(refused.exitCode()).as("appuser may not connect to Temporal's databases")
        .isNotZero();
    assertThat(refused.out() + refused.err())
        .contains("permission denied for database \\\"temporal\\\"");
    for (CliRun run : List.of(health, refused)) {
      for (String secret : secrets.values()) {
        assertThat(run.out() + run.err()).doesNotContain(secret);
      }
    }
  }

  @Test
  void aPlanNamingTheAdministratorsOwnRoleIsAUsageError() {
    Map<String, String> own = new HashMap<>(provision);
    own.put("APPDB_PROVISION_BACKUP_ROLE", "postgres");
    CliRun refused = CliRun.run(own, "provision", "--json");
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err()).startsWith("{").contains("administrator's own login")
        .doesNotContain(server.adminPassword());
  }

  @Test
  void prodRefusesTheAdministratorsPasswordInTheUrl() {
    Map<String, String> inline = new HashMap<>(provision);
    inline.put("APPDB_PROVISION_ADMIN_URL", "postgresql://postgres:" + server.adminPassword()
        + "@localhost:" + server.port() + "/postgres");
    CliRun refused = CliRun.run(inline, "provision");
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err()).contains("takes passwords from files only")
        .doesNotContain(server.adminPassword());
  }
}
