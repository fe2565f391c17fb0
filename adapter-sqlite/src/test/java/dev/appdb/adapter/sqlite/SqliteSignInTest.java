package dev.appdb.adapter.sqlite;

import dev.appdb.application.contract.DatabaseUnderTest;
import dev.appdb.application.contract.SignInContractTest;

class SqliteSignInTest extends SignInContractTest {

  @Override
  protected DatabaseUnderTest openDatabase(int poolSize) {
    return SqliteTestDatabase.open(poolSize);
  }
}
