package dev.appdb.adapter.jooq.internal.postgres;

import dev.appdb.adapter.jooq.spi.ConstraintViolation;
import dev.appdb.adapter.jooq.spi.DatabaseDialect;
import dev.appdb.adapter.jooq.spi.SqlErrorKind;
import dev.appdb.domain.error.MissingPrivilegeException;
import dev.appdb.migrations.DatabaseVendor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.ResultHandlerBase;
import org.postgresql.core.TransactionState;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * PostgreSQL 16: the generated classes' schema {@code app} is rendered as is; errors are
 * classified by SQLState (PostgreSQL manual, Appendix A "PostgreSQL Error Codes").
 */
public final class PostgresDialect implements DatabaseDialect {

  /**
   * How pgjdbc runs appdb's own COMMIT and ROLLBACK: unnamed (pgjdbc's own would become named
   * statements after {@code prepareThreshold} uses), no BEGIN before it, no rows.
   */
  private static final int TRANSACTION_COMMAND = QueryExecutor.QUERY_ONESHOT
      | QueryExecutor.QUERY_NO_METADATA | QueryExecutor.QUERY_NO_RESULTS
      | QueryExecutor.QUERY_SUPPRESS_BEGIN;

  /** The server sessions behind the pool; null when unknown. */
  private final ServerSessions sessions;

  /** Knows nothing of the server sessions: no pooler behind the connections. */
  public PostgresDialect() {
    this(null);
  }

  /** @param sessions the server sessions behind the pool, may be null */
  PostgresDialect(ServerSessions sessions) {
    this.sessions = sessions;
  }

  /** SQLState of the warning "there is no transaction in progress". */
  private static final String NO_TRANSACTION = "25P01";

  /** SQLState of a protocol violation: the server answered, the connection stays. */
  private static final String PROTOCOL_VIOLATION = "08P01";

  /** SQLStates whose server message is safe and clear enough to show as it is. */
  private static final java.util.Set<String> EXPLAINED_BY_THE_SERVER =
      java.util.Set.of("42501", "28P01", "28000", "3D000");

  @Override
  public DatabaseVendor vendor() {
    return DatabaseVendor.POSTGRESQL;
  }

  @Override
  public SQLDialect sqlDialect() {
    return SQLDialect.POSTGRES;
  }

  @Override
  public Settings adapt(Settings settings) {
    return settings;
  }

  /**
   * Whether the session's current role may create objects in {@code schema} (or, when it does not
   * exist yet, create it in the database): Flyway would otherwise fail only after retrying the
   * history table's creation ten times, one second apart, with a message naming neither.
   */
  @Override
  public MissingPrivilegeException missingMigrationPrivilege(Connection connection, String schema)
      throws SQLException {
    try (PreparedStatement check = connection.prepareStatement("SELECT current_user,"
        + " current_database(), n.oid IS NOT NULL, CASE WHEN n.oid IS NULL"
        + " THEN has_database_privilege(current_database(), 'CREATE')"
        + " ELSE has_schema_privilege(n.oid, 'CREATE') END, pg_get_userbyid(n.nspowner)"
        + " FROM (SELECT 1) AS one LEFT JOIN pg_namespace n ON n.nspname = ?")) {
      check.setString(1, schema);
      try (ResultSet row = check.executeQuery()) {
        row.next();
        if (row.getBoolean(4)) {
          return null;
        }
        String role = row.getString(1);
        boolean schemaExists = row.getBoolean(3);
        String object = schemaExists ? "schema " + schema : "database " + row.getString(2);
        String owner = row.getString(5);
        return new MissingPrivilegeException(role, "CREATE", object, "role " + role
            + " lacks CREATE on " + object + ", which the pending migrations need"
            + (schemaExists ? " (the schema belongs to " + owner + ")" : "")
            + ": run migrations as the migration login with database.migration-role set to the"
            + " schema's owner (see appdb provision)", null);
      }
    }
  }

  /** @return false: PostgreSQL writers lock only the rows they touch (MVCC) */
  @Override
  public boolean writersExcludeEachOther() {
    return false;
  }

