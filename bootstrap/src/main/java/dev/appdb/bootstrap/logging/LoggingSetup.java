package dev.appdb.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.appdb.adapter.jooq.Profile;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/**
 * Configures Logback for the CLI once the profile is known, unless the user configured it
 * (a {@code logback.xml} or {@code logback-test.xml} on the class path, or
 * {@code -Dlogback.configurationFile}): then the user's configuration wins untouched. appdb's
 * defaults: logs go to stderr (stdout carries results), as text with the SLF4J key-value pairs
 * in {@code dev} and as one JSON object per line in {@code prod}, in the Logstash shape log
 * pipelines read ({@code @timestamp}, {@code level}, {@code logger_name}, {@code message}, the
 * key-value pairs as fields; logstash-logback-encoder). Level WARN, or DEBUG for appdb with
 * {@code --verbose}: each unit of work's outcome and each statement's text (logger
 * {@code dev.appdb.sql}), never a bound value. Values are logged only when asked for with
 * {@code -Dappdb.log-sql=true} (jOOQ's {@code LoggerListener}, for statements sent through jOOQ).
 */
public final class LoggingSetup {

  private LoggingSetup() {}

  /**
   * @param profile decides the format
   * @param verbose DEBUG for appdb instead of WARN
   * @return whether appdb's defaults were applied (false: the user's configuration is in force)
   */
  public static boolean apply(Profile profile, boolean verbose) {
    if (userConfigured()) {
      return false;
    }
    configure(profile, verbose);
    return true;
  }

  /** appdb's defaults, whatever else is configured. */
  static void configure(Profile profile, boolean verbose) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName("stderr");
    appender.setTarget("System.err");
    appender.setEncoder(encoder(context, profile));
    appender.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.addAppender(appender);
    root.setLevel(Level.WARN);
    if (verbose) {
      context.getLogger("dev.appdb").setLevel(Level.DEBUG);
    }
    if (Boolean.getBoolean("appdb.log-sql")) {
      // jOOQ's own statement log (bind values included) and appdb's statement texts
      context.getLogger("org.jooq.tools.LoggerListener").setLevel(Level.DEBUG);
      context.getLogger("dev.appdb.sql").setLevel(Level.DEBUG);
    }
    context.getLogger("org.jooq.Constants").setLevel(Level.OFF); // the jOOQ banner
  }

  private static boolean userConfigured() {
    if (System.getProperty("logback.configurationFile") != null) {
      return true;
    }
    ClassLoader loader = LoggingSetup.class.getClassLoader();
    return loader.getResource("logback.xml") != null
        || loader.getResource("logback-test.xml") != null;
  }

  private static Encoder<ILoggingEvent> encoder(LoggerContext context, Profile profile) {
    if (profile == Profile.PROD) {
      LogstashEncoder json = new LogstashEncoder();
      json.setContext(context);
      json.start();
      return json;
    }
    PatternLayoutEncoder text = new PatternLayoutEncoder();
    text.setContext(context);
    text.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg %kvp%n");
    text.start();
    return text;
  }
}
