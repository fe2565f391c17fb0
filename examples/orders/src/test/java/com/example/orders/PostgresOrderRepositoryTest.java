package com.example.orders;

import dev.appdb.testing.PostgresServer;
import dev.appdb.testing.PostgresTestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The contract on a real PostgreSQL 16 (embedded unless APPDB_TEST_POSTGRES_URL names one). */
class PostgresOrderRepositoryTest extends OrderRepositoryContract {

  @Override
  protected String newDatabaseUrl() {
    PostgresServer server = PostgresTestServer.get();
    String database = PostgresTestServer.createDatabase("orders");
    return "postgresql://" + URLEncoder.encode(server.adminUser(), StandardCharsets.UTF_8) + ":"
        + URLEncoder.encode(server.adminPassword(), StandardCharsets.UTF_8) + "@"
        + server.host() + ":" + server.port() + "/" + database;
  }
}
