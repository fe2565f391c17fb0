package dev.appdb.bootstrap.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.adapter.jooq.DatabaseSettings;
import dev.appdb.adapter.jooq.Databases;
import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.adapter.jooq.MigrationLogin;
import dev.appdb.adapter.jooq.PoolSettings;
import dev.appdb.adapter.jooq.PostgresConnectionSettings;
import dev.appdb.adapter.jooq.PostgresTarget;
import dev.appdb.application.user.RegisterUser;
import dev.appdb.application.user.UserQueries;
import dev.appdb.domain.error.DatabaseUnavailableException;
import dev.appdb.domain.error.MissingPrivilegeException;
import dev.appdb.testing.SecurePostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provisioning against a server configured like production (TLS 1.2+, SCRAM only, hostssl-only
 * {@code pg_hba.conf}): the roles do what each may and nothing more, migrations run as the
 * migration login leave every object with the owner, and a second run changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresProvisioningTest {

  private static final Map<String, String> PASSWORDS = Map.of(
      "appmigrator", "migrator-Pw-1", "appuser", "appuser-Pw-2", "backupuser", "backup-Pw-3",
      "temporal", "temporal-Pw-4");
  private static final PoolSettings SMALL = PoolSettings.DEVELOPMENT.withSize(2, 0);

  private SecurePostgresServer server;
  private ProvisionReport first;
  private ProvisionReport second;

  @BeforeAll
  void provisionAndMigrate(@TempDir Path folder) {
    server = SecurePostgresServer.start(folder);
    ProvisionPlan plan = ProvisionPlan.DEFAULTS.withPasswords(PASSWORDS);
    first = PostgresProvisioning.provision(admin("postgres"), plan, network());
    second = PostgresProvisioning.provision(admin("postgres"), plan, network());
    try (JooqDatabase migrating = open("appuser", new MigrationLogin("appmigrator",
        PASSWORDS.get("appmigrator"), "appowner"))) {
      migrating.migrate();
    }
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void aSecondRunFindsEverythingAsWantedAndChangesNothing() {
    assertThat(first.changed()).isTrue();
    assertThat(first.steps()).extracting(ProvisionStep::object)
        .contains("role appowner", "role appmigrator", "role appuser", "role backupuser",
            "role temporal", "membership of appmigrator in appowner (SET, no INHERIT)",
            "password of appuser",
            "database appdb", "database temporal", "database temporal_visibility",
            "CREATE on schema public for appdb's roles",
            "schema app", "USAGE on schema app for appuser");
    assertThat(second.changed()).isFalse();
    assertThat(second.steps()).hasSameSizeAs(first.steps())
        .allSatisfy(step -> assertThat(step.outcome()).isEqualTo("as wanted"));
  }

  @Test
  void everyMigratedObjectBelongsToTheOwnerHistoryTableIncluded() throws SQLException {
    List<String> owners = new ArrayList<>();
    List<String> objects = new ArrayList<>();
    try (Connection admin = server.admin("appdb");
        Statement statement = admin.createStatement();
        ResultSet rows = statement.executeQuery("SELECT c.relname, pg_get_userbyid(c.relowner)"
            + " FROM pg_class c WHERE c.relnamespace = 'app'::regnamespace")) {
      while (rows.next()) {
        objects.add(rows.getString(1));
        owners.add(rows.getString(2));
      }
    }
    assertThat(objects).contains("users", "user_identities", "appdb_schema_history");
    assertThat(owners).containsOnly("appowner");
  }

  @Test
  void theApplicationLoginRunsUnitsOfWorkButCannotChangeTheSchema() throws SQLException {
    try (JooqDatabase database = open("appuser", null)) {
      new RegisterUser(database.transactions(), Clock.systemUTC())
          .register("Ada", "Lovelace", "ada@example.com");
      assertThat(new UserQueries(database.transactions()).count()).isPositive();
    }
    try (Connection appuser = server.connect("appdb", "appuser", PASSWORDS.get("appuser"));
        Statement statement = appuser.createStatement()) {
      assertRefused(statement, "CREATE TABLE app.t (x int)", "42501");
      assertRefused(statement, "DROP TABLE app.users", "42501");
      assertRefused(statement, "CREATE TABLE public.t (x int)", "42501");
    }
  }

  @Test
  void theBackupLoginReadsEveryTableAndWritesNone() throws SQLException {
    try (Connection backup = server.connect("appdb", "backupuser", PASSWORDS.get("backupuser"));
        Statement statement = backup.createStatement()) {
      try (ResultSet count = statement.executeQuery("SELECT (SELECT count(*) FROM app.users)"
          + " + (SELECT count(*) FROM app.user_identities)"
          + " + (SELECT count(*) FROM app.appdb_schema_history)")) {
        count.next();
        assertThat(count.getLong(1)).isPositive();
      }
      assertRefused(statement, "DELETE FROM app.users", "42501");
      assertRefused(statement, "INSERT INTO app.appdb_schema_history (installed_rank)"
          + " VALUES (999)", "42501");
    }
  }

  /** PostgreSQL 15+ gives the database's owner CREATE on public through pg_database_owner. */
  @Test
  void noRoleOfAppdbsMayCreateInSchemaPublic() throws SQLException {
    try (Connection admin = server.admin("appdb"); Statement statement = admin.createStatement()) {
      for (String role : List.of("appowner", "appmigrator", "appuser", "backupuser",
          "temporal")) {
        try (ResultSet row = statement.executeQuery(
            "SELECT has_schema_privilege('" + role + "', 'public', 'CREATE')")) {
          row.next();
          assertThat(row.getBoolean(1)).as("CREATE on public for %s", role).isFalse();
        }
      }
    }
    try (Connection migrator = server.connect("appdb", "appmigrator",
        PASSWORDS.get("appmigrator")); Statement statement = migrator.createStatement()) {
      statement.execute("SET ROLE appowner");
      assertRefused(statement, "CREATE TABLE public.t (x int)", "42501");
    }
  }

  @Test
  void theMigrationLoginHoldsTheOwnersRightsOnlyAfterSetRole() throws SQLException {
    try (Connection migrator = server.connect("appdb", "appmigrator",
        PASSWORDS.get("appmigrator")); Statement statement = migrator.createStatement()) {
      assertRefused(statement, "SELECT count(*) FROM app.users", "42501");
      assertRefused(statement, "CREATE TABLE app.t (x int)", "42501");
      statement.execute("SET ROLE appowner");
      statement.execute("SELECT count(*) FROM app.users");
    }
    try (Connection admin = server.admin("postgres");
        Statement statement = admin.createStatement();
        ResultSet rows = statement.executeQuery("SELECT rolname, rolinherit, rolcreatedb"
            + " OR rolcreaterole OR rolreplication OR rolbypassrls OR rolsuper FROM pg_roles"
            + " WHERE rolname IN ('appowner', 'appmigrator', 'appuser', 'backupuser',"
            + " 'temporal')")) {
      int seen = 0;
      while (rows.next()) {
        seen++;
        assertThat(rows.getBoolean(2)).as(rows.getString(1) + " inherits")
            .isEqualTo(!rows.getString(1).equals("appmigrator"));
        assertThat(rows.getBoolean(3)).as(rows.getString(1) + " has extra rights").isFalse();
      }
      assertThat(seen).isEqualTo(5);
    }
  }

  @Test
  void extraRightsGivenToARoleAreTakenBackAndSaidSo() throws SQLException {
    try (Connection admin = server.admin("postgres");
        Statement statement = admin.createStatement()) {
      statement.execute("ALTER ROLE appuser CREATEDB CREATEROLE");
    }
    ProvisionReport again = PostgresProvisioning.provision(admin("postgres"),
        ProvisionPlan.DEFAULTS.withPasswords(PASSWORDS), network());

    assertThat(again.steps()).filteredOn(ProvisionStep::changed).singleElement()
        .satisfies(step -> {
          assertThat(step.object()).isEqualTo("role appuser");
          assertThat(step.outcome()).startsWith("altered to LOGIN INHERIT NOCREATEDB");
        });
    try (Connection admin = server.admin("postgres");
        Statement statement = admin.createStatement();
        ResultSet row = statement.executeQuery("SELECT rolcreatedb OR rolcreaterole"
            + " FROM pg_roles WHERE rolname = 'appuser'")) {
      row.next();
      assertThat(row.getBoolean(1)).isFalse();
    }
  }

  @Test
  void theAdministratorsOwnRoleOrAnySuperuserIsRefusedAsAnAppdbRole() throws SQLException {
    try (Connection admin = server.admin("postgres");
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE ROLE other_superuser SUPERUSER NOLOGIN");
    }
    assertThatThrownBy(() -> PostgresProvisioning.provision(admin("postgres"),
        new ProvisionPlan("appdb", "appowner", "appmigrator", "postgres", "backupuser",
            "temporal", List.of(), Map.of()), network()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("role postgres is the administrator's own login; choose another name for"
            + " appdb's role");
    assertThatThrownBy(() -> PostgresProvisioning.provision(admin("postgres"),
        new ProvisionPlan("appdb", "appowner", "appmigrator", "appuser", "other_superuser",
            "temporal", List.of(), Map.of()), network()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("role other_superuser is a superuser");
  }

  @Test
  void theOwnerCannotLogInEvenWithAPassword() throws SQLException {
    try (Connection admin = server.admin("postgres");
        Statement statement = admin.createStatement()) {
      statement.execute("ALTER ROLE appowner PASSWORD 'owner-Pw-5'");
    }
    assertThatThrownBy(() -> server.connect("appdb", "appowner", "owner-Pw-5").close())
        .isInstanceOfSatisfying(SQLException.class,
            e -> assertThat(e.getSQLState()).isEqualTo("28000"))
        .hasMessageContaining("not permitted to log in");
  }

  @Test
  void theApplicationLoginMigratingFailsAtOnceNamingRolePrivilegeAndSchema() {
    String fresh = "appdb_unmigrated";
    PostgresProvisioning.provision(admin("postgres"),
        new ProvisionPlan(fresh, "appowner", "appmigrator", "appuser", "backupuser", "temporal",
            List.of(), Map.of()), network());
    try (JooqDatabase database = Databases.open(new DatabaseSettings(
        target("appuser").withDatabase(fresh), SMALL, network()))) {
      long start = System.nanoTime();
      assertThatThrownBy(database::migrate)
          .isInstanceOfSatisfying(MissingPrivilegeException.class, e -> {
            assertThat(e.role()).isEqualTo("appuser");
            assertThat(e.privilege()).isEqualTo("CREATE");
            assertThat(e.object()).isEqualTo("schema app");
          })
          .hasMessageContaining("role appuser lacks CREATE on schema app")
          .hasMessageContaining("belongs to appowner");
      // Flyway alone retried the history table ten times, a second apart
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void theTemporalLoginOwnsItsDatabasesAndNothingCrossesBetweenThem() throws SQLException {
    try (Connection temporal = server.connect("temporal", "temporal", PASSWORDS.get("temporal"));
        Statement statement = temporal.createStatement()) {
      statement.execute("CREATE TABLE workflow_probe (id int)"); // its own database: allowed
    }
    assertThatThrownBy(() -> server.connect("appdb", "temporal", PASSWORDS.get("temporal")))
        .isInstanceOfSatisfying(SQLException.class,
            e -> assertThat(e.getSQLState()).isEqualTo("42501"));
    assertThatThrownBy(() -> server.connect("temporal", "appuser", PASSWORDS.get("appuser")))
        .isInstanceOfSatisfying(SQLException.class,
            e -> assertThat(e.getSQLState()).isEqualTo("42501"));
    assertThatThrownBy(() -> server.connect("temporal_visibility", "backupuser",
        PASSWORDS.get("backupuser")))
        .isInstanceOfSatisfying(SQLException.class,
            e -> assertThat(e.getSQLState()).isEqualTo("42501"));
    // through appdb: a lasting refusal, not worth a retry
    assertThatThrownBy(() -> Databases.open(new DatabaseSettings(
        target("appuser").withDatabase("temporal"), SMALL, network())).close())
        .isInstanceOfSatisfying(DatabaseUnavailableException.class,
            e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("permission denied for database");
    assertThatThrownBy(() -> Databases.open(new DatabaseSettings(
        target("appuser").withPassword("wrong"), SMALL, network())).close())
        .isInstanceOfSatisfying(DatabaseUnavailableException.class,
            e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("password authentication failed");
  }

  @Test
  void passwordsAreStoredAsScramVerifiersOnly() throws SQLException {
    try (Connection admin = server.admin("postgres");
        Statement statement = admin.createStatement();
        ResultSet rows = statement.executeQuery("SELECT rolname, rolpassword FROM pg_authid"
            + " WHERE rolname IN ('appmigrator', 'appuser', 'backupuser', 'temporal')")) {
      int seen = 0;
      while (rows.next()) {
        seen++;
        assertThat(rows.getString(2)).startsWith("SCRAM-SHA-256$4096:")
            .doesNotContain(PASSWORDS.get(rows.getString(1)));
      }
      assertThat(seen).isEqualTo(4);
    }
    assertThatThrownBy(() -> server.connect("appdb", "appuser", "wrong").close())
        .isInstanceOfSatisfying(SQLException.class,
            e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
  }

  private JooqDatabase open(String user, MigrationLogin migration) {
    return Databases.open(new DatabaseSettings(target(user), SMALL, network(), migration));
  }

  private PostgresTarget target(String user) {
    return ApplicationRoleTestDatabase.target(server, "appdb", user, PASSWORDS.get(user));
  }

  private PostgresTarget admin(String database) {
    return ApplicationRoleTestDatabase.target(server, database, server.adminUser(),
        server.adminPassword());
  }

  private static PostgresConnectionSettings network() {
    return PostgresConnectionSettings.defaults(SMALL.statementTimeout());
  }

  private static void assertRefused(Statement statement, String sql, String sqlState) {
    assertThatThrownBy(() -> statement.execute(sql))
        .as(sql)
        .isInstanceOfSatisfying(SQLException.class,
            e -> assertThat(e.getSQLState()).isEqualTo(sqlState));
  }
}
