package dev.appdb.bootstrap.provision;

import dev.appdb.adapter.jooq.Databases;
import dev.appdb.adapter.jooq.PostgresConnectionSettings;
import dev.appdb.adapter.jooq.PostgresTarget;
import dev.appdb.domain.error.DatabaseUnavailableException;
import dev.appdb.domain.error.MissingPrivilegeException;
import dev.appdb.migrations.Migrator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes a PostgreSQL server ready for appdb, with an administrator's connection, once per
 * server and idempotently: every step reads the catalog first and changes only what differs, so
 * a second run changes nothing and its {@link ProvisionReport} says so. What it makes (names
 * from the {@link ProvisionPlan}, shown with the defaults):
 * <ul>
 *   <li>roles {@code appowner} NOLOGIN; {@code appmigrator}, {@code appuser},
 *       {@code backupuser}, {@code temporal} LOGIN; {@code appmigrator} a member of
 *       {@code appowner}; passwords as SCRAM-SHA-256 verifiers computed here (a role whose
 *       verifier already matches is left alone);</li>
 *   <li>database {@code appdb} owned by {@code appowner}, {@code CONNECT} only for the three
 *       application logins (revoked from {@code PUBLIC}, with {@code TEMPORARY});</li>
 *   <li>in it, schema {@code app} owned by {@code appowner}; {@code CREATE} on {@code public}
 *       revoked from {@code PUBLIC}; {@code USAGE} on {@code app} for {@code appuser} and
 *       {@code backupuser}; their table and sequence privileges on what exists and, as
 *       {@code appowner}'s default privileges, on everything migrated later;</li>
 *   <li>databases {@code temporal} and {@code temporal_visibility} owned by {@code temporal},
 *       {@code CONNECT} revoked from {@code PUBLIC}.</li>
 * </ul>
 * The administrator needs to be a superuser (or hold {@code CREATEROLE}, {@code CREATEDB} and
 * membership of the roles it hands objects to). Comparing passwords reads {@code pg_authid},
 * which only a superuser may; otherwise given passwords are set again on every run (reported).
 */
public final class PostgresProvisioning {

  /** What the application login may do to every table of the schema. */
  static final List<String> APPLICATION_TABLE_PRIVILEGES =
      List.of("SELECT", "INSERT", "UPDATE", "DELETE");
  /** What the application login may do to every sequence of the schema. */
  static final List<String> APPLICATION_SEQUENCE_PRIVILEGES = List.of("USAGE", "SELECT");
  /** What the backup login may do to tables and sequences: read, as {@code pg_dump} does. */
  static final List<String> BACKUP_PRIVILEGES = List.of("SELECT");

  private static final String SCHEMA = Migrator.POSTGRESQL_SCHEMA;

  private final ProvisionPlan plan;
  private final List<ProvisionStep> steps = new ArrayList<>();

  private PostgresProvisioning(ProvisionPlan plan) {
    this.plan = plan;
  }

  /**
   * @param admin the administrator's connection (credentials included), to any database of the
   *     server, e.g. {@code postgres}
   * @param plan names and passwords
   * @param network connect and login timeouts (no statement timeout: {@code CREATE DATABASE}
   *     may take a while)
   * @return every step, in order
   * @throws DatabaseUnavailableException when the server cannot be reached or refuses the login
   * @throws MissingPrivilegeException when the administrator lacks a privilege a step needs
   * @throws dev.appdb.domain.error.UnexpectedDatabaseException when a step fails otherwise
   *     (steps done before it stay done; running again continues)
   */
  public static ProvisionReport provision(PostgresTarget admin, ProvisionPlan plan,
      PostgresConnectionSettings network) {
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(network, "network");
    PostgresProvisioning run = new PostgresProvisioning(plan);
    try {
      try (Connection server = connect(admin, network)) {
        run.roles(server);
        run.databases(server);
      }
      try (Connection database = connect(admin.withDatabase(plan.database()), network)) {
        run.schema(database);
      }
    } catch (SQLException e) {
      throw Databases.postgresFailure(e);
    }
    return new ProvisionReport(run.steps);
  }

