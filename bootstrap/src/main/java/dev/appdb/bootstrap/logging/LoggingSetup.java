package dev.appdb.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.appdb.bootstrap.config.Profile;
import org.slf4j.LoggerFactory;

/**
 * Configures Logback for the CLI once the profile is known: logs go to stderr (stdout carries
 * results), as text in {@code dev} and as one JSON object per line in {@code prod} (Logback's
 * {@link JsonEncoder}, structured like the seed's logs). Level WARN, or DEBUG with
 * {@code --verbose}, which in {@code dev} includes every SQL statement jOOQ runs.
 */
public final class LoggingSetup {

  private LoggingSetup() {}

  /**
   * @param profile decides the format
   * @param verbose DEBUG for appdb and (dev) jOOQ's SQL logger, instead of WARN
   */
  public static void apply(Profile profile, boolean verbose) {
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
      if (profile == Profile.DEV) {
        context.getLogger("org.jooq.tools.LoggerListener").setLevel(Level.DEBUG);
      }
    }
    context.getLogger("org.jooq.Constants").setLevel(Level.OFF); // the jOOQ banner
  }

  private static Encoder<ILoggingEvent> encoder(LoggerContext context, Profile profile) {
    if (profile == Profile.PROD) {
      JsonEncoder json = new JsonEncoder();
      json.setContext(context);
      json.setWithFormattedMessage(true);
      json.setWithMessage(false);
      json.setWithArguments(false);
      json.start();
      return json;
    }
    PatternLayoutEncoder text = new PatternLayoutEncoder();
    text.setContext(context);
    text.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n");
    text.start();
    return text;
  }
}
