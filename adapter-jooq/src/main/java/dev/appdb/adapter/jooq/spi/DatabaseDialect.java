package dev.appdb.adapter.jooq.spi;

import dev.appdb.domain.error.MissingPrivilegeException;
import dev.appdb.migrations.DatabaseVendor;
import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;

/**
 * What differs between the databases behind the jOOQ repositories. adapter-jooq implements it for
 * PostgreSQL ({@code PostgresDialect}); adapter-sqlite for SQLite.
 */
public interface DatabaseDialect {

  /** @return which database this is, and so which migration scripts it runs */
  DatabaseVendor vendor();

  /** @return the jOOQ dialect to render SQL for */
  SQLDialect sqlDialect();

  /**
   * @param settings appdb's jOOQ settings (query timeout and the like)
   * @return the settings to use, e.g. with the {@code app} schema mapped away
   */
  Settings adapt(Settings settings);

  /**
   * @param exception a driver failure
   * @return its meaning; {@link SqlErrorKind#OTHER} when unknown. A refusal that
   *     lasts until an operator acts (a refused login, a missing database, a read-only or
   *     corrupt file) is {@link SqlErrorKind#ACCESS_REFUSED}, a passing outage
   *     {@link SqlErrorKind#UNAVAILABLE}
   */
  SqlErrorKind classify(SQLException exception);

  /**
   * @param exception a driver failure
   * @return one sentence saying what is wrong for a failure whose code alone says little (e.g.
   *     SQLite's read-only file), without row values; null to use the generic wording
   */
  default String explain(SQLException exception) {
    return null;
  }

  /**
   * Checked before migrations run, so that a role without DDL rights fails at once.
   *
   * @param connection a connection of the migration data source (its role already set)
   * @param schema the schema the migrations create objects in
   * @return the missing privilege, or null when the role may create what migrations need (and
   *     always null where the database has no privileges, SQLite)
   * @throws SQLException when the check itself fails
   */
  default MissingPrivilegeException missingMigrationPrivilege(Connection connection,
      String schema) throws SQLException {
    return null;
  }

  /**
   * @param exception a driver failure
   * @return what it says about the broken unique or foreign-key constraint, or null when it is
   *     not such a violation
   */
  ConstraintViolation violation(SQLException exception);

  /**
   * @return whether a writing unit of work holds, from its start, a lock that excludes every
   *     other writer (SQLite's {@code BEGIN IMMEDIATE}); locking rows then adds nothing
   */
  boolean writersExcludeEachOther();

  /**
   * What times out the statements a unit of work runs on {@code connection}, when the database
   * and its driver cannot (an adapter that has one opens its database without a JDBC query
   * timeout, {@code JooqDatabase}'s {@code clientQueryTimeout} of zero). The unit starts it when
   * a statement begins and stops it when no statement is open any more: a lazy cursor is timed
   * from its execution to its close, a JDBC batch as one statement; statements sent past jOOQ
   * ({@code DSLContext.connection}) are not timed.
   *
   * @param connection a checked-out connection
   * @return the connection's clock, or null (the default) when the server's statement timeout or
   *     the JDBC query timeout bounds its statements
   */
  default StatementClock statementClock(Connection connection) {
    return null;
  }

  /**
   * Begins a transaction on a freshly checked-out connection (in auto-commit mode).
   *
   * @param connection the connection
   * @param readOnly whether the unit of work only reads (it may then avoid write locks)
   * @throws SQLException when the database refuses, e.g. a lock wait timed out
   */
  void begin(Connection connection, boolean readOnly) throws SQLException;

  /**
   * Waits for a read-write unit's turn among the database's writers, before the unit takes a
   * connection: for a database whose writers exclude each other. None by default.
   *
   * @return the turn, closed when the unit has ended; null when writers take no turns
   * @throws SQLException when the turn did not come within the database's bound
   */
  default WriterTurn awaitWriterTurn() throws SQLException {
    return null;
  }

