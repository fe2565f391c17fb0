package dev.appdb.adapter.jooq.internal.transaction;

import dev.appdb.adapter.jooq.UnitOfWorkObserver.Outcome;
import dev.appdb.adapter.jooq.UnitOfWorkObserver;
import dev.appdb.adapter.jooq.kit.RepositoryFactory;
import dev.appdb.adapter.jooq.spi.ConnectionCheckout;
import dev.appdb.adapter.jooq.spi.DatabaseDialect;
import dev.appdb.adapter.jooq.spi.EnclosingTransactions.EnclosingTransaction;
import dev.appdb.adapter.jooq.spi.EnclosingTransactions;
import dev.appdb.adapter.jooq.spi.WriterTurn;
import dev.appdb.application.port.TransactionalWork;
import dev.appdb.application.port.Transactions;
import dev.appdb.domain.error.CommitOutcomeUnknownException;
import dev.appdb.domain.error.DatabaseUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.Configuration;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DefaultConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unit-of-work port over a connection pool and jOOQ. Each call checks a connection out,
 * begins a transaction the way the dialect says, runs the work with repositories bound to that
 * connection, commits or rolls back, and returns the connection whatever happens. Driver failures
 * leave as domain errors ({@link SqlErrorTranslator}).
 *
 * <p>A commit is reported only when it happened: a unit in which any statement failed is rolled
 * back and raises, even when its work caught the error and returned; before committing, the
 * dialect is asked whether the database aborted the transaction anyway (a failure appdb did not
 * see); and a commit whose answer was lost raises {@link CommitOutcomeUnknownException}.
 */
public final class JooqTransactions implements Transactions {

  private static final Logger LOG = LoggerFactory.getLogger(JooqTransactions.class);

  private final ConnectionCheckout checkout;
  private volatile DatabaseContext database;
  private volatile EnclosingTransactions enclosing = EnclosingTransactions.NONE;
  private final List<UnitOfWorkObserver> observers = new CopyOnWriteArrayList<>();

  /**
   * @param checkout hands out pooled connections
   * @param dialect the database's specifics
   * @param settings jOOQ settings (query timeout in seconds and the like)
   */
  public JooqTransactions(ConnectionCheckout checkout, DatabaseDialect dialect, Settings settings) {
    this.checkout = Objects.requireNonNull(checkout, "checkout");
    Configuration configuration = new DefaultConfiguration()
        .set(Objects.requireNonNull(dialect, "dialect").sqlDialect())
        .set(dialect.adapt(Objects.requireNonNull(settings, "settings")));
    this.database = new DatabaseContext(configuration, dialect, new SqlErrorTranslator(dialect));
  }

  /**
   * Makes {@code port} available inside every unit of work that begins afterwards, as
   * {@code tx.repository(port)}, bound to the unit's transaction like {@code tx.users()}.
   *
   * @param port the repository's interface, e.g. {@code OrderRepository.class}
   * @param factory makes the repository for one unit, e.g. {@code JooqOrderRepository::new}
   * @param <R> the port type
   * @throws IllegalArgumentException when {@code port} is not an interface or already has a
   *     repository
   */
  public synchronized <R> void register(Class<R> port, RepositoryFactory<? extends R> factory) {
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(factory, "factory");
    if (!port.isInterface()) {
      throw new IllegalArgumentException("port: " + port.getName() + " is not an interface;"
          + " register the repository under its port");
    }
    if (database.repositories().containsKey(port)) {
      throw new IllegalArgumentException("port: " + port.getName()
          + " already has a repository");
    }
    database = database.withRepository(port, factory);
  }

  /**
   * @param enclosing where units find a transaction to join instead of beginning their own,
   *     from now on; {@link EnclosingTransactions#NONE} for none
   */
  public void joinEnclosingTransactions(EnclosingTransactions enclosing) {
    this.enclosing = Objects.requireNonNull(enclosing, "enclosing");
  }

  /**
   * @param observer told about every unit of work that ends from now on
   */
  public void observe(UnitOfWorkObserver observer) {
    observers.add(Objects.requireNonNull(observer, "observer"));
  }

  @Override
  public <T> T inTransaction(TransactionalWork<T> work) {
    return run(work, false);
  }

  @Override
  public <T> T readOnly(TransactionalWork<T> work) {
    return run(work, true);
  }

