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

    assertThat(versions(database, "flyway_schema_history")).containsExactly("1", "2");
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
    MigrationSet greedy = MigrationSet.of("greedy", "classpath:db/migration", "classpath:db");

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
