package dev.appdb.bootstrap.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.bootstrap.Appdb;
import dev.appdb.bootstrap.config.SettingsLoader;
import dev.appdb.domain.error.DatabaseUnavailableException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prod profile against a real PostgreSQL 16 with TLS on: connections are encrypted, and with
 * {@code verify-full} the server's certificate is really checked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresTlsTest {

  private EmbeddedPostgres server;
  private SelfSignedCertificate serverCertificate;
  private SelfSignedCertificate strangerCertificate;

  @BeforeAll
  void startServerWithTls(@TempDir Path folder) throws Exception {
    serverCertificate = SelfSignedCertificate.create(folder, "server");
    strangerCertificate = SelfSignedCertificate.create(folder, "stranger");
    server = EmbeddedPostgres.builder()
        .setServerConfig("ssl", "on")
        .setServerConfig("ssl_cert_file", serverCertificate.certificate().toString())
        .setServerConfig("ssl_key_file", serverCertificate.privateKey().toString())
        .start();
  }

  @AfterAll
  void stopServer() throws Exception {
    server.close();
  }

  private Map<String, String> prod(String query) {
    return Map.of("APPDB_PROFILE", "prod", "APPDB_MIGRATE_ON_START", "true",
        "APPDB_POOL_SIZE", "1", "APPDB_POOL_MAX_OVERFLOW", "0", "APPDB_POOL_TIMEOUT_SECONDS", "5",
        "DATABASE_URL", "postgresql://postgres:postgres@localhost:" + server.getPort()
            + "/postgres" + query);
  }

  @Test
  void prodConnectsOverTlsByDefault() throws Exception {
    try (Appdb appdb = Appdb.start(SettingsLoader.load(null, prod(""), Map.of()))) {
      assertThat(appdb.probe().health().up()).isTrue();
      assertThat(appdb.userQueries().count()).isZero();
      try (Connection admin = server.getPostgresDatabase().getConnection();
          Statement statement = admin.createStatement();
          ResultSet row = statement.executeQuery("SELECT count(*), bool_and(s.ssl), min(s.version)"
              + " FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid)"
              + " WHERE a.application_name = 'appdb'")) {
        row.next();
        assertThat(row.getInt(1)).as("the pool's connections").isEqualTo(1);
        assertThat(row.getBoolean(2)).isTrue();
        assertThat(row.getString(3)).startsWith("TLSv1.");
      }
    }
  }

  @Test
  void verifyFullChecksTheServerCertificate() {
    String trusted = "?sslmode=verify-full&sslrootcert=" + serverCertificate.certificate();
    String untrusted = "?sslmode=verify-full&sslrootcert=" + strangerCertificate.certificate();

    try (Appdb appdb = Appdb.start(SettingsLoader.load(null, prod(trusted), Map.of()))) {
      assertThat(appdb.probe().health().up()).isTrue();
    }
    assertThatThrownBy(() -> Appdb.start(SettingsLoader.load(null, prod(untrusted), Map.of())))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageNotContaining("postgres:postgres");
  }
}