  private <T> T run(TransactionalWork<T> work, boolean readOnly) {
    Objects.requireNonNull(work, "work");
    long start = System.nanoTime();
    DatabaseContext database = this.database;
    EnclosingTransaction joined = enclosing.current().orElse(null);
    if (joined != null) {
      return runJoined(work, readOnly, joined, database, start);
    }
    WriterTurn turn;
    try {
      turn = readOnly ? null : database.dialect().awaitWriterTurn();
    } catch (SQLException e) {
      throw database.errors().translate(e);
    }
    try {
      return run(work, readOnly, database, start);
    } finally {
      if (turn != null) {
        turn.close();
      }
    }
  }

  private <T> T run(TransactionalWork<T> work, boolean readOnly, DatabaseContext database,
      long start) {
    Connection connection = checkout.checkout();
    UnitContext context = null;
    try {
      context = new UnitContext(database, connection, readOnly);
      database.dialect().begin(connection, readOnly);
      return runAndCommit(work, context);
    } catch (SQLException e) {
      throw database.errors().translate(e);
    } finally {
      if (context != null && !context.evicted()) {
        afterTransaction(context, readOnly);
      }
      if (context == null || !context.evicted()) {
        close(connection); // an evicted connection is closed by the pool already
      }
      Outcome outcome = context == null ? Outcome.ROLLED_BACK : context.outcome();
      if (!observers.isEmpty()) {
        tell(readOnly, outcome, System.nanoTime() - start);
      }
      if (LOG.isDebugEnabled()) {
        LOG.debug("{} unit of work {} in {} µs", readOnly ? "read-only" : "read-write",
            outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
            (System.nanoTime() - start) / 1_000);
      }
    }
  }

  /**
   * Runs the work inside an enclosing transaction, on its connection: no checkout, no begin, no
   * commit, no writer's turn (the enclosing transaction holds what it holds already). A failure
   * marks the enclosing transaction rollback-only and is thrown, as in a unit of its own.
   */
  private <T> T runJoined(TransactionalWork<T> work, boolean readOnly,
      EnclosingTransaction joined, DatabaseContext database, long start) {
    Outcome outcome = Outcome.ROLLED_BACK;
    try {
      if (!readOnly && joined.readOnly()) {
        throw new IllegalStateException("a read-write unit of work cannot join a read-only"
            + " transaction; run it outside that transaction, or make the transaction"
            + " read-write");
      }
      Connection connection = joined.connection();
      try {
        if (connection.getAutoCommit()) {
          throw new IllegalStateException("the enclosing transaction's connection is in"
              + " autocommit mode: there is no transaction to join");
        }
      } catch (SQLException e) {
        throw database.errors().translate(e);
      }
      UnitContext context = new UnitContext(database, connection, readOnly);
      T result;
      try {
        result = work.run(new JooqUnitOfWork(context));
      } catch (RuntimeException failure) {
        joined.setRollbackOnly();
        throw failure instanceof DataAccessException ? context.translate(failure, null) : failure;
      } catch (Throwable failure) {
        joined.setRollbackOnly();
        throw failure;
      } finally {
        context.end();
      }
      if (context.failure() != null) {
        joined.setRollbackOnly();
        throw new IllegalStateException("the unit of work returned normally after a call of it"
            + " failed (" + context.failure() + "); the enclosing transaction was marked"
            + " rollback-only", context.failure());
      }
      try {
        if (database.dialect().transactionAborted(connection)) {
          joined.setRollbackOnly();
          throw new IllegalStateException("the database aborted the enclosing transaction"
              + " after a statement failed that appdb did not see; it was marked rollback-only");
        }
      } catch (SQLException e) {
        joined.setRollbackOnly();
        throw database.errors().translate(e);
      }
      outcome = Outcome.JOINED;
      return result;
    } finally {
      if (!observers.isEmpty()) {
        tell(readOnly, outcome, System.nanoTime() - start);
      }
    }
  }

  private void tell(boolean readOnly, Outcome outcome, long nanos) {
    for (UnitOfWorkObserver observer : observers) {
      try {
        observer.ended(readOnly, outcome, nanos);
      } catch (RuntimeException e) {
        LOG.warn("a unit-of-work observer failed: {}", e.toString());
      }
    }
  }

