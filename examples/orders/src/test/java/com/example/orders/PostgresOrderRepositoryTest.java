package com.example.orders;

import dev.appdb.testing.PostgresTestServer;

/** The contract on a real PostgreSQL 16 (embedded unless APPDB_TEST_POSTGRES_URL names one). */
class PostgresOrderRepositoryTest extends OrderRepositoryContract {

  @Override
  protected String newDatabaseUrl() {
    return PostgresTestServer.get().databaseUrl(PostgresTestServer.createDatabase("orders"));
  }
}
