package dev.appdb.adapter.sqlite;

import dev.appdb.adapter.jooq.testing.MigrationSetsContractTest;
import dev.appdb.migrations.DatabaseVendor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import javax.sql.DataSource;

class SqliteMigrationSetsTest extends MigrationSetsContractTest {

  @Override
  protected DataSource emptyDatabase() {
    try {
      return SqliteDatabase.migrationDataSource(
          Files.createTempDirectory("appdb-sets-").resolve("sets.db"), Duration.ofSeconds(5));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected DatabaseVendor vendor() {
    return DatabaseVendor.SQLITE;
  }

  @Override
  protected String qualified(String table) {
    return table;
  }
}