  /** Runs the work and commits; the context's outcome says how the commit went. */
  private <T> T runAndCommit(TransactionalWork<T> work, UnitContext context) {
    DatabaseContext database = context.database();
    Connection connection = context.connection();
    T result;
    try {
      result = work.run(new JooqUnitOfWork(context));
    } catch (RuntimeException failure) {
      rollback(context, failure);
      // statement failures arrive translated; the work's own exceptions pass through unchanged
      throw failure instanceof DataAccessException ? context.translate(failure, null) : failure;
    } catch (Throwable failure) { // an Error, or a checked exception thrown sneakily
      rollback(context, failure);
      throw failure;
    } finally {
      context.end();
    }
    if (context.failure() != null) {
      IllegalStateException swallowed = new IllegalStateException("the unit of work returned"
          + " normally after a call of it failed (" + context.failure() + "); rolled back,"
          + " nothing was committed", context.failure());
      rollback(context, swallowed);
      throw swallowed;
    }
    String refusal;
    try {
      refusal = refusalBeforeCommit(context);
    } catch (SQLException | RuntimeException failure) {
      rollback(context, failure); // no COMMIT was sent: nothing committed
      throw database.errors().translate(failure);
    }
    if (refusal != null) {
      IllegalStateException refused = new IllegalStateException(refusal);
      rollback(context, refused);
      throw refused;
    }
    try {
      database.dialect().commit(connection);
    } catch (SQLException failure) {
      if (database.dialect().commitOutcomeUnknown(failure) && context.readOnly()) {
        evict(context); // nothing was to be committed: no outcome to be unsure of
        throw new DatabaseUnavailableException("the connection was lost while ending a"
            + " read-only unit of work (SQLState " + failure.getSQLState() + "); nothing was"
            + " written: run it again", failure);
      }
      if (database.dialect().commitOutcomeUnknown(failure)) {
        context.outcome(Outcome.OUTCOME_UNKNOWN);
        evict(context);
        throw new CommitOutcomeUnknownException("the connection was lost while committing"
            + " (SQLState " + failure.getSQLState() + "): the unit of work may or may not have"
            + " committed; check before retrying it", failure);
      }
      rollback(context, failure);
      throw database.errors().translate(failure);
    } catch (RuntimeException failure) {
      rollback(context, failure);
      throw failure;
    }
    context.outcome(Outcome.COMMITTED);
    return result;
  }

  /**
   * @return why the unit must not commit though no call of it failed, or null: the database
   *     aborted its transaction after a statement appdb did not see, or the transaction was
   *     ended behind the unit's back; both sent past appdb, through {@code DSLContext.connection}
   * @throws SQLException when the database cannot tell
   */
  private static String refusalBeforeCommit(UnitContext context) throws SQLException {
    DatabaseDialect dialect = context.database().dialect();
    if (dialect.transactionAborted(context.connection())) {
      return "the database aborted this transaction after a statement failed that appdb did"
          + " not see (one sent past its tracking, e.g. through DSLContext.connection); rolled"
          + " back, nothing was committed";
    }
    if (context.sentStatements() && dialect.transactionEnded(context.connection())) {
      return "the unit's transaction was ended behind its back (a COMMIT or ROLLBACK sent"
          + " through DSLContext.connection): what it wrote may or may not be stored, and appdb"
          + " cannot vouch for a commit; end units only by returning or throwing";
    }
    return null;
  }

  /** Rolls back; a connection that cannot roll back is evicted so nobody inherits its state. */
  private void rollback(UnitContext context, Throwable failure) {
    try {
      context.database().dialect().rollback(context.connection());
    } catch (SQLException | RuntimeException rollbackFailure) {
      failure.addSuppressed(rollbackFailure);
      evict(context);
    }
  }

  /**
   * Hands the unit's connection back to the pool as broken: the pool closes it at once, so it
   * must not be closed (returned) again afterwards.
   */
  private void evict(UnitContext context) {
    if (!context.evicted()) {
      context.evicted(true);
      checkout.evict(context.connection());
    }
  }

  /** Restores what the dialect's begin set; a connection it cannot restore is evicted. */
  private void afterTransaction(UnitContext context, boolean readOnly) {
    try {
      context.database().dialect().afterTransaction(context.connection(), readOnly);
    } catch (SQLException | RuntimeException e) {
      evict(context);
      LOG.warn("a connection could not be restored after its unit of work (SQLState {});"
          + " evicted it", e instanceof SQLException sql ? sql.getSQLState() : null);
    }
  }

  private static void close(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // The pool evicts a connection it cannot take back; the unit of work's outcome stands.
      LOG.warn("returning a connection to the pool failed (SQLState {})", e.getSQLState());
    } catch (RuntimeException e) {
      // a pool's own failure must neither replace the unit's outcome nor leave as a raw error
      LOG.warn("returning a connection to the pool failed: {}", e.toString());
    }
  }
}
