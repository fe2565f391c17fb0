package dev.appdb.adapter.jooq.internal.transaction;

import dev.appdb.adapter.jooq.spi.Causes;
import dev.appdb.adapter.jooq.spi.ConstraintViolation;
import dev.appdb.adapter.jooq.spi.DatabaseDialect;
import dev.appdb.adapter.jooq.spi.SqlErrorKind;
import dev.appdb.domain.error.AppdbException;
import dev.appdb.domain.error.ConcurrentUpdateException;
import dev.appdb.domain.error.DatabaseUnavailableException;
import dev.appdb.domain.error.DuplicateKeyException;
import dev.appdb.domain.error.MissingPrivilegeException;
import dev.appdb.domain.error.MissingReferenceException;
import dev.appdb.domain.error.QueryTimeoutException;
import dev.appdb.domain.error.StillReferencedException;
import dev.appdb.domain.error.UnexpectedDatabaseException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Query;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.UniqueKey;
import org.jooq.impl.QOM;

/**
 * Turns driver and jOOQ failures into appdb's domain errors, in one place for every repository,
 * appdb's and a service's. Constraint violations are translated by the constraint's name, read
 * from the driver's structured report ({@link DatabaseDialect#violation}) and, where the database
 * names none (SQLite), from the keys jOOQ generated for the statement's table: a unique key
 * becomes {@link DuplicateKeyException}, a foreign key {@link MissingReferenceException} (insert,
 * update) or {@link StillReferencedException} (delete; SQLite names no key then, so the message
 * names the table referred to). Repositories may refine these by name
 * (appdb's unique email becomes {@code DuplicateEmailException}). Messages name the SQLState and
 * constraints, never the driver's text, which may contain row values.
 */
public final class SqlErrorTranslator {

  private final DatabaseDialect dialect;

