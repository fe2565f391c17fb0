package dev.appdb.migrations;

/** The databases appdb migrates, each with its own folder of Flyway scripts. */
public enum DatabaseVendor {
  /** PostgreSQL 16; every table in schema {@code app}, Flyway's history table too. */
  POSTGRESQL("postgresql"),
  /** SQLite 3.37+; no schemas. */
  SQLITE("sqlite");

  private final String folder;

  DatabaseVendor(String folder) {
    this.folder = folder;
  }

  /**
   * @return the Flyway location of appdb's own scripts for this vendor, e.g.
   *     {@code classpath:dev/appdb/migrations/sqlite}: inside appdb's package, so that no other
   *     Flyway (Spring Boot's reads {@code classpath:db/migration} by default) finds them
   */
  public String location() {
    return "classpath:dev/appdb/migrations/" + folder;
  }
}
