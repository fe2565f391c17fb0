package dev.appdb.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.appdb.adapter.jooq.testing.LogCapture;
import dev.appdb.testing.SecurePostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every secret of a production deployment — the administrator's password, the four provisioned
 * logins' passwords, the migration login's, the client key's password, and wrong ones — kept
 * out of every log line (SLF4J at TRACE, pgjdbc at FINEST) and every line the CLI prints, while
 * an operator provisions, migrates as the migration login, serves as {@code appuser} with a
 * client certificate, and fails to log in three ways.
 */
class PostgresSecretsNeverLoggedCliTest {

  private static final Map<String, String> SECRETS = Map.of(
      "migration", "Mig%r@t0r:pw/1", "application", "App&us3r?pw=2", "backup", "B@ck#up pw 3",
      "temporal", "T3mp+oral%pw4");
  private static final String KEY_PASSWORD = "K3y!pass&word=5";
  private static final String WRONG = "Wr0ng:pass@word%6";

  @Test
  void noSecretInAnyLogLineOrOutput(@TempDir Path folder) throws Exception {
    Path logback = Files.writeString(folder.resolve("logback.xml"), "<configuration/>\n");
    String previous = System.setProperty("logback.configurationFile", logback.toString());
    List<String> everything = new ArrayList<>();
    List<String> secrets = new ArrayList<>(SECRETS.values());
    secrets.addAll(List.of(KEY_PASSWORD, WRONG));
    try (SecurePostgresServer server = SecurePostgresServer.start(folder)) {
      secrets.add(server.adminPassword());
      Map<String, String> provision = new HashMap<>(Map.of("APPDB_PROFILE", "prod",
          "APPDB_PROVISION_ADMIN_URL", server.databaseUrl("postgres"),
          "APPDB_PROVISION_ADMIN_PASSWORD_FILE", server.adminPasswordFile().toString(),
          "APPDB_SSL_ROOT_CERT", server.authority().certificate().toString()));
      for (var secret : SECRETS.entrySet()) {
        provision.put("APPDB_PROVISION_" + secret.getKey().toUpperCase() + "_PASSWORD_FILE",
            secretFile(folder, secret.getKey(), secret.getValue()).toString());
      }
      Path key = server.authority().issueClient("appuser", "appuser", KEY_PASSWORD);
      Map<String, String> application = new HashMap<>(Map.of("APPDB_PROFILE", "prod",
          "DATABASE_URL", server.databaseUrl("appdb"), "DATABASE_USER", "appuser",
          "DATABASE_PASSWORD_FILE", folder.resolve("application.password").toString(),
          "APPDB_MIGRATION_USER", "appmigrator",
          "APPDB_MIGRATION_PASSWORD_FILE", folder.resolve("migration.password").toString(),
          "APPDB_SSL_ROOT_CERT", server.authority().certificate().toString(),
          "APPDB_SSL_KEY", key.toString(),
          "APPDB_SSL_KEY_PASSWORD_FILE", secretFile(folder, "key", KEY_PASSWORD).toString()));
      Path wrong = secretFile(folder, "wrong", WRONG);

      try (LogCapture capture = LogCapture.everything()) {
        List<CliRun> runs = new ArrayList<>();
        runs.add(expect(0, CliRun.run(provision, "provision", "--json")));
        try (Connection admin = server.admin("postgres");
            Statement statement = admin.createStatement()) {
          statement.execute("GRANT " + SecurePostgresServer.CLIENT_CERTIFICATE_GROUP
              + " TO appuser");
        }
        runs.add(expect(0, CliRun.run(application, "init-db")));
        runs.add(expect(0, CliRun.run(application, "health", "--json")));
        runs.add(expect(0, CliRun.run(application, "users", "add", "--first-name", "Ada",
            "--last-name", "Lovelace", "--email", "ada@example.com")));
        runs.add(expectFailure(CliRun.run(with(application, "APPDB_MIGRATION_PASSWORD_FILE",
            wrong), "init-db")));
        runs.add(expectFailure(CliRun.run(with(application, "APPDB_SSL_KEY_PASSWORD_FILE",
            wrong), "users", "list")));
        runs.add(expectFailure(CliRun.run(with(provision,
            "APPDB_PROVISION_ADMIN_PASSWORD_FILE", wrong), "provision", "--json")));

        assertThat(capture.captured("com.zaxxer.hikari", Level.DEBUG))
            .as("HikariCP's DEBUG lines were captured").isTrue();
        assertThat(capture.captured("dev.appdb", Level.INFO))
            .as("appdb's INFO lines were captured").isTrue();
        assertThat(capture.capturedPgjdbcConnecting()).as("pgjdbc's FINE lines were captured")
            .isTrue();
        everything.addAll(capture.lines());
        for (CliRun run : runs) {
          everything.add(run.out());
          everything.add(run.err());
        }
      }
    } finally {
      if (previous == null) {
        System.clearProperty("logback.configurationFile");
      } else {
        System.setProperty("logback.configurationFile", previous);
      }
    }
    LogCapture.assertNoSecretIn(everything, secrets);
  }

  private static CliRun expect(int exitCode, CliRun run) {
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(exitCode);
    return run;
  }

  private static CliRun expectFailure(CliRun run) {
    assertThat(run.exitCode()).as(run.out() + run.err()).isNotZero();
    return run;
  }

  private static Map<String, String> with(Map<String, String> environment, String key,
      Path value) {
    Map<String, String> changed = new HashMap<>(environment);
    changed.put(key, value.toString());
    return changed;
  }

  private static Path secretFile(Path folder, String name, String secret) throws Exception {
    Path file = folder.resolve(name + ".password");
    Files.writeString(file, secret + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
    return file;
  }
}
