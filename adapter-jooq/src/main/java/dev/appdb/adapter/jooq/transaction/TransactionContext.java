package dev.appdb.adapter.jooq.transaction;

import dev.appdb.adapter.jooq.dialect.DatabaseDialect;
import dev.appdb.adapter.jooq.dialect.StatementClock;
import dev.appdb.adapter.jooq.error.SqlErrorTranslator;
import dev.appdb.domain.error.DuplicateKeyException;
import dev.appdb.domain.error.MissingReferenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.BatchBindStep;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.ExecuteListenerProvider;
import org.jooq.Name;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConnectionProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state the repositories of one unit of work share: a jOOQ context on the unit's connection
 * (derived on first use, so a unit that runs no statement pays nothing for it), the statements
 * rendered once per database, plain JDBC on the same connection ({@link #jdbc}) and the error
 * translator. Fails every use after the unit of work ended, so a repository that leaks out of
 * its lambda cannot touch a connection that went back to the pool,
 * every write in a read-only unit of work, and every use after a statement failed (the same on
 * every database, whatever the driver enforces).
 *
 * <p>Every statement jOOQ runs through {@link #dsl()} is watched by a listener of the unit's own:
 * when one fails, for whatever reason and whoever sent it, the unit is marked failed and the
 * caller receives appdb's domain error instead of jOOQ's or the driver's exception. A repository
 * that gives a failure a more specific meaning (a duplicate email) records that meaning with
 * {@link #failed}. jOOQ's own transactions ({@code dsl().transaction(...)}) are refused: the unit
 * is the transaction, and a nested one would commit or roll back the unit's work behind its back.
 * Statements sent past jOOQ ({@code dsl().connection(...)}) are not watched; PostgreSQL's aborted
 * transaction is still caught before the commit, SQLite's failures there are not.
 */
public final class TransactionContext {

  private static final Name BATCH_SAVEPOINT = DSL.name("appdb_batch");

  /**
   * Every statement's text, as sent (placeholders, never a bound value), at DEBUG: one place for
   * the kit's plain JDBC and for jOOQ ({@link StatementFailures}).
   */
  static final Logger SQL = LoggerFactory.getLogger("dev.appdb.sql");

  private final DatabaseContext database;
  private final Connection connection;
  private final boolean readOnly;
  /** Times the unit's statements where the driver cannot; null where it can. */
  private final StatementClock clock;
  /** The statements begun and not yet ended, for {@link #clock}. */
  private int openStatements;
  private DSLContext dsl;
  /** Whether the dialect's {@code beforeFirstStatement} ran. */
  private boolean started;
  /** Whether a statement was sent through the unit's tracking. */
  private boolean sentStatements;
  private volatile boolean ended;
  private volatile RuntimeException failure;
  /** True while a statement runs under a savepoint that undoes its failure. */
  private boolean underSavepoint;
  /** Whether the unit's connection went back to the pool as broken (closed by the pool). */
  private boolean evicted;
  /** How the unit ended, for its observers; rolled back until a commit is tried. */
  private UnitOfWorkObserver.Outcome outcome = UnitOfWorkObserver.Outcome.ROLLED_BACK;

  /**
   * Made by the unit-of-work implementation for each transaction.
   *
   * @param database what the units of work of the database share, never null
   * @param connection the transaction's connection, never null
   * @param readOnly whether writes must be refused
   */
  TransactionContext(DatabaseContext database, Connection connection, boolean readOnly) {
    this.database = Objects.requireNonNull(database, "database");
    this.connection = Objects.requireNonNull(connection, "connection");
    this.readOnly = readOnly;
    this.clock = database.dialect().statementClock(connection);
  }

  /**
   * @return the jOOQ context bound to this unit of work's connection; every statement run on it
   *     is watched, a failure ends the unit and arrives as appdb's domain error
   * @throws IllegalStateException when the unit of work has ended or one of its statements
   *     failed
   */
  public DSLContext dsl() {
    requireUsable();
    if (dsl == null) {
      beforeFirstStatement();
      Configuration unit =
          database.configuration().derive(new DefaultConnectionProvider(connection));
      ExecuteListenerProvider[] listeners = unit.executeListenerProviders();
      listeners = Arrays.copyOf(listeners, listeners.length + 1);
      listeners[listeners.length - 1] = new DefaultExecuteListenerProvider(
          new StatementFailures(this));
      dsl = unit.set(listeners).set(UnitIsTheTransaction.INSTANCE).dsl();
    }
    return dsl;
  }

  /**
   * Lets the dialect prepare the transaction before its first statement, once.
   *
   * @throws RuntimeException appdb's domain error when the database refuses; the unit failed
   */
  private void beforeFirstStatement() {
    if (started) {
      return;
    }
    started = true;
    try {
      database.dialect().beforeFirstStatement(connection);
    } catch (SQLException e) {
      throw failed(translate(e, null));
    }
  }

  /** @throws IllegalStateException when the unit of work has ended or a call of it failed */
  private void requireUsable() {
    requireOpen();
    if (failure != null) {
      throw rollbackOnly();
    }
  }

  /**
   * @throws IllegalStateException when the unit of work has ended or a call of it failed: the
   *     check before every port call
   */
  void requireUsableForPortCall() {
    requireUsable();
  }

  private IllegalStateException rollbackOnly() {
    return new IllegalStateException("an earlier call of this unit of work failed (" + failure
        + "); the unit will be rolled back: rethrow instead of continuing (validate before the"
        + " call, use a method that returns Optional, or start a new unit)", failure);
  }

  /**
   * Records what a port method threw, unless a failure is recorded already (the first one is
   * kept: a statement's, or the meaning a repository gave it with {@link #failed}).
   *
   * @param thrown what the port method threw, never null
   */
  void portCallFailed(Throwable thrown) {
    if (failure == null && !ended) {
      failure = thrown instanceof RuntimeException runtime ? runtime
          : new IllegalStateException(thrown.toString(), thrown);
    }
  }

  /** @throws IllegalStateException when the unit of work has ended */
  void requireOpen() {
    if (ended) {
      throw new IllegalStateException(
          "this unit of work has ended; use repositories only inside their transaction lambda");
    }
  }

  DatabaseContext database() {
    return database;
  }

  Connection connection() {
    return connection;
  }

  boolean readOnly() {
    return readOnly;
  }

  /** @return whether a statement of the unit was sent through its tracking (jOOQ or jdbc) */
  boolean sentStatements() {
    return sentStatements;
  }

  boolean evicted() {
    return evicted;
  }

  void evicted(boolean evicted) {
    this.evicted = evicted;
  }

  UnitOfWorkObserver.Outcome outcome() {
    return outcome;
  }

  void outcome(UnitOfWorkObserver.Outcome outcome) {
    this.outcome = outcome;
  }

  /**
   * A statement (or anything else) made once per database and kept with it, e.g. a select
   * rendered to SQL; the same for every unit of work on the database.
   *
   * @param key what identifies it, e.g. the repository's table description; never null
   * @param render makes it from the database's jOOQ configuration (no connection) the first time
   * @param <T> its type
   * @return the kept value, never null
   */
  @SuppressWarnings("unchecked")
  public <T> T rendered(Object key, Function<Configuration, T> render) {
    Object kept = database.rendered().get(key); // no lambda made once it is kept
    return (T) (kept != null ? kept : database.rendered().computeIfAbsent(key,
        ignored -> render.apply(database.configuration())));
  }

  /**
   * Runs one statement with plain JDBC on the unit's connection, for the hot path of the
   * repository kit (statements rendered once by jOOQ, see {@link #rendered}) and for a service's
   * own hottest statements. The statement is watched like every statement of {@link #dsl()}: when
   * it fails the unit is marked failed and the caller receives appdb's domain error. The statement
   * timeout applies: the dialect's statement clock where it has one (SQLite), else the JDBC query
   * timeout of the database's settings, if any.
   *
   * @param sql the statement's SQL with {@code ?} placeholders, rendered for this database
   * @param source the jOOQ query the SQL was rendered from, for naming the table of a violated
   *     constraint; may be null
   * @param writes whether the statement writes (refused in a read-only unit)
   * @param work binds the parameters, executes and reads; never null
   * @param <T> what {@code work} returns
   * @return what {@code work} returned
   * @throws IllegalStateException when the unit has ended or failed, or {@code writes} in a
   *     read-only unit
   * @throws RuntimeException appdb's domain error when the statement fails (an
   *     {@code SQLException}); what {@code work} throws otherwise, unchanged
   */
  public <T> T jdbc(String sql, Query source, boolean writes, JdbcWork<T> work) {
    if (writes && readOnly) {
      throw new IllegalStateException(
          "this unit of work is read-only; write inside Transactions.inTransaction instead");
    }
    requireUsable();
    if (!started) {
      beforeFirstStatement();
    }
    statementStarting(); // paired with the statementEnded below, whatever fails in between
    if (SQL.isDebugEnabled()) {
      SQL.debug(sql);
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int timeout = database.queryTimeoutSeconds();
      if (timeout > 0) {
        statement.setQueryTimeout(timeout);
      }
      return work.run(statement);
    } catch (SQLException e) {
      throw statementFailed(e, source);
    } finally {
      statementEnded();
    }
  }

  /**
   * Starts the statement clock, where the dialect has one, for a statement about to run. A
   * statement run while another is still open (rows read one by one from a lazy cursor) runs
   * on the outer one's clock, which keeps going until the outer one ends.
   */
  void statementStarting() {
    sentStatements = true;
    if (clock != null && openStatements++ == 0) {
      clock.start();
    }
  }

  /** Stops the statement clock, where the dialect has one, when no statement is open any more. */
  void statementEnded() {
    if (clock != null && openStatements > 0 && --openStatements == 0) {
      clock.stop();
    }
  }

  /** @return the database's specifics */
  public DatabaseDialect dialect() {
    return database.dialect();
  }

  /**
   * Called by {@link StatementFailures} when a statement of this unit failed.
   *
   * @param failure what jOOQ or the driver threw, never null
   * @param statement the statement that failed, or null when jOOQ does not say
   * @return the domain error to throw instead; recorded as the unit's failure unless the
   *     statement ran under a savepoint that undoes it
   */
  RuntimeException statementFailed(Throwable failure, Query statement) {
    RuntimeException translated = translate(failure, statement);
    return underSavepoint ? translated : failed(translated);
  }

  /**
   * @param failure what jOOQ or the driver threw in this unit, never null
   * @param statement the statement that failed, or null when unknown
   * @return appdb's domain error for it; {@code IllegalStateException} for a write the database
   *     refused because the unit is read-only (sent past the repositories' own check)
   */
  RuntimeException translate(Throwable failure, Query statement) {
    if (readOnly && errors().refusedAsReadOnly(failure)) {
      return new IllegalStateException("this unit of work is read-only and the database refused"
          + " a write sent in it; write inside Transactions.inTransaction instead", failure);
    }
    return errors().translate(failure, statement);
  }

  /**
   * Records that a statement failed, with the meaning the caller gave it. PostgreSQL aborts the
   * transaction at that point while SQLite would go on; appdb makes both behave alike: every
   * later use fails, and the unit rolls back even if the work swallowed the error.
   *
   * @param translated the domain error the failure was reported as
   * @return {@code translated}, to throw
   */
  public RuntimeException failed(RuntimeException translated) {
    failure = translated;
    return translated;
  }

  /** @return the recorded failure of a statement of this unit, or null when none failed */
  RuntimeException failure() {
    return failure;
  }

  /**
   * @return the jOOQ context, for a statement that writes
   * @throws IllegalStateException when the unit of work has ended or is read-only
   */
  public DSLContext dslForWrite() {
    if (readOnly) {
      throw new IllegalStateException(
          "this unit of work is read-only; write inside Transactions.inTransaction instead");
    }
    return dsl();
  }

  /**
   * Writes many rows with one statement as a JDBC batch, under a savepoint. JDBC does not say
   * reliably which row of a batch broke a unique or foreign-key rule, so when that is why the
   * batch failed, this rolls back to the savepoint (the rows it wrote are gone) and writes the
   * same rows one at a time: the first row at fault then fails alone, with its precise error, and
   * ends the unit like any failed statement. Any other failure (a timeout, a lost connection)
   * ends the unit at once, translated.
   *
   * @param name the parameter the rows came in, for the error message, e.g. {@code "users"}
   * @param rows the rows, in order; empty writes nothing
   * @param statement the statement with one bind placeholder per value, e.g. an insert whose
   *     values are all null; never null
   * @param values a row's bind values, in the statement's order; never null
   * @param writeOne writes one row with its own statement, translating its errors; never null
   * @param <T> the row type
   * @throws NullPointerException naming {@code name} when {@code rows} holds null; nothing is
   *     written
   * @throws IllegalStateException when the unit has ended, failed or is read-only, even when
   *     {@code rows} is empty
   * @throws RuntimeException what {@code writeOne} throws for the first row at fault, or the
   *     translation of any other failure
   */
  public <T> void writeBatch(String name, List<T> rows, Query statement,
      Function<T, Object[]> values, Consumer<T> writeOne) {
    rows.forEach(row -> Objects.requireNonNull(row, () -> name + " must not hold null"));
    DSLContext writer = dslForWrite();
    if (rows.isEmpty()) {
      return;
    }
    BatchBindStep batch = writer.batch(statement);
    for (T row : rows) {
      batch.bind(values.apply(row));
    }
    writer.savepoint(BATCH_SAVEPOINT).execute();
    underSavepoint = true;
    try {
      batch.execute();
    } catch (RuntimeException refused) {
      underSavepoint = false;
      if (!(refused instanceof DuplicateKeyException)
          && !(refused instanceof MissingReferenceException)) {
        throw failed(refused);
      }
      // A failure of the rollback itself is recorded like any failed statement.
      writer.rollback().toSavepoint(BATCH_SAVEPOINT).execute();
      rows.forEach(writeOne);
    } finally {
      underSavepoint = false;
    }
    writer.releaseSavepoint(BATCH_SAVEPOINT).execute();
  }

  /** @return the error translator for this database */
  public SqlErrorTranslator errors() {
    return database.errors();
  }

  /** Marks the unit of work as ended: every later use of {@link #dsl} fails. */
  void end() {
    ended = true;
    if (clock != null) { // a cursor left open past the unit must not be cut off on the pool
      openStatements = 0;
      clock.stop();
    }
  }
}
