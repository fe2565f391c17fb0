package dev.appdb.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production-like server really is one: TLS 1.2+ with SCRAM-SHA-256 only, plaintext refused
 * by the server, client certificates checked for the roles that need them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresSecureServerTest {

  private SecurePostgresServer server;

  @BeforeAll
  void start(@TempDir Path folder) {
    server = SecurePostgresServer.start(folder);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void verifiedTlsWithScramIsAcceptedAndIsTls12OrNewer() throws SQLException {
    try (Connection admin = server.admin("postgres");
        Statement statement = admin.createStatement();
        ResultSet row = statement.executeQuery("SELECT s.ssl, s.version,"
            + " current_setting('password_encryption'), current_setting('ssl_min_protocol_version')"
            + " FROM pg_stat_ssl s WHERE s.pid = pg_backend_pid()")) {
      row.next();
      assertThat(row.getBoolean(1)).isTrue();
      assertThat(row.getString(2)).isIn("TLSv1.2", "TLSv1.3");
      assertThat(row.getString(3)).isEqualTo("scram-sha-256");
      assertThat(row.getString(4)).isEqualTo("TLSv1.2");
    }
  }

  @Test
  void plaintextIsRefusedByTheServer() {
    Properties plaintext = new Properties();
    plaintext.setProperty("user", server.adminUser());
    plaintext.setProperty("password", server.adminPassword());
    plaintext.setProperty("sslmode", "disable");
    assertThatThrownBy(() -> DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + server.port() + "/postgres", plaintext).close())
        .isInstanceOfSatisfying(SQLException.class,
            e -> assertThat(e.getSQLState()).isEqualTo("28000"))
        .hasMessageContaining("no encryption");
  }

  @Test
  void aRoleOfTheClientCertificateGroupNeedsACertificateWithItsName() throws Exception {
    try (Connection admin = server.admin("postgres");
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE ROLE cert_login LOGIN PASSWORD 'cert-login-pw' IN ROLE "
          + SecurePostgresServer.CLIENT_CERTIFICATE_GROUP);
    }
    Path own = server.authority().issueClient("cert_login", "cert_login", "key-secret");
    Path other = server.authority().issueClient("someone", "someone_else", "key-secret");

    assertThatThrownBy(() -> server.connect("postgres", "cert_login", "cert-login-pw").close())
        .isInstanceOf(SQLException.class);
    try (Connection withCertificate = DriverManager.getConnection(server.jdbcUrl("postgres")
        + "&sslkey=" + own + "&sslpassword=key-secret", credentials("cert_login"))) {
      assertThat(withCertificate.isValid(5)).isTrue();
    }
    assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres")
        + "&sslkey=" + other + "&sslpassword=key-secret", credentials("cert_login")).close())
        .isInstanceOf(SQLException.class);
  }

  private static Properties credentials(String user) {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", "cert-login-pw");
    return properties;
  }
}
