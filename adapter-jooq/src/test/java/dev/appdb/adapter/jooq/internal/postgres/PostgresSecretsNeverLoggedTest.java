package dev.appdb.adapter.jooq.internal.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.adapter.jooq.PoolSettings;
import dev.appdb.adapter.jooq.testing.LogCapture;
import dev.appdb.domain.error.DatabaseUnavailableException;
import dev.appdb.domain.error.PoolExhaustedException;
import dev.appdb.domain.user.User;
import dev.appdb.testing.PostgresServer;
import dev.appdb.testing.PostgresTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every log line, at TRACE through SLF4J (appdb, HikariCP, Flyway, jOOQ) and at FINEST through
 * java.util.logging (pgjdbc), while the pool starts, a unit runs, a login fails and the pool is
 * exhausted, with a password and an {@code sslpassword} set: neither secret appears anywhere,
 * raw or percent-encoded, nor in the messages of the errors raised. HikariCP's DEBUG
 * configuration dump masks only {@code password}; appdb hands it a data source instead of the
 * properties, which this test catches when undone.
 */
class PostgresSecretsNeverLoggedTest {

  private static final String PASSWORD = "Zq9!p@ss:w/rd%Secret-1";
  private static final String SSL_PASSWORD = "Kx7#key&pass?word=Secret-2";

  private LogCapture capture;

  @AfterEach
  void stopCapturing() {
    if (capture != null) {
      capture.close();
    }
  }

  @Test
  void noSecretInAnyLogLineOrErrorMessage() throws Exception {
    PostgresServer server = PostgresTestServer.get();
    String database = PostgresTestServer.createDatabase("secrets");
    String role = "secret_tester_" + Long.toHexString(System.nanoTime());
    try (Connection admin = DriverManager.getConnection(server.jdbcUrl(database),
        server.adminProperties()); Statement statement = admin.createStatement()) {
      statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + PASSWORD + "'");
      statement.execute("GRANT ALL ON DATABASE " + database + " TO " + role);
      statement.execute("GRANT CREATE ON SCHEMA public TO " + role);
    }
    capture = LogCapture.everything();
    Properties credentials = new Properties();
    credentials.setProperty("user", role);
    credentials.setProperty("password", PASSWORD);
    credentials.setProperty("sslpassword", SSL_PASSWORD);
    credentials.setProperty("sslmode", "disable");
    PoolSettings oneConnection = new PoolSettings(1, 0, Duration.ofSeconds(1),
        PoolSettings.DEFAULT_RECYCLE, PoolSettings.DEFAULT_IDLE_TIMEOUT, Duration.ofSeconds(5));
    List<String> errors = new ArrayList<>();

    // start, migrate, a unit of work
    try (JooqDatabase db = PostgresDatabase.open("postgresql://" + role + "@" + server.host()
        + ":" + server.port() + "/" + database, server.jdbcUrl(database), credentials,
        oneConnection)) {
      db.migrate();
      db.transactions().inTransaction(tx ->
          tx.users().create(User.register("Secret", "Keeper", null, Instant.now())));
      errors.add(String.valueOf(db.probe().readiness()));

      // pool exhaustion: the only connection is held while another unit waits 1 s
      CountDownLatch holding = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      AtomicBoolean released = new AtomicBoolean();
      Thread holder = new Thread(() -> db.transactions().readOnly(tx -> {
        holding.countDown();
        try {
          released.set(release.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return tx.users().count();
      }));
      holder.start();
      assertThat(holding.await(30, TimeUnit.SECONDS)).as("the holder took the only connection")
          .isTrue();
      try {
        db.transactions().readOnly(tx -> tx.users().count());
      } catch (PoolExhaustedException expected) {
        errors.add(describe(expected));
      } finally {
        release.countDown();
        holder.join(30_000);
      }
      assertThat(holder.isAlive()).as("the holder still running 30 s after its release")
          .isFalse();
      assertThat(released).as("the holder held its connection until released (30 s at most)")
          .isTrue();
    }

    // a failed login: a role that does not exist, with the same secrets
    Properties wrong = new Properties();
    wrong.putAll(credentials);
    wrong.setProperty("user", role + "_missing");
    assertThatThrownBy(() -> PostgresDatabase.open("postgresql://" + server.host() + ":"
        + server.port() + "/" + database, server.jdbcUrl(database), wrong, oneConnection))
        .isInstanceOf(DatabaseUnavailableException.class)
        .satisfies(e -> errors.add(describe(e)));

    assertThat(capture.capturedPgjdbcConnecting()).as("pgjdbc's FINE lines were captured")
        .isTrue();
    assertThat(capture.captured("com.zaxxer.hikari", Level.DEBUG))
        .as("DEBUG lines were captured (HikariCP's configuration dump)").isTrue();
    List<String> all = new ArrayList<>(errors);
    all.addAll(capture.lines());
    LogCapture.assertNoSecretIn(all, List.of(PASSWORD, SSL_PASSWORD));
  }

  private static String describe(Throwable error) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      text.append(t).append('\n');
    }
    return text.toString();
  }
}
