package dev.appdb.migrations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
 * <p>A service's set starts on a schema that already holds appdb's tables; Flyway would refuse
 * that ("non-empty schema without a history table"), so such a set's history begins with a
 * baseline at version 0 and every one of its scripts from {@code V1} on is applied.
 */
public final class Migrator {

  /** The PostgreSQL schema that holds every appdb table. */
  public static final String POSTGRESQL_SCHEMA = "app";

  private final List<MigrationSet> sets;
  private final List<Flyway> flyways = new ArrayList<>();

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
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(vendor, "vendor");
    this.sets = List.copyOf(sets);
    validate(this.sets, vendor);
    for (MigrationSet set : this.sets) {
      var configuration = Flyway.configure(Migrator.class.getClassLoader())
          .dataSource(dataSource)
          .locations(set.locations(vendor).toArray(String[]::new))
          .table(set.historyTable())
          .failOnMissingLocations(true);
      if (vendor == DatabaseVendor.POSTGRESQL) {
        configuration.schemas(POSTGRESQL_SCHEMA).defaultSchema(POSTGRESQL_SCHEMA)
            .createSchemas(true);
      }
      if (set != this.sets.get(0)) {
        configuration.baselineOnMigrate(true).baselineVersion("0")
            .baselineDescription("<< " + set.name() + " starts after appdb >>");
      }
      flyways.add(configuration.load());
    }
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
    for (int i = 0; i < sets.size(); i++) {
      var info = flyways.get(i).info();
      var current = info.current();
      states.add(new SchemaState(sets.get(i).name(),
          current == null ? null : current.getVersion().getVersion(), info.pending().length));
    }
    return List.copyOf(states);
  }

  /** @return the version appdb's own set is at now, or null before its first migration */
  public String currentVersion() {
    return currentVersion(flyways.get(0));
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
