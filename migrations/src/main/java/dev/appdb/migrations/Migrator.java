package dev.appdb.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies Flyway migration sets for one vendor, in order: appdb's own first, then a service's
 * (see {@link MigrationSet}). On PostgreSQL every table and every history table lives in schema
 * {@value #POSTGRESQL_SCHEMA}, created when missing. Applied scripts are validated against their
 * checksums first, so an edited migration fails loudly.
 *
 * <p>A service's set starts on a schema that already holds appdb's tables, and appdb's may start
 * beside another Flyway's tables; Flyway would refuse that ("non-empty schema without a history
 * table"), so such a set's history begins with a baseline at version 0 and every one of its
 * scripts from {@code V1} on is applied.
 *
 * <p>appdb's own history was Flyway's default table, {@value #LEGACY_HISTORY_TABLE}, until its
 * scripts moved out of {@code classpath:db/migration} (where another Flyway, Spring Boot's, finds
 * them). A database migrated then keeps working: {@link #migrate} renames that table (and its
 * index and key) to {@code appdb_schema_history} when it holds appdb's scripts and nothing else,
 * in one transaction, before anything runs; Flyway's checksums do not depend on the scripts'
 * location, so nothing is applied again. Until then {@link #state} reads the old table.
 */
public final class Migrator {

  /** The PostgreSQL schema that holds every appdb table. */
  public static final String POSTGRESQL_SCHEMA = "app";

  /** appdb's history table before it had a name of its own: Flyway's default. */
  public static final String LEGACY_HISTORY_TABLE = "flyway_schema_history";

  private final DataSource dataSource;
  private final DatabaseVendor vendor;
  private final List<MigrationSet> sets;
  private final List<Flyway> flyways = new ArrayList<>();
  /** appdb's set read from {@link #LEGACY_HISTORY_TABLE}, for {@link #state} before the rename. */
  private final Flyway legacy;
  /** Set once the old table is seen gone or renamed: it never comes back, so stop looking. */
  private volatile boolean legacyGone;

  /**
   * appdb's own migrations alone.
   *
   * @param dataSource where to migrate; needs DDL rights (the migration role)
   * @param vendor which scripts to run
   */
  public Migrator(DataSource dataSource, DatabaseVendor vendor) {
    this(dataSource, vendor, List.of(MigrationSet.APPDB));
  }

  /**
   * @param dataSource where to migrate; needs DDL rights (the migration role)
   * @param vendor which scripts to run
   * @param sets the sets, in the order to apply them, appdb's ({@link MigrationSet#APPDB}, or a
   *     copy of it with more locations) first; never empty
   * @throws IllegalArgumentException when the first set is not appdb's, two sets share a name
   *     or a history table, or a location of one set lies inside a location of another (Flyway
   *     reads locations recursively, so one set would run the other's scripts)
   */
  public Migrator(DataSource dataSource, DatabaseVendor vendor, List<MigrationSet> sets) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.vendor = Objects.requireNonNull(vendor, "vendor");
    this.sets = List.copyOf(sets);
    validate(this.sets, vendor);
    for (MigrationSet set : this.sets) {
      flyways.add(configure(set, set.historyTable()));
    }
    this.legacy = configure(this.sets.get(0), LEGACY_HISTORY_TABLE);
  }

  private Flyway configure(MigrationSet set, String historyTable) {
    var configuration = Flyway.configure(Migrator.class.getClassLoader())
        .dataSource(dataSource)
        .locations(set.locations(vendor).toArray(String[]::new))
        .table(historyTable)
        .failOnMissingLocations(true);
    if (vendor == DatabaseVendor.POSTGRESQL) {
      configuration.schemas(POSTGRESQL_SCHEMA).defaultSchema(POSTGRESQL_SCHEMA)
          .createSchemas(true);
    }
    // A set meets tables it does not own: a service's set meets appdb's, and appdb's may meet a
    // service's own Flyway's (Spring Boot's, say, in the same SQLite file). Flyway refuses a
    // non-empty schema without the set's history, so the history begins with a baseline at
    // version 0 and every script from V1 on is applied.
    configuration.baselineOnMigrate(true).baselineVersion("0")
        .baselineDescription(set == this.sets.get(0) ? "<< appdb starts beside other tables >>"
            : "<< " + set.name() + " starts after appdb >>");
    return configuration.load();
  }

  /**
   * Applies every pending migration of every set, set by set, each migration in its own
   * transaction.
   *
   * @return one report per set, in the order applied
   * @throws FlywayException when a migration fails (that migration is rolled back, the sets
   *     after it are not run) or an applied migration's checksum no longer matches its script
   */
  public List<MigrationReport> migrate() {
    adoptLegacyHistory();
    List<MigrationReport> reports = new ArrayList<>();
    for (int i = 0; i < sets.size(); i++) {
      MigrateResult result = flyways.get(i).migrate();
      reports.add(new MigrationReport(sets.get(i).name(), result.migrationsExecuted,
          currentVersion(flyways.get(i))));
    }
    return List.copyOf(reports);
  }

  /**
   * Reads every set's history, changing nothing (no schema, no history table is created).
   *
   * @return one state per set, in order
   * @throws FlywayException when the history cannot be read (the database is unreachable) or an
   *     applied migration's checksum no longer matches its script
   */
  public List<SchemaState> state() {
    List<SchemaState> states = new ArrayList<>();
    boolean legacyHistory = legacyHistory();
    for (int i = 0; i < sets.size(); i++) {
      var info = (i == 0 && legacyHistory ? legacy : flyways.get(i)).info();
      var current = info.current();
      states.add(new SchemaState(sets.get(i).name(),
          current == null ? null : current.getVersion().getVersion(), info.pending().length));
    }
    return List.copyOf(states);
  }

  /** @return the version appdb's own set is at now, or null before its first migration */
  public String currentVersion() {
    return currentVersion(legacyHistory() ? legacy : flyways.get(0));
  }

  /**
   * Renames appdb's history table from {@value #LEGACY_HISTORY_TABLE} to its own name, with its
   * index (and PostgreSQL's primary key), when the old one holds appdb's scripts and nothing else
   * and the new one does not exist yet; one transaction, which on PostgreSQL first locks the old
   * table, so that concurrent processes rename it once.
   *
   * @throws FlywayException when the old table holds appdb's scripts and others too (say which)
   *     or the rename fails
   */
  private void adoptLegacyHistory() {
    String table = MigrationSet.APPDB.historyTable();
    boolean postgres = vendor == DatabaseVendor.POSTGRESQL;
    String prefix = postgres ? POSTGRESQL_SCHEMA + "." : "";
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        if (!exists(connection, LEGACY_HISTORY_TABLE) || exists(connection, table)) {
          connection.rollback();
          return;
        }
        if (postgres) {
          statement.execute("LOCK TABLE " + prefix + LEGACY_HISTORY_TABLE
              + " IN ACCESS EXCLUSIVE MODE");
          if (exists(connection, table)) { // renamed by another process meanwhile
            connection.rollback();
            return;
          }
        }
        if (!holdsOnlyAppdbScripts(statement, prefix)) {
          connection.rollback();
          return;
        }
        statement.execute("ALTER TABLE " + prefix + LEGACY_HISTORY_TABLE + " RENAME TO "
            + table);
        if (postgres) {
          statement.execute("ALTER INDEX IF EXISTS " + prefix + LEGACY_HISTORY_TABLE
              + "_pk RENAME TO " + table + "_pk");
          statement.execute("ALTER INDEX IF EXISTS " + prefix + LEGACY_HISTORY_TABLE
              + "_s_idx RENAME TO " + table + "_s_idx");
        } else {
          statement.execute("DROP INDEX IF EXISTS " + LEGACY_HISTORY_TABLE + "_s_idx");
          statement.execute("CREATE INDEX IF NOT EXISTS " + table + "_s_idx ON " + table
              + " (success)");
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new FlywayException("cannot rename appdb's history table " + LEGACY_HISTORY_TABLE
          + " to " + table + ": " + e.getMessage(), e);
    }
  }

  /**
   * @return whether the old table's applied scripts are all appdb's (nothing else to rename away)
   * @throws FlywayException when it holds appdb's scripts and others besides
   */
  private boolean holdsOnlyAppdbScripts(Statement statement, String prefix)
      throws SQLException {
    Set<String> appdbScripts = new HashSet<>();
    for (var migration : flyways.get(0).info().all()) {
      appdbScripts.add(migration.getScript());
    }
    Set<String> ours = new TreeSet<>();
    Set<String> others = new TreeSet<>();
    try (ResultSet rows = statement.executeQuery("SELECT script FROM " + prefix
        + LEGACY_HISTORY_TABLE + " WHERE type = 'SQL'")) {
      while (rows.next()) {
        (appdbScripts.contains(rows.getString(1)) ? ours : others).add(rows.getString(1));
      }
    }
    if (!ours.isEmpty() && !others.isEmpty()) {
      throw new FlywayException(prefix + LEGACY_HISTORY_TABLE + " holds appdb's scripts " + ours
          + " and others " + others + "; appdb moves its history to "
          + MigrationSet.APPDB.historyTable() + " and cannot split this one: move the other"
          + " rows to their own history table first");
    }
    return !ours.isEmpty();
  }

  /** @return whether appdb's history is still in the old table (not renamed yet) */
  private boolean legacyHistory() {
    if (legacyGone) {
      return false;
    }
    try (Connection connection = dataSource.getConnection()) {
      if (exists(connection, MigrationSet.APPDB.historyTable())
          || !exists(connection, LEGACY_HISTORY_TABLE)) {
        legacyGone = exists(connection, MigrationSet.APPDB.historyTable());
        return false;
      }
      return legacyHoldsAppdb(connection);
    } catch (SQLException e) {
      throw new FlywayException("cannot read the schema's tables: " + e.getMessage(), e);
    }
  }

  private boolean legacyHoldsAppdb(Connection connection) throws SQLException {
    String prefix = vendor == DatabaseVendor.POSTGRESQL ? POSTGRESQL_SCHEMA + "." : "";
    try (Statement statement = connection.createStatement()) {
      return holdsOnlyAppdbScripts(statement, prefix);
    }
  }

  private boolean exists(Connection connection, String table) throws SQLException {
    String sql = vendor == DatabaseVendor.POSTGRESQL
        ? "SELECT to_regclass(?) IS NOT NULL"
        : "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, vendor == DatabaseVendor.POSTGRESQL
          ? POSTGRESQL_SCHEMA + "." + table : table);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  private static String currentVersion(Flyway flyway) {
    var current = flyway.info().current();
    return current == null ? null : current.getVersion().getVersion();
  }

  private static void validate(List<MigrationSet> sets, DatabaseVendor vendor) {
    if (sets.isEmpty() || !sets.get(0).name().equals(MigrationSet.APPDB.name())
        || !sets.get(0).historyTable().equals(MigrationSet.APPDB.historyTable())) {
      throw new IllegalArgumentException("sets: appdb's own set must come first");
    }
    Set<String> names = new HashSet<>();
    Set<String> tables = new HashSet<>();
    for (MigrationSet set : sets) {
      if (!names.add(set.name())) {
        throw new IllegalArgumentException("sets: two sets are named '" + set.name() + "'");
      }
      if (!tables.add(set.historyTable())) {
        throw new IllegalArgumentException("sets: two sets use history table '"
            + set.historyTable() + "'");
      }
    }
    for (MigrationSet one : sets) {
      for (MigrationSet other : sets) {
        if (one == other) {
          continue;
        }
        for (String inner : one.locations(vendor)) {
          for (String outer : other.locations(vendor)) {
            if (inside(inner, outer)) {
              throw new IllegalArgumentException("sets: location " + inner + " of set '"
                  + one.name() + "' lies inside location " + outer + " of set '" + other.name()
                  + "'; Flyway would run its scripts twice");
            }
          }
        }
      }
    }
  }

  private static boolean inside(String inner, String outer) {
    String a = normalized(inner);
    String b = normalized(outer);
    return a.equals(b) || a.startsWith(b + "/");
  }

  /** Flyway's reading: no prefix is {@code classpath:}; leading and trailing slashes are noise. */
  private static String normalized(String location) {
    String scheme = location.startsWith("filesystem:") ? "filesystem:" : "classpath:";
    String path = location.startsWith(scheme) ? location.substring(scheme.length()) : location;
    return scheme + path.replaceAll("^/+", "").replaceAll("/+$", "");
  }
}
