package dev.appdb.adapter.jooq.internal.postgres;

import dev.appdb.adapter.jooq.testing.MigrationSetsContractTest;
import dev.appdb.migrations.DatabaseVendor;
import dev.appdb.testing.PostgresServer;
import dev.appdb.testing.PostgresTestServer;
import javax.sql.DataSource;

class PostgresMigrationSetsTest extends MigrationSetsContractTest {

  @Override
  protected DataSource emptyDatabase() {
    PostgresServer server = PostgresTestServer.get();
    String name = PostgresTestServer.createDatabase("migration_sets");
    return PostgresDatabase.migrationDataSource(server.jdbcUrl(name), server.adminProperties());
  }

  @Override
  protected DatabaseVendor vendor() {
    return DatabaseVendor.POSTGRESQL;
  }

  @Override
  protected String qualified(String table) {
    return "app." + table;
  }
}