  /** @param dialect classifies the driver's exceptions */
  public SqlErrorTranslator(DatabaseDialect dialect) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
  }

  /**
   * @param failure any throwable
   * @return the meaning of the first {@link SQLException} in its cause chain; {@link
   *     SqlErrorKind#OTHER} when there is none
   */
  public SqlErrorKind kind(Throwable failure) {
    SQLException sql = sqlException(failure);
    return sql == null ? SqlErrorKind.OTHER : dialect.classify(sql);
  }

  /**
   * @param failure what a statement of a read-only unit of work threw
   * @return true when the database refused it for writing ({@link
   *     DatabaseDialect#refusedAsReadOnly})
   */
  public boolean refusedAsReadOnly(Throwable failure) {
    SQLException sql = sqlException(failure);
    return sql != null && dialect.refusedAsReadOnly(sql);
  }

  /**
   * @param failure what a unit of work or a driver call threw
   * @return {@code failure} itself when it is an {@link AppdbException}; else its translation,
   *     constraint violations without the statement's table to name them
   */
  public RuntimeException translate(Throwable failure) {
    return translate(failure, null);
  }

  /**
   * @param failure what a statement threw
   * @param statement the jOOQ statement that failed, or null when unknown; its table names a
   *     constraint the database did not name
   * @return {@code failure} itself when it is an {@link AppdbException}; else its translation
   */
  public RuntimeException translate(Throwable failure, Query statement) {
    if (failure instanceof AppdbException appdb) {
      return appdb;
    }
    SQLException sql = sqlException(failure);
    if (sql == null) {
      return failure instanceof RuntimeException runtime ? runtime
          : new IllegalStateException(failure);
    }
    ConstraintViolation violation = dialect.violation(sql);
    if (violation != null) {
      return translate(violation, statement);
    }
    String what = "SQLState " + sql.getSQLState() + ", vendor code " + sql.getErrorCode();
    String explained = dialect.explain(sql);
    return switch (dialect.classify(sql)) {
      case TIMEOUT -> new QueryTimeoutException((explained != null ? explained
          : "statement cancelled by the statement timeout or a lock wait") + " (" + what + ")",
          failure);
      case TRANSACTION_CONFLICT -> new ConcurrentUpdateException(
          "transaction conflicted with a concurrent one (" + what + "); retry the unit of work");
      case SCHEMA_MISSING -> new UnexpectedDatabaseException("the database has no appdb schema"
          + " (" + what + "): apply the migrations first (appdb init-db, or"
          + " database.migrate-on-start=true)", failure);
      case PERMISSION_DENIED -> new MissingPrivilegeException(null, null, null,
          (explained != null ? explained : "permission denied") + " (" + what + "): the"
              + " database role lacks a grant; see appdb provision", failure);
      case UNAVAILABLE -> new DatabaseUnavailableException(
          (explained != null ? explained : "database unavailable") + " (" + what + ")", failure);
      case ACCESS_REFUSED -> new DatabaseUnavailableException(
          (explained != null ? explained : "database access refused") + " (" + what + ")",
          failure, false);
      default -> new UnexpectedDatabaseException(
          (explained != null ? explained : "database error") + " (" + what + ")", failure);
    };
  }

  private static AppdbException translate(ConstraintViolation violation, Query statement) {
    Table<?> target = target(statement);
    if (violation.kind() == SqlErrorKind.UNIQUE_VIOLATION) {
      return new DuplicateKeyException(violation.constraint() != null ? violation.constraint()
          : uniqueKeyName(target, violation));
    }
    boolean deleting = statement instanceof QOM.Delete<?>;
    String name = violation.constraint() != null ? violation.constraint()
        : deleting ? referencingKeyName(target) : foreignKeyName(target, violation);
    return deleting ? new StillReferencedException(name) : new MissingReferenceException(name);
  }

  /** The table a statement writes; null for a plain-SQL statement or none. */
  private static Table<?> target(Query statement) {
    if (statement instanceof QOM.Insert<?> insert) {
      return insert.$into();
    }
    if (statement instanceof QOM.Update<?> update) {
      return update.$table();
    }
    if (statement instanceof QOM.Delete<?> delete) {
      return delete.$from();
    }
    return null;
  }

  /** The unique key over exactly the listed columns, else {@code table(columns)}. */
  private static String uniqueKeyName(Table<?> target, ConstraintViolation violation) {
    Set<String> columns = violation.columns().stream().map(c -> c.toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
    if (target != null && !columns.isEmpty()) {
      for (UniqueKey<?> key : target.getKeys()) {
        if (columnNames(key.getFields()).equals(columns)) {
          return key.getName();
        }
      }
    }
    String table = violation.table() != null ? violation.table()
        : target != null ? target.getName() : "a table";
    return table + "(" + String.join(", ", violation.columns()) + ")";
  }

  /** The table's only foreign key, else a description naming the table. */
  private static String foreignKeyName(Table<?> target, ConstraintViolation violation) {
    if (target != null && target.getReferences().size() == 1) {
      return target.getReferences().get(0).getName();
    }
    String table = violation.table() != null ? violation.table()
        : target != null ? target.getName() : null;
    return table == null ? "a foreign key" : "a foreign key of " + table;
  }

  /**
   * A description of the key that refers to the table. Not guessed from the generated schema:
   * a service's tables referring to appdb's are not in appdb's generated classes, so the only
   * key found there could be the wrong one.
   */
  private static String referencingKeyName(Table<?> target) {
    return target == null ? "a foreign key" : "a foreign key referring to " + target.getName();
  }

  private static Set<String> columnNames(List<? extends TableField<?, ?>> fields) {
    Set<String> names = new HashSet<>();
    fields.forEach(field -> names.add(field.getName().toLowerCase(Locale.ROOT)));
    return names;
  }

  /**
   * The first {@link SQLException} in the cause chain; for a {@link BatchUpdateException}, the
   * failure of the batch's row when the driver attaches it (as the cause, or else as the next
   * exception), since the batch exception itself may carry no SQLState or vendor code
   * (sqlite-jdbc's carries neither).
   */
  private static SQLException sqlException(Throwable failure) {
    SQLException first = Causes.first(failure, SQLException.class).orElse(null);
    if (first instanceof BatchUpdateException batch) {
      SQLException row = batch.getCause() instanceof SQLException cause ? cause
          : batch.getNextException();
      return row != null ? row : batch;
    }
    return first;
  }

}