  @Override
  public SqlErrorKind classify(SQLException exception) {
    String state = exception.getSQLState();
    if (state == null) {
      return SqlErrorKind.OTHER;
    }
    return switch (state) {
      case "23505" -> SqlErrorKind.UNIQUE_VIOLATION;
      case "23503" -> SqlErrorKind.FOREIGN_KEY_VIOLATION;
      case "57014", "55P03" -> SqlErrorKind.TIMEOUT; // query_canceled, lock_not_available
      case "40001", "40P01" -> SqlErrorKind.TRANSACTION_CONFLICT; // serialization, deadlock
      case "42P01", "3F000" -> SqlErrorKind.SCHEMA_MISSING; // undefined table, invalid schema
      case "42501" -> SqlErrorKind.PERMISSION_DENIED; // insufficient_privilege
      // admin/crash/cannot-connect shutdown, too many connections, disk full, out of memory
      // and 25P03: the server ended a session idle in its transaction past the timeout
      case "57P01", "57P02", "57P03", "53300", "53100", "53200", "25P03" ->
          SqlErrorKind.UNAVAILABLE;
      // a protocol violation (a message the server could not take) is answered: no outage
      case PROTOCOL_VIOLATION -> SqlErrorKind.OTHER;
      default -> state.startsWith("08") ? SqlErrorKind.UNAVAILABLE
          // 28P01, 28000: the login was refused; 3D000: the database does not exist
          : state.startsWith("28") || state.startsWith("3D") ? SqlErrorKind.ACCESS_REFUSED
          : SqlErrorKind.OTHER;
    };
  }

  /**
   * The server's own sentence where it names the problem without row values: a refused privilege
   * ("permission denied for table users"), a refused login ("password authentication failed for
   * user "appuser"", "no pg_hba.conf entry for host ..."), a missing database.
   */
  @Override
  public String explain(SQLException exception) {
    if (exception instanceof CommitRefusedException
        || exception instanceof ServerSessions.MigrationRoleException) {
      return exception.getMessage();
    }
    if (("26000".equals(exception.getSQLState()) || "42P05".equals(exception.getSQLState()))
        && String.valueOf(exception.getMessage()).contains("prepared statement \"S_")) {
      return "pgjdbc's named prepared statement is not on this server connection, or another"
          + " one has its name: a transaction pooler is in between; give the pool's"
          + " connections prepareThreshold=0 (appdb's own pool: database.pooler=transaction)";
    }
    if (EXPLAINED_BY_THE_SERVER.contains(exception.getSQLState())
        && exception instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
      return psql.getServerErrorMessage().getMessage();
    }
    return null;
  }

  /** The constraint and table from the server's error fields (pgjdbc's ServerErrorMessage). */
  @Override
  public ConstraintViolation violation(SQLException exception) {
    SqlErrorKind kind = classify(exception);
    if (kind != SqlErrorKind.UNIQUE_VIOLATION && kind != SqlErrorKind.FOREIGN_KEY_VIOLATION) {
      return null;
    }
    ServerErrorMessage server = exception instanceof PSQLException psql
        ? psql.getServerErrorMessage() : null;
    return server == null ? new ConstraintViolation(kind, null, null, List.of())
        : new ConstraintViolation(kind, server.getConstraint(), server.getTable(), List.of());
  }

  /**
   * JDBC transactions: auto-commit off, and read-only units marked so pgjdbc sends
   * {@code BEGIN READ ONLY}. The pool restores auto-commit and read-write when the connection
   * returns.
   */
  @Override
  public void begin(Connection connection, boolean readOnly) throws SQLException {
    if (readOnly) {
      connection.setReadOnly(true);
    }
    connection.setAutoCommit(false);
    if (sessions != null) {
      sessions.unnamed(connection);
    }
  }

