package dev.appdb.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Flyway migrations one module owns: appdb's own ({@link #APPDB}) or a service's. Each set
 * has its own locations per vendor and its own history table (in schema {@code app} on
 * PostgreSQL), so the version numbers of two sets never meet: appdb may ship a {@code V2} while
 * a service is at {@code V3}. Sets are applied in the order given, appdb's first.
 *
 * @param name the set's name, {@code [a-z][a-z0-9_]*}, at most 40 characters, e.g.
 *     {@code "orders"}; unique among the sets of one database
 * @param historyTable Flyway's history table for this set, e.g. {@code orders_schema_history}
 * @param postgresqlLocations Flyway locations of the PostgreSQL scripts, e.g.
 *     {@code classpath:orders/db/postgresql}; at least one; copied
 * @param sqliteLocations Flyway locations of the SQLite scripts; at least one; copied
 */
public record MigrationSet(String name, String historyTable, List<String> postgresqlLocations,
    List<String> sqliteLocations) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");
  private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  /**
   * appdb's own migrations, with the history table {@code appdb_schema_history} (before 0.1.0's
   * re-cut it was Flyway's default {@code flyway_schema_history}, which {@link Migrator} renames).
   */
  public static final MigrationSet APPDB = new MigrationSet("appdb", "appdb_schema_history",
      List.of(DatabaseVendor.POSTGRESQL.location()), List.of(DatabaseVendor.SQLITE.location()));

  /** @throws IllegalArgumentException naming the component and its rule */
  public MigrationSet {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name must match [a-z][a-z0-9_]* and be at most 40"
          + " characters, was " + (name == null ? "missing" : "'" + name + "'"));
    }
    if (historyTable == null || !TABLE.matcher(historyTable).matches()) {
      throw new IllegalArgumentException("historyTable must match [a-z][a-z0-9_]* and be at most"
          + " 63 characters, was " + (historyTable == null ? "missing" : "'" + historyTable + "'"));
    }
    postgresqlLocations = locations("postgresqlLocations", postgresqlLocations);
    sqliteLocations = locations("sqliteLocations", sqliteLocations);
  }

  /**
   * A service's set, with history table {@code <name>_schema_history}.
   *
   * @param name the set's name, see {@link MigrationSet}
   * @param postgresqlLocation where the PostgreSQL scripts are, e.g.
   *     {@code classpath:orders/db/postgresql}
   * @param sqliteLocation where the SQLite scripts are, e.g. {@code classpath:orders/db/sqlite}
   * @return the set
   * @throws IllegalArgumentException naming the component and its rule
   */
  public static MigrationSet of(String name, String postgresqlLocation, String sqliteLocation) {
    return new MigrationSet(name, name + "_schema_history", List.of(postgresqlLocation),
        List.of(sqliteLocation));
  }

  /**
   * @param postgresqlLocation one more location of PostgreSQL scripts
   * @param sqliteLocation one more location of SQLite scripts
   * @return a copy that also reads these locations
   */
  public MigrationSet withLocations(String postgresqlLocation, String sqliteLocation) {
    List<String> postgresql = new ArrayList<>(postgresqlLocations);
    postgresql.add(postgresqlLocation);
    List<String> sqlite = new ArrayList<>(sqliteLocations);
    sqlite.add(sqliteLocation);
    return new MigrationSet(name, historyTable, postgresql, sqlite);
  }

  /**
   * @param vendor the database's vendor
   * @return the set's locations for that vendor
   */
  public List<String> locations(DatabaseVendor vendor) {
    return vendor == DatabaseVendor.POSTGRESQL ? postgresqlLocations : sqliteLocations;
  }

  private static List<String> locations(String component, List<String> locations) {
    Objects.requireNonNull(locations, component);
    if (locations.isEmpty() || locations.stream().anyMatch(l -> l == null || l.isBlank())) {
      throw new IllegalArgumentException(component + " must name at least one location and no"
          + " blank one, was " + locations);
    }
    return List.copyOf(locations);
  }
}
