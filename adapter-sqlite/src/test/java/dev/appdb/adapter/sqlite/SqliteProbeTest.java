package dev.appdb.adapter.sqlite;

import dev.appdb.application.contract.DatabaseUnderTest;
import dev.appdb.application.contract.ProbeContractTest;

class SqliteProbeTest extends ProbeContractTest {

  @Override
  protected DatabaseUnderTest openDatabase(int poolSize) {
    return SqliteTestDatabase.open(poolSize);
  }
}
