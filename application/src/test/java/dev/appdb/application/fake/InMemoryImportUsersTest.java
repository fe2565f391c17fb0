package dev.appdb.application.fake;

import dev.appdb.application.contract.ImportUsersContractTest;
import dev.appdb.application.contract.DatabaseUnderTest;

/** {@link ImportUsersContractTest} against the in-memory database. */
class InMemoryImportUsersTest extends ImportUsersContractTest {

  @Override
  protected DatabaseUnderTest openDatabase(int poolSize) {
    return new InMemoryDatabase();
  }
}
