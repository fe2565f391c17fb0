package dev.appdb.adapter.jooq.internal.transaction;

import dev.appdb.adapter.jooq.UnitOfWorkObserver;
import dev.appdb.adapter.jooq.kit.JdbcWork;
import dev.appdb.adapter.jooq.kit.TransactionContext;
import dev.appdb.adapter.jooq.spi.DatabaseDialect;
import dev.appdb.adapter.jooq.spi.StatementClock;
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
 * The one implementation of {@link TransactionContext}: the state the repositories of one unit
 * of work share, and what the unit-of-work implementation needs of it besides.
 */
public final class UnitContext implements TransactionContext {

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
   * @param database what the units of work of the database share
   * @param connection the transaction's connection
   * @param readOnly whether writes must be refused
   */
  UnitContext(DatabaseContext database, Connection connection, boolean readOnly) {
    this.database = Objects.requireNonNull(database, "database");
    this.connection = Objects.requireNonNull(connection, "connection");
    this.readOnly = readOnly;
    this.clock = database.dialect().statementClock(connection);
  }

  @Override
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
   * @param thrown what the port method threw
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

  @Override
  @SuppressWarnings("unchecked")
  public <T> T rendered(Object key, Function<Configuration, T> render) {
    Object kept = database.rendered().get(key); // no lambda made once it is kept
    return (T) (kept != null ? kept : database.rendered().computeIfAbsent(key,
        ignored -> render.apply(database.configuration())));
  }

  @Override
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

  @Override
  public DatabaseDialect dialect() {
    return database.dialect();
  }

  /**
   * Called by {@link StatementFailures} when a statement of this unit failed.
   *
   * @param failure what jOOQ or the driver threw
   * @param statement the statement that failed, or null when jOOQ does not say
   * @return the domain error to throw instead; recorded as the unit's failure unless the
   *     statement ran under a savepoint that undoes it
   */
  RuntimeException statementFailed(Throwable failure, Query statement) {
    RuntimeException translated = translate(failure, statement);
    return underSavepoint ? translated : failed(translated);
  }

  /**
   * @param failure what jOOQ or the driver threw in this unit
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

  @Override
  public RuntimeException failed(RuntimeException translated) {
    failure = translated;
    return translated;
  }

  /** @return the recorded failure of a statement of this unit, or null when none failed */
  RuntimeException failure() {
    return failure;
  }

  @Override
  public DSLContext dslForWrite() {
    if (readOnly) {
      throw new IllegalStateException(
          "this unit of work is read-only; write inside Transactions.inTransaction instead");
    }
    return dsl();
  }

  @Override
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

  private SqlErrorTranslator errors() {
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
