package dev.appdb.application.fake;

import dev.appdb.application.contract.SignInContractTest;
import dev.appdb.application.contract.DatabaseUnderTest;

/** {@link SignInContractTest} against the in-memory database. */
class InMemorySignInTest extends SignInContractTest {

  @Override
  protected DatabaseUnderTest openDatabase(int poolSize) {
    return new InMemoryDatabase();
  }
}