  /**
   * Bounds every statement of a connection of its own that reads the schema's state for
   * readiness (an unpooled migration connection, closed after the read), e.g. with the
   * server's statement timeout. Nothing by default (a local file's reads wait only for its lock,
   * which the busy timeout bounds).
   *
   * @param connection a connection just opened for the read
   * @param bound the longest a statement may run
   * @throws SQLException when the database refuses
   */
  default void boundSchemaReads(Connection connection, java.time.Duration bound)
      throws SQLException {}

  /**
   * Whether the unit's transaction has already ended on the server though the unit sent
   * statements (a {@code COMMIT} or {@code ROLLBACK} sent past appdb, through
   * {@code DSLContext.connection}): the unit then cannot vouch for a commit. False by default
   * (the database cannot tell without a round trip).
   *
   * @param connection the unit's connection
   * @return true when no transaction is open on it any more
   * @throws SQLException when the database cannot tell
   */
  default boolean transactionEnded(Connection connection) throws SQLException {
    return false;
  }

  /**
   * Runs once in a unit of work, right before its first statement (a unit that sends none
   * sends nothing), e.g. settings for this transaction only. Nothing by default.
   *
   * @param connection the unit's connection, in its transaction
   * @throws SQLException when the database refuses; the unit fails like on a failed statement
   */
  default void beforeFirstStatement(Connection connection) throws SQLException {}

  /**
   * Undoes what {@link #begin} set on the connection beyond its transaction, once the unit's
   * transaction has ended (committed or rolled back) or {@code begin} failed, before the
   * connection returns to the pool. Nothing by default.
   *
   * @param connection the connection
   * @param readOnly what {@link #begin} was given
   * @throws SQLException when the connection cannot be restored; it is then evicted
   */
  default void afterTransaction(Connection connection, boolean readOnly) throws SQLException {}

  /**
   * Readies a pooled connection for use outside appdb's units of work ({@code
   * JooqDatabase.dataSource()}): undoes what a unit's {@link #begin} left set on it between
   * units. Nothing by default.
   *
   * @param connection the connection just checked out
   * @throws SQLException when the connection cannot be readied
   */
  default void outsideUnits(Connection connection) throws SQLException {}

  /**
   * Whether the database refused a statement because it writes in a read-only transaction
   * ({@link #begin} with {@code readOnly}); the unit of work then reports the write as the
   * programming error it is ({@code IllegalStateException}), as it does for a write it refuses
   * itself.
   *
   * @param exception what the driver threw in a read-only unit
   * @return true when the statement was refused for writing
   */
  boolean refusedAsReadOnly(SQLException exception);

  /**
   * Whether the open transaction can no longer commit because the database aborted it after a
   * failed statement (PostgreSQL then answers {@code COMMIT} with {@code ROLLBACK}, and JDBC
   * reports nothing). Asked before every commit, whoever sent the failing statement.
   *
   * @param connection the connection, inside a transaction
   * @return true when a commit would silently roll back
   * @throws SQLException when the connection cannot tell
   */
  boolean transactionAborted(Connection connection) throws SQLException;

  /**
   * Whether a failed {@link #commit} may nonetheless have committed: the connection was lost
   * after the commit was sent, so the server's answer never came.
   *
   * @param failure what {@link #commit} threw
   * @return true when nobody on this side can know the outcome
   */
  boolean commitOutcomeUnknown(SQLException failure);

  /**
   * Commits what {@link #begin} began; afterwards no transaction is open on the connection.
   *
   * @param connection the connection
   * @throws SQLException when the commit fails; the transaction may then still be open (SQLite)
   *     or already ended (PostgreSQL): the caller rolls back either way
   */
  void commit(Connection connection) throws SQLException;

  /**
   * Rolls back what {@link #begin} began; afterwards no transaction is open on the connection.
   *
   * @param connection the connection
   * @throws SQLException when the rollback fails
   */
  void rollback(Connection connection) throws SQLException;
}