  private void roles(Connection server) throws SQLException {
    refuseTheAdministratorsRoles(server);
    role(server, plan.ownerRole(), false, true);
    for (String login : plan.loginRoles()) {
      // the migration login holds the owner's privileges only after SET ROLE: without it, a
      // migration can create nothing (and so nothing that the owner would not own)
      role(server, login, true, !login.equals(plan.migrationRole()));
    }
    boolean member = exists(server, "SELECT 1 FROM pg_auth_members m"
        + " WHERE m.roleid = CAST(? AS regrole) AND m.member = CAST(? AS regrole)",
        plan.ownerRole(), plan.migrationRole());
    boolean pg16 = bool(server, "SELECT current_setting('server_version_num')::int >= 160000");
    String grant = "GRANT " + plan.ownerRole() + " TO " + plan.migrationRole()
        + (pg16 ? " WITH INHERIT FALSE, SET TRUE" : "");
    if (member && pg16) { // PostgreSQL 16 keeps inheritance per grant, set when it was made
      member = exists(server, "SELECT 1 FROM pg_auth_members m"
          + " WHERE m.roleid = CAST(? AS regrole) AND m.member = CAST(? AS regrole)"
          + " AND NOT m.inherit_option AND m.set_option", plan.ownerRole(), plan.migrationRole());
    }
    ensure(server, "membership of " + plan.migrationRole() + " in " + plan.ownerRole()
        + " (SET, no INHERIT)", member, "granted", grant);
    for (String login : plan.loginRoles()) {
      String password = plan.passwords().get(login);
      if (password != null) {
        password(server, login, password.toCharArray());
      }
    }
  }

  /**
   * The administrator's own role, or any superuser, as one of appdb's roles would give the
   * application everything (and provisioning would change its password): refused up front.
   */
  private void refuseTheAdministratorsRoles(Connection server) throws SQLException {
    String administrator = string(server, "SELECT current_user");
    for (String role : plan.roles()) {
      if (role.equals(administrator)) {
        throw new IllegalArgumentException("role " + role + " is the administrator's own login;"
            + " choose another name for appdb's role");
      }
      if (bool(server, "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?"
          + " AND rolsuper)", role)) {
        throw new IllegalArgumentException("role " + role + " is a superuser; appdb gives its"
            + " roles no superuser rights and will not take them away: choose another name");
      }
    }
  }

  private void role(Connection server, String role, boolean login, boolean inherit)
      throws SQLException {
    Boolean asWanted = null;
    try (PreparedStatement query = server.prepareStatement("SELECT rolcanlogin = ?"
        + " AND rolinherit = ? AND NOT (rolcreatedb OR rolcreaterole OR rolreplication"
        + " OR rolbypassrls) FROM pg_roles WHERE rolname = ?")) {
      query.setBoolean(1, login);
      query.setBoolean(2, inherit);
      query.setString(3, role);
      try (ResultSet row = query.executeQuery()) {
        if (row.next()) {
          asWanted = row.getBoolean(1);
        }
      }
    }
    String attributes = (login ? "LOGIN" : "NOLOGIN") + (inherit ? " INHERIT" : " NOINHERIT")
        + " NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS";
    if (asWanted == null) {
      ensure(server, "role " + role, false, "created (" + attributes + ")",
          "CREATE ROLE " + role + " " + attributes);
    } else {
      ensure(server, "role " + role, asWanted, "altered to " + attributes,
          "ALTER ROLE " + role + " " + attributes);
    }
  }

  private void password(Connection server, String role, char[] password) throws SQLException {
    String stored;
    boolean readable = true;
    try (PreparedStatement query = server.prepareStatement(
        "SELECT rolpassword FROM pg_authid WHERE rolname = ?")) {
      query.setString(1, role);
      try (ResultSet row = query.executeQuery()) {
        stored = row.next() ? row.getString(1) : null;
      }
    } catch (SQLException e) {
      if (!"42501".equals(e.getSQLState())) {
        throw e;
      }
      stored = null; // not a superuser: cannot compare, so set it
      readable = false;
    }
    ensure(server, "password of " + role, ScramVerifier.matches(stored, password),
        readable ? "set (SCRAM-SHA-256)" : "set (SCRAM-SHA-256; pg_authid unreadable, not compared)",
        "ALTER ROLE " + role + " PASSWORD '" + ScramVerifier.compute(password) + "'");
  }

  private void databases(Connection server) throws SQLException {
    database(server, plan.database(), plan.ownerRole());
    closeToPublic(server, plan.database());
    for (String login : List.of(plan.migrationRole(), plan.applicationRole(),
        plan.backupRole())) {
      ensure(server, "CONNECT on database " + plan.database() + " for " + login,
          bool(server, "SELECT has_database_privilege(?, ?, 'CONNECT')", login, plan.database()),
          "granted", "GRANT CONNECT ON DATABASE " + plan.database() + " TO " + login);
    }
    for (String temporal : plan.temporalDatabases()) {
      database(server, temporal, plan.temporalRole());
      closeToPublic(server, temporal);
    }
  }

