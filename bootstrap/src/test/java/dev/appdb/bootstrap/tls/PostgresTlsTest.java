package dev.appdb.bootstrap.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.bootstrap.Appdb;
import dev.appdb.bootstrap.config.SettingsLoader;
import dev.appdb.domain.error.DatabaseUnavailableException;
import dev.appdb.testing.PostgresServer;
import dev.appdb.testing.PostgresTestServer;
import dev.appdb.testing.SecurePostgresServer;
import dev.appdb.testing.tls.TestCertificateAuthority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prod profile against a server that takes only TLS with SCRAM: verified TLS by default
 * (the server's certificate and host name checked against {@code database.ssl-root-cert}),
 * passwords and the client key's password from files, client certificates; and against a server
 * without TLS, a clear refusal within the connect timeout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresTlsTest {

  private SecurePostgresServer server;
  private Path folder;

  @BeforeAll
  void startServer(@TempDir Path folder) {
    this.folder = folder;
    server = SecurePostgresServer.start(folder);
  }

  @AfterAll
  void stopServer() {
    server.close();
  }

  private Map<String, String> prod(String user, Path passwordFile) {
    Map<String, String> environment = new HashMap<>(Map.of("APPDB_PROFILE", "prod",
        "APPDB_MIGRATE_ON_START", "true", "APPDB_POOL_SIZE", "1",
        "APPDB_POOL_MAX_OVERFLOW", "0", "APPDB_POOL_TIMEOUT_SECONDS", "5",
        "DATABASE_URL", server.databaseUrl("postgres"), "DATABASE_USER", user,
        "DATABASE_PASSWORD_FILE", passwordFile.toString(),
        "APPDB_SSL_ROOT_CERT", server.authority().certificate().toString()));
    return environment;
  }

  @Test
  void prodConnectsWithVerifiedTlsByDefault() throws Exception {
    try (Appdb appdb = Appdb.start(SettingsLoader.load(null,
        prod("postgres", server.adminPasswordFile()), Map.of()))) {
      assertThat(appdb.probe().health().up()).isTrue();
      assertThat(appdb.userQueries().count()).isZero();
      try (Connection admin = server.admin("postgres");
          Statement statement = admin.createStatement();
          ResultSet row = statement.executeQuery("SELECT count(*), bool_and(s.ssl), min(s.version)"
              + " FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid)"
              + " WHERE a.application_name = 'appdb'")) {
        row.next();
        assertThat(row.getInt(1)).as("the pool's connections").isEqualTo(1);
        assertThat(row.getBoolean(2)).isTrue();
        assertThat(row.getString(3)).isIn("TLSv1.2", "TLSv1.3");
      }
    }
  }

  @Test
  void aServerCertificateFromAnotherAuthorityIsRefused() throws Exception {
    Path strangers = Files.createDirectories(folder.resolve("stranger"));
    TestCertificateAuthority stranger = TestCertificateAuthority.create(strangers, "stranger CA");
    Map<String, String> environment = prod("postgres", server.adminPasswordFile());
    environment.put("APPDB_SSL_ROOT_CERT", stranger.certificate().toString());

    assertThatThrownBy(() -> Appdb.start(SettingsLoader.load(null, environment, Map.of())))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageNotContaining(server.adminPassword());
  }

  @Test
  void aClientCertificateWithItsKeyPasswordFromAFile() throws Exception {
    try (Connection admin = server.admin("postgres");
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE ROLE tls_client LOGIN SUPERUSER PASSWORD 'tls-client-pw' IN ROLE "
          + SecurePostgresServer.CLIENT_CERTIFICATE_GROUP);
    }
    Path key = server.authority().issueClient("tls_client", "tls_client", "key-pw-77");
    Path keyPassword = Files.writeString(folder.resolve("key-password"), "key-pw-77\n");
    Path password = Files.writeString(folder.resolve("tls-client-password"), "tls-client-pw\n");
    Map<String, String> environment = prod("tls_client", password);

    assertThatThrownBy(() -> Appdb.start(SettingsLoader.load(null, environment, Map.of())))
        .as("no client certificate")
        .isInstanceOf(DatabaseUnavailableException.class);
    environment.put("APPDB_SSL_KEY", key.toString());
    environment.put("APPDB_SSL_KEY_PASSWORD_FILE", keyPassword.toString());
    try (Appdb appdb = Appdb.start(SettingsLoader.load(null, environment, Map.of()))) {
      assertThat(appdb.probe().health().up()).isTrue();
    }
  }

  @Test
  void aServerWithoutTlsIsRefusedClearlyWithinTheConnectTimeout() throws Exception {
    PostgresServer plaintext = PostgresTestServer.get();
    Path password = Files.writeString(folder.resolve("plain-password"),
        plaintext.adminPassword() + "\n");
    Map<String, String> environment = prod(plaintext.adminUser(), password);
    environment.put("DATABASE_URL", "postgresql://localhost:" + plaintext.port() + "/postgres");

    long start = System.nanoTime();
    assertThatThrownBy(() -> Appdb.start(SettingsLoader.load(null, environment, Map.of())))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageContaining("localhost:" + plaintext.port())
        .hasMessageContaining("TLS was required")
        .hasMessageContaining(":****@"); // the password masked (the embedded one is "postgres")
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }
}
