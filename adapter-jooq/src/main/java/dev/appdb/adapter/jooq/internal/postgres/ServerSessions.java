package dev.appdb.adapter.jooq.internal.postgres;

import dev.appdb.adapter.jooq.Pooler;
import dev.appdb.adapter.jooq.PostgresConnectionSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What appdb knows of the server sessions behind its own connections: whether session state (the
 * startup {@code options}, a named prepared statement) survives from one transaction to the
 * next, or a transaction pooler hands each transaction another server connection. Declared by
 * {@link Pooler#TRANSACTION}, or found on a new connection whose server process id
 * ({@code pg_backend_pid()}) is not the one the connection was given at start-up: a pooler
 * answered the start-up, not PostgreSQL. Found, the connection gets pgjdbc's
 * {@code prepareThreshold} 0 and no fetch size, and every unit of work from then on sets its
 * timeouts itself. Thread-safe.
 */
final class ServerSessions {

  private static final Logger LOG = LoggerFactory.getLogger(ServerSessions.class);

  private final boolean declared;
  private final String unitSettings;
  private final String target;
  private volatile boolean pooled;

  /**
   * @param declared whether the settings say a transaction pooler is there
   * @param unitSettings the {@code SET LOCAL} statement of {@link
   *     PostgresConnectionSettings#unitSettings}; null when statements are timed by the JDBC
   *     query timeout (an adopted pool)
   * @param target where the pool connects, for the warning; no password
   */
  ServerSessions(boolean declared, String unitSettings, String target) {
    this.declared = declared;
    this.unitSettings = unitSettings;
    this.target = target;
    this.pooled = declared;
  }

  /**
   * @return the statement a unit of work sends right after it begins, or null when the
   *     connection's session settings hold the timeouts
   */
  String unitSettings() {
    return pooled ? unitSettings : null;
  }

  /** @return whether a transaction pooler was declared or found */
  boolean pooled() {
    return pooled;
  }

  /**
   * Keeps a connection of a pool appdb did not open from naming statements for a unit of work,
   * when a pooler was found behind that pool: {@code prepareThreshold} 0 on the connection
   * (statements the service prepared there before stay as pgjdbc keeps them).
   *
   * @param connection a checked-out connection, in its unit of work
   * @throws SQLException when it does not unwrap to pgjdbc's
   */
  void unnamed(Connection connection) throws SQLException {
    if (pooled && connection.isWrapperFor(PGConnection.class)) {
      connection.unwrap(PGConnection.class).setPrepareThreshold(0);
    }
  }

  /**
   * Checks a connection just opened, before anyone uses it: one round trip, in auto-commit mode,
   * when no pooler was declared.
   *
   * @param connection a new pgjdbc connection
   * @throws SQLException when the check cannot run
   */
  void opened(Connection connection) throws SQLException {
    if (!declared && connection.isWrapperFor(PGConnection.class)) {
      detect(connection);
    }
  }

  /**
   * Readies a new migration connection: as {@link #opened}, then the owner's role. Directly
   * connected, {@code SET ROLE} for the session (the connection is closed after the migration).
   * Behind a transaction pooler a session's role would stay on a server connection that other
   * sessions of the login get next, and the migration's next transaction may run on another one:
   * the login must take the role by default instead ({@code ALTER ROLE login SET role = ...},
   * which {@code appdb provision} does not set: it keeps the migration login without the owner's
   * rights until it takes the role), and this checks that it did.
   *
   * @param connection a new migration connection
   * @param role the owner's role to migrate as, e.g. {@code appowner}; null for the login's own
   * @throws SQLException when the role cannot be taken, or behind a transaction pooler is not
   *     the login's default (SQLState 42501, the message says what to run)
   */
  void migrating(Connection connection, String role) throws SQLException {
    boolean pooler = declared || detect(connection);
    if (role == null) {
      return;
    }
    if (!pooler) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET ROLE \"" + role + "\"");
      }
      return;
    }
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT current_user, session_user")) {
      row.next();
      if (!role.equals(row.getString(1))) {
        String login = row.getString(2);
        throw new MigrationRoleException("behind a transaction pooler migrations cannot SET ROLE "
            + role
            + " (it would outlive the migration on the pooler's server connection): make it "
            + login + "'s default with ALTER ROLE " + login + " SET role = '" + role
            + "' (the pooler's open server connections keep the old default until they"
            + " reconnect), or migrate over a direct connection");
      }
    }
  }

  /** @return whether a pooler answered for {@code connection}; if so it is readied for one */
  private boolean detect(Connection connection) throws SQLException {
    PGConnection pg = connection.unwrap(PGConnection.class);
    int server;
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
      row.next();
      server = row.getInt(1);
    }
    boolean found = server != pg.getBackendPID();
    if (!found && !pooled) {
      return false;
    }
    pg.setPrepareThreshold(0);
    pg.setDefaultFetchSize(0);
    if (!pooled) {
      pooled = true;
      LOG.warn("a pooler answers for {}: the server's process id is not the one the connection"
          + " was given. appdb now uses no named prepared statements{}", target,
          unitSettings == null ? " in its units of work; give the pool's connections"
              + " prepareThreshold=0 so that no other code on them names statements either"
              : " and sets its timeouts in every unit of work; set database.pooler=transaction"
              + " (or pooler=transaction in the URL) to say so, and to drop the startup options"
              + " this pooler may refuse");
    }
    return found;
  }

  /** A migration login that does not start as the owner's role behind a pooler (42501). */
  static final class MigrationRoleException extends SQLException {
    private static final long serialVersionUID = 1L;

    MigrationRoleException(String message) {
      super(message, "42501");
    }
  }
}
