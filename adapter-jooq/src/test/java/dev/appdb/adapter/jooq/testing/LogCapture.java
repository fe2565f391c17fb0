package dev.appdb.adapter.jooq.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.slf4j.LoggerFactory;

/**
 * Captures every log line while open: SLF4J at TRACE (appdb, HikariCP, Flyway, jOOQ) and
 * java.util.logging at FINEST for pgjdbc. Closing restores the levels it changed.
 */
public final class LogCapture implements AutoCloseable {

  private static final String PGJDBC = "org.postgresql";

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final List<String> julLines = new ArrayList<>();
  private final Level rootLevel;
  private final java.util.logging.Level julLevel;
  private final Handler julHandler;

  private LogCapture() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLevel = root.getLevel();
    root.setLevel(Level.TRACE);
    appender.setContext(context);
    appender.start();
    root.addAppender(appender);

    java.util.logging.Logger pgjdbc = java.util.logging.Logger.getLogger(PGJDBC);
    julLevel = pgjdbc.getLevel();
    pgjdbc.setLevel(java.util.logging.Level.FINEST);
    SimpleFormatter formatter = new SimpleFormatter();
    julHandler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        synchronized (julLines) {
          julLines.add(formatter.format(record));
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

  /** @return a capture of everything, from now until {@link #close} */
  public static LogCapture everything() {
    return new LogCapture();
  }

  /**
   * @return every captured line so far: SLF4J events as message, key-value pairs and stack trace;
   *     pgjdbc's lines as formatted by java.util.logging
   */
  public List<String> lines() {
    List<String> all = new ArrayList<>();
    for (ILoggingEvent event : List.copyOf(appender.list)) {
      all.add(event.getLoggerName() + " " + event.getLevel() + " "
          + event.getFormattedMessage() + " " + event.getKeyValuePairs()
          + (event.getThrowableProxy() == null ? ""
              : ThrowableProxyUtil.asString(event.getThrowableProxy())));
    }
    synchronized (julLines) {
      all.addAll(julLines);
    }
    return all;
  }

  /**
   * @param loggerPrefix e.g. {@code "com.zaxxer.hikari"}
   * @param level an SLF4J level
   * @return whether a line of that logger and level was captured (proof the capture works)
   */
  public boolean captured(String loggerPrefix, Level level) {
    return List.copyOf(appender.list).stream().anyMatch(event ->
        event.getLoggerName().startsWith(loggerPrefix) && event.getLevel() == level);
  }

  /** @return whether pgjdbc logged its connection attempts (its FINE lines were captured) */
  public boolean capturedPgjdbcConnecting() {
    synchronized (julLines) {
      return julLines.stream().anyMatch(line -> line.contains("Connecting with URL"));
    }
  }

  /**
   * Asserts that no text holds any secret, raw or percent-encoded (as {@code +} or {@code %20}).
   *
   * @param texts log lines, error messages, command output
   * @param secrets the secrets
   */
  public static void assertNoSecretIn(Collection<String> texts, Collection<String> secrets) {
    for (String secret : secrets) {
      String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
      assertThat(texts).as("no line holds a secret").noneMatch(
          line -> line.contains(secret) || line.contains(encoded)
              || line.contains(encoded.replace("+", "%20")));
    }
  }

  @Override
  public void close() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(appender);
    root.setLevel(rootLevel);
    java.util.logging.Logger pgjdbc = java.util.logging.Logger.getLogger(PGJDBC);
    pgjdbc.removeHandler(julHandler);
    pgjdbc.setLevel(julLevel);
  }
}
