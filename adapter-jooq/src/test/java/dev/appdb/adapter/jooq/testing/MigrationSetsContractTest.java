package dev.appdb.adapter.jooq.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.migrations.DatabaseVendor;
import dev.appdb.migrations.MigrationReport;
import dev.appdb.migrations.MigrationSet;
import dev.appdb.migrations.Migrator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/**
 * A service's migration set beside appdb's: its own locations and history table, applied after
 * appdb's, so that the two version sequences never meet. The database is migrated by appdb V1
 * and the service's V1; then appdb gains a V2 while the service gains V2 and V3; the database
 * migrates forward, and a restart applies nothing. One subclass per database.
 */
public abstract class MigrationSetsContractTest {

  private static final String ROOT = "classpath:testmigrations/";

  /** @return an empty database, unpooled, on which each call opens a new connection */
  protected abstract DataSource emptyDatabase();

  /** @return the database's vendor */
  protected abstract DatabaseVendor vendor();

  /**
   * @param table a table name
   * @return how the table is named in SQL on this database ({@code app.t} or {@code t})
   */
  protected abstract String qualified(String table);

  private static MigrationSet notes() {
    return MigrationSet.of("notes", ROOT + "notes/v1/postgresql", ROOT + "notes/v1/sqlite");
  }

  @Test
  void aServiceSetAndAppdbsMigrateForwardIndependentlyAndARestartAppliesNothing()
      throws SQLException {
    DataSource database = emptyDatabase();

    assertThat(new Migrator(database, vendor(), List.of(MigrationSet.APPDB, notes())).migrate())
        .containsExactly(new MigrationReport("appdb", 1, "1"), new MigrationReport("notes", 1, "1"));

    List<MigrationSet> later = List.of(
        MigrationSet.APPDB.withLocations(ROOT + "appdb-next/postgresql", ROOT + "appdb-next/sqlite"),
        notes().withLocations(ROOT + "notes/v2/postgresql", ROOT + "notes/v2/sqlite"));
    assertThat(new Migrator(database, vendor(), later).migrate())
        .containsExactly(new MigrationReport("appdb", 1, "2"), new MigrationReport("notes", 2, "3"));
    assertThat(new Migrator(database, vendor(), later).migrate())
        .containsExactly(new MigrationReport("appdb", 0, "2"), new MigrationReport("notes", 0, "3"));

    assertThat(versions(database, "appdb_schema_history")).containsExactly("1", "2");
    assertThat(versions(database, "notes_schema_history")).containsExactly("0", "1", "2", "3");
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT count(*) FROM " + qualified("notes") + " WHERE pinned = " + falseLiteral())) {
      rows.next();
      assertThat(rows.getLong(1)).isZero();
    }
  }

  @Test
  void refusesSetsThatWouldRunEachOthersScripts() {
    DataSource database = emptyDatabase();
    MigrationSet greedy = MigrationSet.of("greedy", "classpath:dev/appdb", "classpath:dev");

    assertThatThrownBy(() -> new Migrator(database, vendor(), List.of(MigrationSet.APPDB, greedy)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("of set 'appdb' lies inside location")
        .hasMessageContaining("of set 'greedy'");
    assertThatThrownBy(() -> new Migrator(database, vendor(), List.of(notes())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("appdb's own set must come first");
    assertThatThrownBy(() -> new Migrator(database, vendor(),
        List.of(MigrationSet.APPDB, notes(), notes())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two sets are named 'notes'");
  }

  @Test
  void appdbsScriptsAreNotWhereAnotherFlywayLooksByDefault() {
    assertThat(MigrationSet.APPDB.locations(vendor()))
        .allSatisfy(location -> assertThat(location).startsWith("classpath:dev/appdb/migrations/"));
    assertThat(MigrationSet.APPDB.historyTable()).isEqualTo("appdb_schema_history");
    assertThat(Migrator.class.getClassLoader().getResource("db/migration"))
        .as("nothing of appdb's in Flyway's default location").isNull();
  }

  @Test
  void aDatabaseMigratedIntoFlywaysDefaultHistoryMovesToAppdbsOwnWithoutRunningAnythingAgain()
      throws SQLException {
    DataSource database = emptyDatabase();
    legacyAppdb(database).migrate(); // what appdb before the rename left behind
    insertUser(database);
    Migrator migrator = new Migrator(database, vendor(), List.of(MigrationSet.APPDB, notes()));

    assertThat(migrator.state().get(0).version()).as("read from the old table").isEqualTo("1");
    assertThat(migrator.state().get(0).pending()).isZero();
    assertThat(migrator.migrate()).containsExactly(new MigrationReport("appdb", 0, "1"),
        new MigrationReport("notes", 1, "1"));

    assertThat(tableExists(database, Migrator.LEGACY_HISTORY_TABLE)).isFalse();
    assertThat(versions(database, "appdb_schema_history")).containsExactly("1");
    assertThat(countUsers(database)).as("the data stays").isEqualTo(1);
    assertThat(new Migrator(database, vendor(), List.of(MigrationSet.APPDB, notes())).migrate())
        .as("a restart applies nothing and validates every checksum")
        .containsExactly(new MigrationReport("appdb", 0, "1"), new MigrationReport("notes", 0, "1"));
    // the freed name is free indeed: another Flyway can create its default history beside appdb's
    inAppsSchema(Flyway.configure().dataSource(database)
        .locations(ROOT + "notes/v1/" + vendor().name().toLowerCase(java.util.Locale.ROOT))
        .table(Migrator.LEGACY_HISTORY_TABLE).baselineVersion("0")).load().baseline();
    assertThat(tableExists(database, Migrator.LEGACY_HISTORY_TABLE)).isTrue();
  }

  @Test
  void anotherFlywaysDefaultHistoryIsLeftAloneAndAMixedOneIsRefused() throws SQLException {
    DataSource database = emptyDatabase();
    execute(database, createLegacyHistory(), "INSERT INTO " + qualified(Migrator.LEGACY_HISTORY_TABLE)
        + " (installed_rank, version, description, type, script, checksum, installed_by,"
        + " execution_time, success) VALUES (1, '1', 'audit', 'SQL', 'V1__audit.sql', 7,"
        + " 'someone', 1, " + trueLiteral() + ")");
    assertThat(new Migrator(database, vendor()).migrate())
        .containsExactly(new MigrationReport("appdb", 1, "1"));
    assertThat(versions(database, Migrator.LEGACY_HISTORY_TABLE)).as("untouched").containsExactly("1");

    DataSource mixed = emptyDatabase();
    legacyAppdb(mixed).migrate();
    execute(mixed, "INSERT INTO " + qualified(Migrator.LEGACY_HISTORY_TABLE)
        + " (installed_rank, version, description, type, script, checksum, installed_by,"
        + " execution_time, success) VALUES (9, '9', 'audit', 'SQL', 'V9__audit.sql', 7,"
        + " 'someone', 1, " + trueLiteral() + ")");
    assertThatThrownBy(() -> new Migrator(mixed, vendor()).migrate())
        .hasMessageContaining("holds appdb's scripts [V1__users_and_identities.sql] and others"
            + " [V9__audit.sql]");
    assertThat(tableExists(mixed, "appdb_schema_history")).as("nothing half-done").isFalse();
  }

  /** appdb as it was: the same scripts, Flyway's default history table. */
  private Flyway legacyAppdb(DataSource database) {
    return inAppsSchema(Flyway.configure().dataSource(database)
        .locations(MigrationSet.APPDB.locations(vendor()).toArray(String[]::new))
        .table(Migrator.LEGACY_HISTORY_TABLE)).load();
  }

  private FluentConfiguration inAppsSchema(FluentConfiguration configuration) {
    return vendor() == DatabaseVendor.POSTGRESQL
        ? configuration.schemas(Migrator.POSTGRESQL_SCHEMA)
            .defaultSchema(Migrator.POSTGRESQL_SCHEMA).createSchemas(true)
        : configuration;
  }

  private String createLegacyHistory() {
    return (vendor() == DatabaseVendor.POSTGRESQL ? "CREATE SCHEMA IF NOT EXISTS app; " : "")
        + "CREATE TABLE " + qualified(Migrator.LEGACY_HISTORY_TABLE) + " (installed_rank INT NOT"
        + " NULL PRIMARY KEY, version VARCHAR(50), description VARCHAR(200) NOT NULL, type"
        + " VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL, checksum INT, installed_by"
        + " VARCHAR(100) NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,"
        + " execution_time INT NOT NULL, success BOOLEAN NOT NULL)";
  }

  private String trueLiteral() {
    return vendor() == DatabaseVendor.POSTGRESQL ? "true" : "1";
  }

  private static void execute(DataSource database, String... statements) throws SQLException {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        for (String one : sql.split("; ")) {
          statement.execute(one);
        }
      }
    }
  }

  private void insertUser(DataSource database) throws SQLException {
    String now = vendor() == DatabaseVendor.POSTGRESQL ? "now()" : "'2024-01-01T00:00:00.000000Z'";
    execute(database, "INSERT INTO " + qualified("users") + " (id, first_name, last_name,"
        + " created_at, updated_at, version) VALUES ('0190f5a4-7c1e-7abc-8def-0123456789ab',"
        + " 'Ada', 'Lovelace', " + now + ", " + now + ", 0)");
  }

  private long countUsers(DataSource database) throws SQLException {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + qualified("users"))) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private boolean tableExists(DataSource database, String table) throws SQLException {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + qualified(table))) {
        return true;
      } catch (SQLException missing) {
        return false;
      }
    }
  }

  private String falseLiteral() {
    return vendor() == DatabaseVendor.POSTGRESQL ? "false" : "0";
  }

  private List<String> versions(DataSource database, String historyTable) throws SQLException {
    List<String> versions = new ArrayList<>();
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT version FROM " + qualified(historyTable)
            + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
      while (rows.next()) {
        versions.add(rows.getString(1));
      }
    }
    return versions;
  }
}
