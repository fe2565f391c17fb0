package dev.appdb.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.appdb.adapter.jooq.Profile;
import dev.appdb.bootstrap.cli.CliRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The CLI's log formats, and a user's own Logback configuration winning over them (on this test
 * class path the application test-jar's {@code logback-test.xml} is such a configuration, so the
 * formats are checked through {@code configure}, which applies appdb's defaults regardless).
 */
class LoggingSetupTest {

  private final PrintStream stderr = System.err;

  @AfterEach
  void restore() throws Exception {
    System.setErr(stderr);
    System.clearProperty("logback.configurationFile");
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    new ContextInitializer(context).autoConfig();
  }

  @Test
  void productionLogsAreLogstashJsonLinesWithTheKeyValuePairsAsFields() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    LoggingSetup.configure(Profile.PROD, false);

    LoggerFactory.getLogger("dev.appdb.test").atWarn().setMessage("migrations applied")
        .addKeyValue("set", "orders").addKeyValue("applied", 2).log();

    String line = captured.toString(StandardCharsets.UTF_8).strip();
    assertThat(line.lines()).hasSize(1);
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("@timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
    assertThat(json.get("level").asText()).isEqualTo("WARN");
    assertThat(json.get("logger_name").asText()).isEqualTo("dev.appdb.test");
    assertThat(json.get("message").asText()).isEqualTo("migrations applied");
    assertThat(json.get("set").asText()).isEqualTo("orders");
    assertThat(json.get("applied").asInt()).isEqualTo(2);
  }

  @Test
  void developmentLogsAreTextWithTheKeyValuePairs() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    LoggingSetup.configure(Profile.DEV, false);

    LoggerFactory.getLogger("dev.appdb.test").atWarn().setMessage("pool exhausted")
        .addKeyValue("pool", "appdb").log();

    assertThat(captured.toString(StandardCharsets.UTF_8))
        .contains("WARN  dev.appdb.test - pool exhausted pool=\"appdb\"");
  }

  /**
   * {@code --verbose} promises every statement's text and each unit's outcome at DEBUG: a real
   * CLI command on a SQLite file, with appdb's defaults in force, prints them (and no bound
   * value); without it, none.
   */
  @Test
  void verboseLogsEveryStatementsTextAndEachUnitsOutcome(@TempDir Path folder) {
    Map<String, String> environment =
        Map.of("DATABASE_URL", "sqlite:///" + folder.resolve("verbose.db"));
    assertThat(CliRun.run(environment, "init-db").exitCode()).isZero();
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));

    LoggingSetup.configure(Profile.DEV, true);
    CliRun verbose = CliRun.run(environment, "users", "add", "--first-name", "Ada",
        "--last-name", "Lovelace", "--email", "secret-value@example.com");
    String lines = captured.toString(StandardCharsets.UTF_8);
    captured.reset();
    LoggingSetup.configure(Profile.DEV, false);
    CliRun quiet = CliRun.run(environment, "users", "list");

    assertThat(verbose.exitCode()).as(verbose.err()).isZero();
    assertThat(lines).contains("DEBUG dev.appdb.sql - insert into users")
        .containsPattern("read-write unit of work committed in [0-9]+ µs")
        .doesNotContain("secret-value");
    assertThat(quiet.exitCode()).isZero();
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("DEBUG");
  }

  /** {@code -Dappdb.log-sql=true} turns on jOOQ's statement log and appdb's statement texts. */
  @Test
  void logSqlTurnsOnBothStatementLogs() {
    LoggingSetup.configure(Profile.DEV, false);
    assertThat(LoggerFactory.getLogger("dev.appdb.sql").isDebugEnabled()).isFalse();
    System.setProperty("appdb.log-sql", "true");
    try {
      LoggingSetup.configure(Profile.DEV, false);
    } finally {
      System.clearProperty("appdb.log-sql");
    }
    assertThat(LoggerFactory.getLogger("dev.appdb.sql").isDebugEnabled()).isTrue();
    assertThat(LoggerFactory.getLogger("org.jooq.tools.LoggerListener").isDebugEnabled())
        .isTrue();
  }

  @Test
  void aUsersOwnConfigurationIsLeftInForce() {
    System.setProperty("logback.configurationFile", "my-logback.xml");
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    var before = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders()
        .hasNext();

    assertThat(LoggingSetup.apply(Profile.PROD, true)).isFalse();
    assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders()
        .hasNext()).isEqualTo(before);
  }
}
