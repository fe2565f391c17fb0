package dev.appdb.migrations;

import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies appdb's Flyway migrations for one vendor. On PostgreSQL the tables and Flyway's
 * history table live in schema {@value #POSTGRESQL_SCHEMA}, created when missing. Applied
 * scripts are validated against their checksums first, so an edited migration fails loudly.
 */
public final class Migrator {

  /** The PostgreSQL schema that holds every appdb table. */
  public static final String POSTGRESQL_SCHEMA = "app";

  private final Flyway flyway;

  /**
   * @param dataSource where to migrate, never null; needs DDL rights (the migration role)
   * @param vendor which scripts to run, never null
   */
  public Migrator(DataSource dataSource, DatabaseVendor vendor) {
    Objects.requireNonNull(dataSource, "dataSource");
    var configuration = Flyway.configure(Migrator.class.getClassLoader())
        .dataSource(dataSource)
        .locations(vendor.location())
        .failOnMissingLocations(true);
    if (vendor == DatabaseVendor.POSTGRESQL) {
      configuration.schemas(POSTGRESQL_SCHEMA).defaultSchema(POSTGRESQL_SCHEMA).createSchemas(true);
    }
    this.flyway = configuration.load();
  }

  /**
   * Applies every pending migration, each in its own transaction.
   *
   * @return how many were applied and the resulting version
   * @throws FlywayException when a migration fails (that migration is rolled back) or an applied
   *     migration's checksum no longer matches its script
   */
  public MigrationReport migrate() {
    MigrateResult result = flyway.migrate();
    return new MigrationReport(result.migrationsExecuted, currentVersion());
  }

  /** @return the version the database is at now, or null before the first migration */
  public String currentVersion() {
    var current = flyway.info().current();
    return current == null ? null : current.getVersion().getVersion();
  }
}
