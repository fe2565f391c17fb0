package dev.appdb.adapter.jooq.spi;

import java.util.List;
import java.util.Objects;

/**
 * What a driver reported about a broken unique or foreign-key constraint, read from its
 * structured fields (pgjdbc's server error message; SQLite's extended result code and the
 * columns it lists), never from values: a report may not carry row data.
 *
 * @param kind {@link SqlErrorKind#UNIQUE_VIOLATION} or {@link SqlErrorKind#FOREIGN_KEY_VIOLATION}
 * @param constraint the constraint's name when the database gives it (PostgreSQL), else null
 * @param table the table the constraint is on when known, else null
 * @param columns the constrained columns when the database lists them (SQLite's unique
 *     constraints), else empty; unmodifiable
 */
public record ConstraintViolation(SqlErrorKind kind, String constraint, String table,
    List<String> columns) {

  /** @throws IllegalArgumentException when {@code kind} is not a constraint violation */
  public ConstraintViolation {
    if (kind != SqlErrorKind.UNIQUE_VIOLATION && kind != SqlErrorKind.FOREIGN_KEY_VIOLATION) {
      throw new IllegalArgumentException("kind must be a unique or foreign-key violation, was "
          + kind);
    }
    columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
  }
}
