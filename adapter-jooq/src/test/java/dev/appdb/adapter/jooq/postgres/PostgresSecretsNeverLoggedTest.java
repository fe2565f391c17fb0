package dev.appdb.adapter.jooq.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.adapter.jooq.pool.PoolSettings;
import dev.appdb.domain.error.DatabaseUnavailableException;
import dev.appdb.domain.error.PoolExhaustedException;
import dev.appdb.domain.user.User;
import dev.appdb.testing.PostgresServer;
import dev.appdb.testing.PostgresTestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

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

  private final List<String> lines = new ArrayList<>();
  private ListAppender<ILoggingEvent> appender;
  private Level rootLevel;
  private Handler julHandler;
  private java.util.logging.Level julLevel;

  /** Starts capturing, after the test's own set-up (whose CREATE ROLE holds the password). */
  private void captureEverything() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLevel = root.getLevel();
    root.setLevel(Level.TRACE);
    appender = new ListAppender<>();
    appender.setContext(context);
    appender.start();
    root.addAppender(appender);

    java.util.logging.Logger pgjdbc = java.util.logging.Logger.getLogger("org.postgresql");
    julLevel = pgjdbc.getLevel();
    pgjdbc.setLevel(java.util.logging.Level.FINEST);
    SimpleFormatter formatter = new SimpleFormatter();
    julHandler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        synchronized (lines) {
          lines.add(formatter.format(record));
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    julHandler.setLevel(java.util.logging.Level.ALL);
    pgjdbc.addHandler(julHandler);
  }

  @AfterEach
  void stopCapturing() {
    if (appender == null) {
      return;
    }
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(appender);
    root.setLevel(rootLevel);
    java.util.logging.Logger pgjdbc = java.util.logging.Logger.getLogger("org.postgresql");
    pgjdbc.removeHandler(julHandler);
    pgjdbc.setLevel(julLevel);
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
    captureEverything();
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
      Thread holder = new Thread(() -> db.transactions().readOnly(tx -> {
        holding.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return tx.users().count();
      }));
      holder.start();
      assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
      try {
        db.transactions().readOnly(tx -> tx.users().count());
      } catch (PoolExhaustedException expected) {
        errors.add(describe(expected));
      } finally {
        release.countDown();
        holder.join(10_000);
      }
    }

    // a failed login: a role that does not exist, with the same secrets
    Properties wrong = new Properties();
    wrong.putAll(credentials);
    wrong.setProperty("user", role + "_missing");
    assertThatThrownBy(() -> PostgresDatabase.open("postgresql://" + server.host() + ":"
        + server.port() + "/" + database, server.jdbcUrl(database), wrong, oneConnection))
        .isInstanceOf(DatabaseUnavailableException.class)
        .satisfies(e -> errors.add(describe(e)));

    List<String> all = new ArrayList<>(errors);
    for (ILoggingEvent event : appender.list) {
      all.add(event.getFormattedMessage() + " " + event.getKeyValuePairs()
          + (event.getThrowableProxy() == null ? ""
              : ThrowableProxyUtil.asString(event.getThrowableProxy())));
    }
    synchronized (lines) {
      assertThat(lines).as("pgjdbc's FINE lines were captured")
          .anyMatch(line -> line.contains("Connecting with URL"));
      all.addAll(lines);
    }
    assertThat(appender.list).as("DEBUG lines were captured (HikariCP's configuration dump)")
        .anyMatch(event -> event.getLoggerName().startsWith("com.zaxxer.hikari")
            && event.getLevel() == Level.DEBUG);
    for (String secret : List.of(PASSWORD, SSL_PASSWORD)) {
      String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
      assertThat(all).as("log lines and error messages").noneMatch(
          line -> line.contains(secret) || line.contains(encoded)
              || line.contains(encoded.replace("+", "%20")));
    }
  }

  private static String describe(Throwable error) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      text.append(t).append('\n');
    }
    return text.toString();
  }
}