  private void database(Connection server, String database, String owner) throws SQLException {
    String current = string(server,
        "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?", database);
    if (current == null) {
      ensure(server, "database " + database, false, "created, owned by " + owner,
          "CREATE DATABASE " + database + " OWNER " + owner);
    } else {
      ensure(server, "database " + database, current.equals(owner),
          "owner changed from " + current + " to " + owner,
          "ALTER DATABASE " + database + " OWNER TO " + owner);
    }
  }

  private void closeToPublic(Connection server, String database) throws SQLException {
    boolean open = bool(server, "SELECT has_database_privilege('public', ?, 'CONNECT')"
        + " OR has_database_privilege('public', ?, 'TEMPORARY')", database, database);
    ensure(server, "CONNECT and TEMPORARY on database " + database + " for PUBLIC", !open,
        "revoked", "REVOKE CONNECT, TEMPORARY ON DATABASE " + database + " FROM PUBLIC");
  }

  private void schema(Connection database) throws SQLException {
    String owner = string(database,
        "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = ?", SCHEMA);
    if (owner == null) {
      ensure(database, "schema " + SCHEMA, false, "created, owned by " + plan.ownerRole(),
          "CREATE SCHEMA " + SCHEMA + " AUTHORIZATION " + plan.ownerRole());
    } else {
      ensure(database, "schema " + SCHEMA, owner.equals(plan.ownerRole()),
          "owner changed from " + owner + " to " + plan.ownerRole(),
          "ALTER SCHEMA " + SCHEMA + " OWNER TO " + plan.ownerRole());
    }
    if (string(database, "SELECT nspname FROM pg_namespace WHERE nspname = ?", "public") != null) {
      ensure(database, "CREATE on schema public for PUBLIC",
          !bool(database, "SELECT has_schema_privilege('public', ?, 'CREATE')", "public"),
          "revoked", "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
      // PostgreSQL 15+: public belongs to pg_database_owner, so the database's owner (appowner,
      // and the migration login after SET ROLE) may create in it; the administrator takes it
      // over. A second run finds no role of appdb's with CREATE there and changes nothing.
      List<String> creators = new ArrayList<>();
      for (String role : plan.roles()) {
        if (bool(database, "SELECT has_schema_privilege(?, 'public', 'CREATE')", role)) {
          creators.add(role);
        }
      }
      ensure(database, "CREATE on schema public for appdb's roles", creators.isEmpty(),
          "revoked from " + String.join(", ", creators) + " (owner now the administrator)",
          "ALTER SCHEMA public OWNER TO CURRENT_USER");
    }
    for (String reader : List.of(plan.applicationRole(), plan.backupRole())) {
      ensure(database, "USAGE on schema " + SCHEMA + " for " + reader,
          bool(database, "SELECT has_schema_privilege(?, ?, 'USAGE')", reader, SCHEMA),
          "granted", "GRANT USAGE ON SCHEMA " + SCHEMA + " TO " + reader);
    }
    grants(database, plan.applicationRole(), APPLICATION_TABLE_PRIVILEGES,
        APPLICATION_SEQUENCE_PRIVILEGES);
    grants(database, plan.backupRole(), BACKUP_PRIVILEGES, BACKUP_PRIVILEGES);
  }

  private void grants(Connection database, String role, List<String> tablePrivileges,
      List<String> sequencePrivileges) throws SQLException {
    String tables = String.join(", ", tablePrivileges);
    String sequences = String.join(", ", sequencePrivileges);
    ensure(database, tables + " on existing tables of " + SCHEMA + " for " + role,
        lacking(database, role, "'r', 'p', 'v', 'm', 'f'", "has_table_privilege",
            tablePrivileges) == 0, "granted",
        "GRANT " + tables + " ON ALL TABLES IN SCHEMA " + SCHEMA + " TO " + role);
    ensure(database, sequences + " on existing sequences of " + SCHEMA + " for " + role,
        lacking(database, role, "'S'", "has_sequence_privilege", sequencePrivileges) == 0,
        "granted", "GRANT " + sequences + " ON ALL SEQUENCES IN SCHEMA " + SCHEMA + " TO " + role);
    ensure(database, "default privileges of " + plan.ownerRole() + " in " + SCHEMA + " for "
            + role + " on tables (" + tables + ")",
        defaults(database, role, "r").containsAll(tablePrivileges), "granted",
        "ALTER DEFAULT PRIVILEGES FOR ROLE " + plan.ownerRole() + " IN SCHEMA " + SCHEMA
            + " GRANT " + tables + " ON TABLES TO " + role);
    ensure(database, "default privileges of " + plan.ownerRole() + " in " + SCHEMA + " for "
            + role + " on sequences (" + sequences + ")",
        defaults(database, role, "S").containsAll(sequencePrivileges), "granted",
        "ALTER DEFAULT PRIVILEGES FOR ROLE " + plan.ownerRole() + " IN SCHEMA " + SCHEMA
            + " GRANT " + sequences + " ON SEQUENCES TO " + role);
  }

  /** Objects of the kinds in the schema on which {@code role} lacks any of the privileges. */
  private static int lacking(Connection database, String role, String kinds, String check,
      List<String> privileges) throws SQLException {
    StringBuilder all = new StringBuilder();
    for (String privilege : privileges) {
      all.append(all.isEmpty() ? "" : " AND ").append(check).append("(?, c.oid, '")
          .append(privilege).append("')");
    }
    try (PreparedStatement query = database.prepareStatement("SELECT count(*) FROM pg_class c"
        + " WHERE c.relnamespace = CAST(? AS regnamespace) AND c.relkind IN (" + kinds + ")"
        // CASE: the planner may call the check on any row first, and a sequence check on a
        // table (or the reverse) is an error
        + " AND CASE WHEN c.relkind IN (" + kinds + ") THEN NOT (" + all + ") ELSE false END")) {
      query.setString(1, SCHEMA);
      for (int i = 0; i < privileges.size(); i++) {
        query.setString(i + 2, role);
      }
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  /** The privileges the owner's default ACL for the schema gives {@code role} on new objects. */
  private Set<String> defaults(Connection database, String role, String objectType)
      throws SQLException {
    Set<String> granted = new TreeSet<>();
    try (PreparedStatement query = database.prepareStatement("SELECT a.privilege_type"
        + " FROM pg_default_acl d CROSS JOIN LATERAL aclexplode(d.defaclacl) a"
        + " WHERE d.defaclrole = CAST(? AS regrole)"
        + " AND d.defaclnamespace = CAST(? AS regnamespace)"
        + " AND d.defaclobjtype = ? AND a.grantee = CAST(? AS regrole)")) {
      query.setString(1, plan.ownerRole());
      query.setString(2, SCHEMA);
      query.setString(3, objectType);
      query.setString(4, role);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          granted.add(rows.getString(1));
        }
      }
    }
    return granted;
  }

  private void ensure(Connection connection, String object, boolean already, String done,
      String statement) throws SQLException {
    if (already) {
      steps.add(new ProvisionStep(object, "as wanted", false));
      return;
    }
    try (Statement execute = connection.createStatement()) {
      execute.execute(statement);
    }
    steps.add(new ProvisionStep(object, done, true));
  }

  private static boolean exists(Connection connection, String sql, String... parameters)
      throws SQLException {
    try (PreparedStatement query = bind(connection, sql, parameters);
        ResultSet row = query.executeQuery()) {
      return row.next();
    }
  }

  private static boolean bool(Connection connection, String sql, String... parameters)
      throws SQLException {
    try (PreparedStatement query = bind(connection, sql, parameters);
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getBoolean(1);
    }
  }

  private static String string(Connection connection, String sql, String... parameters)
      throws SQLException {
    try (PreparedStatement query = bind(connection, sql, parameters);
        ResultSet row = query.executeQuery()) {
      return row.next() ? row.getString(1) : null;
    }
  }

  private static PreparedStatement bind(Connection connection, String sql, String... parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      statement.setString(i + 1, parameters[i]);
    }
    return statement;
  }

  private static Connection connect(PostgresTarget target, PostgresConnectionSettings network)
      throws SQLException {
    Connection connection = Databases.administrativeConnection(target, network,
        "appdb-provision");
    // keeps the password verifiers out of the server's statement log (log_statement=ddl logs
    // ALTER ROLE ... PASSWORD); only a superuser may, and a non-superuser's session is not
    // logged more than the server's setting says
    try (Statement quiet = connection.createStatement()) {
      quiet.execute("SET log_statement = 'none'");
    } catch (SQLException notSuperuser) {
      if (!"42501".equals(notSuperuser.getSQLState())) {
        connection.close();
        throw notSuperuser;
      }
    }
    return connection;
  }
}
