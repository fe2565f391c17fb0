package dev.appdb.bootstrap.testdata;

import dev.appdb.testing.PostgresTestServer;

/** {@code DATABASE_URL}s for fresh databases on the test run's PostgreSQL server. */
public final class PostgresUrls {

  private PostgresUrls() {}

  /**
   * @param prefix a readable prefix of the database name
   * @return a libpq-style URL, credentials included, of a new empty database
   */
  public static String freshDatabase(String prefix) {
    return PostgresTestServer.get().databaseUrl(PostgresTestServer.createDatabase(prefix));
  }
}