  /**
   * Behind a transaction pooler, sets the statement and idle-in-transaction timeouts for this
   * transaction ({@code SET LOCAL}, sent with the {@code BEGIN}): one round trip more per unit
   * that sends a statement. Nothing when the session's own settings hold them.
   */
  @Override
  public void beforeFirstStatement(Connection connection) throws SQLException {
    String unitSettings = sessions == null ? null : sessions.unitSettings();
    if (unitSettings != null) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(unitSettings);
      }
    }
  }

  /** @return true for SQLState {@code 25006}, read_only_sql_transaction */
  @Override
  public boolean refusedAsReadOnly(SQLException exception) {
    return "25006".equals(exception.getSQLState());
  }

  /**
   * pgjdbc tracks the server's transaction status from every ReadyForQuery message, so this
   * costs no round trip. A connection that does not unwrap to pgjdbc's (a foreign pool's proxy)
   * is asked with {@code SAVEPOINT}, which an aborted transaction refuses with {@code 25P02}.
   */
  @Override
  public boolean transactionAborted(Connection connection) throws SQLException {
    if (connection.isWrapperFor(BaseConnection.class)) {
      return connection.unwrap(BaseConnection.class).getTransactionState()
          == TransactionState.FAILED;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("SAVEPOINT appdb_commit_check");
      statement.execute("RELEASE SAVEPOINT appdb_commit_check");
      return false;
    } catch (SQLException refused) {
      if ("25P02".equals(refused.getSQLState())) {
        return true;
      }
      throw refused;
    }
  }

  /**
   * The server's {@code statement_timeout} for the session of a connection that only reads the
   * schema's state. Not behind a transaction pooler, where the setting would stay on a server
   * connection that the login's migrations get next.
   */
  @Override
  public void boundSchemaReads(Connection connection, java.time.Duration bound)
      throws SQLException {
    if (sessions != null && sessions.pooled()) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET statement_timeout = " + Math.max(1, bound.toMillis()));
    }
  }

  /** pgjdbc's transaction state, from the server's last ReadyForQuery: no round trip. */
  @Override
  public boolean transactionEnded(Connection connection) throws SQLException {
    return connection.isWrapperFor(BaseConnection.class)
        && connection.unwrap(BaseConnection.class).getTransactionState()
            == TransactionState.IDLE;
  }

  /**
   * @return true for a lost connection (SQLState class 08 but 08P01, a protocol violation the
   *     server answered) or a server shutting the session down (57P01–57P03): the
   *     {@code COMMIT} may have been applied before the answer was lost
   */
  @Override
  public boolean commitOutcomeUnknown(SQLException failure) {
    String state = failure.getSQLState();
    return state != null && !state.equals(PROTOCOL_VIOLATION)
        && (state.startsWith("08") || state.startsWith("57P0"));
  }

  /**
   * Sends {@code COMMIT} as an unnamed statement and reads the server's answer: PostgreSQL
   * answers a {@code COMMIT} it turned into a rollback with the command tag {@code ROLLBACK} and
   * no error, which JDBC's {@code commit()} reports as success. Any answer but {@code COMMIT}
   * raises {@link CommitRefusedException}: nothing was committed. A connection that does not
   * unwrap to pgjdbc's gets JDBC's {@code commit()}.
   */
  @Override
  public void commit(Connection connection) throws SQLException {
    if (!connection.isWrapperFor(BaseConnection.class)) {
      connection.commit();
      return;
    }
    BaseConnection pg = connection.unwrap(BaseConnection.class);
    if (pg.getTransactionState() == TransactionState.IDLE) {
      return; // no statement was sent: no transaction began on the server
    }
    CommandTag answer = transactionCommand(pg, "COMMIT");
    if (!"COMMIT".equals(answer.tag)) {
      throw new CommitRefusedException(answer.tag);
    }
    if (NO_TRANSACTION.equals(answer.warning)) {
      // the server had no transaction of this connection's open: not this unit's commit
      throw new CommitRefusedException("COMMIT and the warning \"there is no transaction in"
          + " progress\"");
    }
  }

  /** @return the server's answer to {@code sql}, sent as an unnamed statement */
  private static CommandTag transactionCommand(BaseConnection pg, String sql)
      throws SQLException {
    QueryExecutor executor = pg.getQueryExecutor();
    CommandTag answer = new CommandTag();
    executor.execute(executor.createSimpleQuery(sql), null, answer, 0, 0, TRANSACTION_COMMAND);
    answer.handleCompletion();
    return answer;
  }

  /** Keeps the command tag of a transaction command, and the SQLState of its warning. */
  private static final class CommandTag extends ResultHandlerBase {
    private String tag;
    private String warning;

    @Override
    public void handleCommandStatus(String status, long updateCount, long insertOid) {
      tag = status;
    }

    @Override
    public void handleWarning(java.sql.SQLWarning sqlWarning) {
      warning = sqlWarning.getSQLState();
    }
  }

  /**
   * The server answered appdb's {@code COMMIT} with something else (a {@code ROLLBACK}):
   * nothing was committed. SQLState {@code 40000}, transaction rollback.
   */
  static final class CommitRefusedException extends SQLException {
    private static final long serialVersionUID = 1L;

    CommitRefusedException(String tag) {
      super("the server answered COMMIT with " + tag + ": nothing was committed (behind a"
          + " transaction pooler, set database.pooler=transaction)", "40000");
    }
  }

  /**
   * Sends {@code ROLLBACK} as an unnamed statement (pgjdbc's own {@code rollback()} names it
   * after {@code prepareThreshold} uses, and behind a transaction pooler that name can mean
   * another client's {@code COMMIT}); JDBC's {@code rollback()} for a connection that does not
   * unwrap to pgjdbc's.
   */
  @Override
  public void rollback(Connection connection) throws SQLException {
    if (!connection.isWrapperFor(BaseConnection.class)) {
      connection.rollback();
      return;
    }
    BaseConnection pg = connection.unwrap(BaseConnection.class);
    if (pg.getTransactionState() != TransactionState.IDLE) {
      transactionCommand(pg, "ROLLBACK");
    }
  }
}
