package dev.appdb.bootstrap.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.appdb.adapter.jooq.DatabaseSettings;
import dev.appdb.adapter.jooq.Databases;
import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.adapter.jooq.MigrationLogin;
import dev.appdb.adapter.jooq.PoolSettings;
import dev.appdb.adapter.jooq.PostgresConnectionSettings;
import dev.appdb.adapter.jooq.PostgresTarget;
import dev.appdb.application.user.RegisterUser;
import dev.appdb.testing.SecurePostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pg_dump --schema=app} as the backup login, on a provisioned, migrated server configured
 * like production (TLS with {@code verify-full}, SCRAM only). The server is PostgreSQL 15, not the
 * suite's 16: pg_dump refuses a server newer than itself, and Debian bookworm's newest pg_dump is
 * 15 ({@code apt-get install postgresql-client-15}; {@code .ci/run} installs it). The grants are
 * the same on both versions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresBackupDumpTest {

  private static final Path BINARIES =
      Path.of("target/postgres-binaries/postgres-binaries-dump.jar");
  private static final Map<String, String> PASSWORDS = Map.of("appmigrator", "migrator-Pw-1",
      "appuser", "appuser-Pw-2", "backupuser", "backup-Pw-3", "temporal", "temporal-Pw-4");
  private static final PoolSettings SMALL = PoolSettings.DEVELOPMENT.withSize(2, 0);
  private static final long DUMP_BOUND_SECONDS = 60;

  private Path pgDump;
  private Path folder;
  private SecurePostgresServer server;

  @BeforeAll
  void provisionMigrateAndWrite(@TempDir Path folder) throws SQLException {
    pgDump = pgDump15();
    assumeTrue(pgDump != null, "pg_dump 15 not found in /usr/lib/postgresql/15/bin or on the PATH"
        + " (apt-get install postgresql-client-15)");
    assertThat(BINARIES).as("PostgreSQL 15 binaries copied by the build").exists();
    this.folder = folder;
    server = SecurePostgresServer.start(folder, BINARIES);
    try (Connection admin = server.admin("postgres"); Statement statement = admin.createStatement();
        ResultSet version = statement.executeQuery("SHOW server_version_num")) {
      version.next();
      assertThat(version.getString(1)).startsWith("15");
    }
    PostgresProvisioning.provision(target("postgres", server.adminUser(), server.adminPassword()),
        ProvisionPlan.DEFAULTS.withPasswords(PASSWORDS), network());
    try (JooqDatabase database = Databases.open(new DatabaseSettings(
        target("appdb", "appuser", PASSWORDS.get("appuser")), SMALL, network(),
        new MigrationLogin("appmigrator", PASSWORDS.get("appmigrator"), "appowner")))) {
      database.migrate();
      new RegisterUser(database.transactions(), Clock.systemUTC())
          .register("Grace", "Hopper", "grace@example.com");
    }
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theBackupLoginDumpsTheSchemaWithItsRows() throws IOException, InterruptedException {
    Dump dump = dump("backupuser");

    assertThat(dump.exitCode()).as(dump.errors()).isZero();
    assertThat(dump.output())
        .contains("CREATE TABLE app.users", "CREATE TABLE app.user_identities",
            "CREATE TABLE app.appdb_schema_history", "COPY app.users", "Grace", "Hopper")
        .doesNotContain("CREATE TABLE public.");
  }

  @Test
  void aLoginWithoutTheBackupGrantsCannotDump() throws IOException, InterruptedException {
    Dump dump = dump("temporal");

    assertThat(dump.exitCode()).isNotZero();
    assertThat(dump.errors()).contains("permission denied for database \"appdb\"");
  }

  private record Dump(int exitCode, String output, String errors) { }

  private Dump dump(String user) throws IOException, InterruptedException {
    Path passfile = folder.resolve(user + ".pgpass");
    Files.writeString(passfile, server.host() + ":" + server.port() + ":appdb:" + user + ":"
        + PASSWORDS.get(user) + "\n");
    Files.setPosixFilePermissions(passfile, PosixFilePermissions.fromString("rw-------"));
    Path output = folder.resolve(user + ".sql");
    Path errors = folder.resolve(user + ".err");
    ProcessBuilder builder = new ProcessBuilder(List.of(pgDump.toString(), "--schema=app",
        "--no-password", "--file=" + output, "host=" + server.host() + " port=" + server.port()
            + " dbname=appdb user=" + user + " sslmode=verify-full sslrootcert="
            + server.authority().certificate()))
        .redirectErrorStream(false)
        .redirectError(errors.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("PGPASSFILE", passfile.toString());
    Process process = builder.start();
    if (!process.waitFor(DUMP_BOUND_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("pg_dump as " + user + " still running after "
          + DUMP_BOUND_SECONDS + " s");
    }
    return new Dump(process.exitValue(),
        Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "",
        Files.readString(errors, StandardCharsets.UTF_8));
  }

  private static Path pgDump15() {
    Path debian = Path.of("/usr/lib/postgresql/15/bin/pg_dump");
    if (Files.isExecutable(debian)) {
      return debian;
    }
    for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(directory, "pg_dump");
      if (Files.isExecutable(candidate) && majorVersion(candidate).equals("15")) {
        return candidate;
      }
    }
    return null;
  }

  private static String majorVersion(Path pgDump) {
    try {
      Process process = new ProcessBuilder(pgDump.toString(), "--version").start();
      // one line of output, so waiting before reading cannot fill the pipe
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(pgDump + " --version still running after 30 s");
      }
      String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      // "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"
      String[] words = version.trim().split("\\s+");
      return words.length >= 3 ? words[2].split("\\.")[0] : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private PostgresTarget target(String database, String user,
      String password) {
    return ApplicationRoleTestDatabase.target(server, database, user, password);
  }

  private static PostgresConnectionSettings network() {
    return PostgresConnectionSettings.defaults(SMALL.statementTimeout());
  }
}
