package dev.appdb.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.adapter.jooq.spi.ConstraintViolation;
import dev.appdb.adapter.jooq.spi.SqlErrorKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** SQLite's two forms of a broken unique key, as sqlite-jdbc reports them. */
class SqliteDialectTest {

  private final SqliteDialect dialect = new SqliteDialect();

  @Test
  void readsTheTableAndColumnsOfAUniqueKey() {
    ConstraintViolation violation = dialect.violation(new SQLiteException(
        "[SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed (UNIQUE constraint failed:"
            + " user_identities.issuer, user_identities.subject)",
        SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE));

    assertThat(violation).isEqualTo(new ConstraintViolation(SqlErrorKind.UNIQUE_VIOLATION, null,
        "user_identities", List.of("issuer", "subject")));
  }

  @Test
  void readsTheNameOfAUniqueIndexOnExpressions() {
    ConstraintViolation violation = dialect.violation(new SQLiteException(
        "[SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed (UNIQUE constraint failed:"
            + " index 'notes_lower_body_key')", SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE));

    assertThat(violation.constraint()).isEqualTo("notes_lower_body_key");
  }
}
