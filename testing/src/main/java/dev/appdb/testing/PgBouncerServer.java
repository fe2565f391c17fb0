package dev.appdb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PgBouncer (Debian's {@code pgbouncer} package, {@value #BINARY}) in front of the run's
 * PostgreSQL server, started by the test and stopped by {@link #close()}: listening on
 * 127.0.0.1 only, clients authenticated with SCRAM-SHA-256, in the pool mode and with the server
 * pool size the test asks for. PgBouncer refuses to run as root, so as root it runs in a user
 * namespace of its own ({@code unshare -U}), as the embedded PostgreSQL's {@code initdb} does.
 *
 * <p>When the binary is missing the calling test is skipped (a JUnit assumption) with a message
 * naming the package; {@code .ci/run} installs it and fails when a PostgreSQL test was skipped.
 */
public final class PgBouncerServer implements AutoCloseable {

  /** Where Debian's package installs PgBouncer. */
  public static final String BINARY = "/usr/sbin/pgbouncer";

  /** How long start-up may take before the test fails. */
  private static final Duration START_BOUND = Duration.ofSeconds(15);

  private final Path directory;
  private final Process process;
  private final int port;

  private PgBouncerServer(Path directory, Process process, int port) {
    this.directory = directory;
    this.process = process;
    this.port = port;
  }

  /**
   * Starts PgBouncer in front of {@code backend}, for every database on it.
   *
   * @param backend the PostgreSQL server it connects to
   * @param user the only login PgBouncer accepts, also the one it logs in to the server with
   * @param password that login's password (PgBouncer checks it with SCRAM-SHA-256)
   * @param poolMode {@code transaction}, {@code session} or {@code statement}
   * @param serverPoolSize server connections per database and user
   * @param ignoredStartupParameters startup parameters PgBouncer accepts and drops, e.g.
   *     {@code extra_float_digits} (pgjdbc sends it) or {@code options}
   * @return the running PgBouncer
   * @throws IllegalStateException when it does not start within 15 s (its log is in the
   *     message)
   */
  public static PgBouncerServer start(PostgresServer backend, String user, String password,
      String poolMode, int serverPoolSize, List<String> ignoredStartupParameters) {
    return start(backend, java.util.Map.of(user, password), poolMode, serverPoolSize,
        ignoredStartupParameters);
  }

  /**
   * Starts PgBouncer in front of {@code backend} for several logins, each logging in to the
   * server as itself (PgBouncer keeps a server pool per database and login).
   *
   * @param backend the PostgreSQL server it connects to
   * @param logins each login PgBouncer accepts and its password; not empty
   * @param poolMode {@code transaction}, {@code session} or {@code statement}
   * @param serverPoolSize server connections per database and login
   * @param ignoredStartupParameters startup parameters PgBouncer accepts and drops
   * @return the running PgBouncer
   * @throws IllegalStateException when it does not start within 15 s
   */
  public static PgBouncerServer start(PostgresServer backend, java.util.Map<String, String> logins,
      String poolMode, int serverPoolSize, List<String> ignoredStartupParameters) {
    Objects.requireNonNull(backend, "backend");
    Assumptions.assumeTrue(Files.isExecutable(Path.of(BINARY)), "PgBouncer is not installed ("
        + BINARY + " missing): apt-get install pgbouncer");
    try {
      Path directory = Files.createTempDirectory("appdb-pgbouncer");
      int port = freePort();
      String host = backend.host().equals("localhost") ? "127.0.0.1" : backend.host();
      StringBuilder users = new StringBuilder();
      logins.forEach((user, password) ->
          users.append(quoted(user)).append(' ').append(quoted(password)).append('\n'));
      Files.writeString(directory.resolve("users.txt"), users, StandardCharsets.UTF_8);
      Files.writeString(directory.resolve("pgbouncer.ini"), String.join("\n",
          "[databases]",
          "* = host=" + host + " port=" + backend.port(),
          "[pgbouncer]",
          "listen_addr = 127.0.0.1",
          "listen_port = " + port,
          "unix_socket_dir =",
          "auth_type = scram-sha-256",
          "auth_file = " + directory.resolve("users.txt"),
          "pool_mode = " + poolMode,
          "default_pool_size = " + serverPoolSize,
          "max_client_conn = 500",
          "ignore_startup_parameters = " + String.join(",", ignoredStartupParameters),
          "logfile = " + directory.resolve("pgbouncer.log"),
          "pidfile = " + directory.resolve("pgbouncer.pid"),
          ""), StandardCharsets.UTF_8);
      List<String> command = new ArrayList<>();
      if ("root".equals(System.getProperty("user.name"))) {
        command.addAll(List.of("unshare", "-U"));
      }
      command.addAll(List.of(BINARY, directory.resolve("pgbouncer.ini").toString()));
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(directory.resolve("stdout.log").toFile())
          .start();
      PgBouncerServer bouncer = new PgBouncerServer(directory, process, port);
      bouncer.awaitListening();
      return bouncer;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start PgBouncer", e);
    }
  }

  /** @return {@code 127.0.0.1} */
  public String host() {
    return "127.0.0.1";
  }

  /** @return the port PgBouncer listens on */
  public int port() {
    return port;
  }

  /**
   * @param database a database on the backend
   * @return its JDBC URL through PgBouncer, without credentials
   */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host() + ":" + port + "/" + database;
  }

  /** @return PgBouncer's log so far, for a failing test's message */
  public String log() {
    try {
      Path log = directory.resolve("pgbouncer.log");
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      return "(cannot read the log: " + e + ")";
    }
  }

  /** Stops PgBouncer (SIGTERM, then SIGKILL after 5 s) and removes its directory. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }

  @Override
  public String toString() {
    return "PgBouncer[127.0.0.1:" + port + "]";
  }

  private void awaitListening() {
    long deadline = System.nanoTime() + START_BOUND.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("PgBouncer exited with " + process.exitValue() + ": "
            + log() + readQuietly(directory.resolve("stdout.log")));
      }
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while PgBouncer started", e);
        }
      }
    }
    close();
    throw new IllegalStateException("PgBouncer did not listen within " + START_BOUND.toSeconds()
        + " s: " + log());
  }

  private static String readQuietly(Path path) {
    try {
      return Files.exists(path) ? Files.readString(path) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String quoted(String value) {
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }
}
