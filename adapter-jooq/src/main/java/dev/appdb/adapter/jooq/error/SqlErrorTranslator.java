package dev.appdb.adapter.jooq.error;

import dev.appdb.adapter.jooq.dialect.DatabaseDialect;
import dev.appdb.adapter.jooq.dialect.SqlErrorKind;
import dev.appdb.domain.error.AppdbException;
import dev.appdb.domain.error.ConcurrentUpdateException;
import dev.appdb.domain.error.DatabaseUnavailableException;
import dev.appdb.domain.error.QueryTimeoutException;
import dev.appdb.domain.error.UnexpectedDatabaseException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Turns driver and jOOQ failures into appdb's domain errors. Repositories ask {@link #kind} to
 * give constraint violations their specific meaning (duplicate email, unknown user); everything
 * else goes through {@link #translate}. Messages name the SQLState, never the driver's text,
 * which may contain row values.
 */
public final class SqlErrorTranslator {

  private final DatabaseDialect dialect;

  /** @param dialect classifies the driver's exceptions, never null */
  public SqlErrorTranslator(DatabaseDialect dialect) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
  }

  /**
   * @param failure any throwable, never null
   * @return the meaning of the first {@link SQLException} in its cause chain; {@link
   *     SqlErrorKind#OTHER} when there is none
   */
  public SqlErrorKind kind(Throwable failure) {
    SQLException sql = sqlException(failure);
    return sql == null ? SqlErrorKind.OTHER : dialect.classify(sql);
  }

  /**
   * @param failure a unique violation, never null
   * @param name a constraint or column name, e.g. {@code "email_normalized"}
   * @return whether the driver's report names {@code name} (PostgreSQL names the constraint,
   *     SQLite the table and columns)
   */
  public boolean names(Throwable failure, String name) {
    SQLException sql = sqlException(failure);
    return sql != null && sql.getMessage() != null && sql.getMessage().contains(name);
  }

  /**
   * @param failure what a unit of work or a driver call threw, never null
   * @return {@code failure} itself when it is an {@link AppdbException}; else its translation
   */
  public RuntimeException translate(Throwable failure) {
    if (failure instanceof AppdbException appdb) {
      return appdb;
    }
    SQLException sql = sqlException(failure);
    if (sql == null) {
      return failure instanceof RuntimeException runtime ? runtime
          : new IllegalStateException(failure);
    }
    String what = "SQLState " + sql.getSQLState() + ", vendor code " + sql.getErrorCode();
    return switch (dialect.classify(sql)) {
      case TIMEOUT -> new QueryTimeoutException(
          "statement cancelled by the statement timeout or a lock wait (" + what + ")", failure);
      case TRANSACTION_CONFLICT -> new ConcurrentUpdateException(
          "transaction conflicted with a concurrent one (" + what + "); retry the unit of work");
      case SCHEMA_MISSING -> new UnexpectedDatabaseException("the database has no appdb schema"
          + " (" + what + "): apply the migrations first (appdb init-db, or"
          + " database.migrate-on-start=true)", failure);
      case UNAVAILABLE -> new DatabaseUnavailableException(
          "database unavailable (" + what + ")", failure);
      default -> new UnexpectedDatabaseException("database error (" + what + ")", failure);
    };
  }

  /**
   * The first {@link SQLException} in the cause chain; for a {@link BatchUpdateException}, the
   * failure of the batch's row when the driver attaches it (as the cause, or else as the next
   * exception), since the batch exception itself may carry no SQLState or vendor code
   * (sqlite-jdbc's carries neither).
   */
  private static SQLException sqlException(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BatchUpdateException batch) {
        SQLException row = batch.getCause() instanceof SQLException cause ? cause
            : batch.getNextException();
        return row != null ? row : batch;
      }
      if (t instanceof SQLException sql) {
        return sql;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
