package dev.appdb.bootstrap.testdata;

import dev.appdb.testing.PostgresServer;
import dev.appdb.testing.PostgresTestServer;

/** {@code DATABASE_URL}s for fresh databases on the test run's PostgreSQL server. */
public final class PostgresUrls {

  private PostgresUrls() {}

  /**
   * @param prefix a readable prefix of the database name
   * @return a libpq-style URL, credentials included, of a new empty database
   */
  public static String freshDatabase(String prefix) {
    PostgresServer server = PostgresTestServer.get();
    String name = PostgresTestServer.createDatabase(prefix);
    return "postgresql://" + server.adminUser() + ":" + server.adminPassword() + "@"
        + server.host() + ":" + server.port() + "/" + name;
  }
}
