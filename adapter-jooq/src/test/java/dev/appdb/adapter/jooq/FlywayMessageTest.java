package dev.appdb.adapter.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Flyway's multi-line reports as the one line appdb's errors carry (texts seen from Flyway 11). */
class FlywayMessageTest {

  @Test
  void aFailedScriptBecomesSummaryMessageStateScriptAndLine() {
    String report = """
        Failed to execute script V1__broken.sql
        ---------------------------------------
        SQL State  : 42601
        Error Code : 0
        Message    : ERROR: syntax error at or near ")"
          Position: 49
        Location   : testmigrations/broken/postgresql/V1__broken.sql (/work/x/V1__broken.sql)
        Line       : 4
        Statement  : Run Flyway with -X option to see the actual statement causing the problem
        """;

    assertThat(JooqDatabase.oneLine(report)).isEqualTo("Failed to execute script V1__broken.sql:"
        + " ERROR: syntax error at or near \")\" (SQL State 42601)"
        + " at testmigrations/broken/postgresql/V1__broken.sql line 4");
  }

  @Test
  void otherReportsKeepEveryLineInOrder() {
    String report = "Validate failed: Migrations have failed validation\n"
        + "Detected resolved migration not applied to database: 2.\n"
        + "To fix this error, either run migrate, or set -ignoreMigrationPatterns='*:pending'.\n";

    assertThat(JooqDatabase.oneLine(report)).isEqualTo("Validate failed: Migrations have failed"
        + " validation Detected resolved migration not applied to database: 2. To fix this"
        + " error, either run migrate, or set -ignoreMigrationPatterns='*:pending'.");
    assertThat(JooqDatabase.oneLine(null)).isEqualTo("Flyway failed");
  }
}
