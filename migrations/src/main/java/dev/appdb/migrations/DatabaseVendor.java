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

  /** @return the Flyway location of this vendor's scripts, e.g. {@code classpath:db/migration/sqlite} */
  public String location() {
    return "classpath:db/migration/" + folder;
  }
}
