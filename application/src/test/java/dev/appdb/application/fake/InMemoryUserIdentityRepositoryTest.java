package dev.appdb.application.fake;

import dev.appdb.application.contract.UserIdentityRepositoryContractTest;
import dev.appdb.application.contract.DatabaseUnderTest;

/** {@link UserIdentityRepositoryContractTest} against the in-memory database. */
class InMemoryUserIdentityRepositoryTest extends UserIdentityRepositoryContractTest {

  @Override
  protected DatabaseUnderTest openDatabase(int poolSize) {
    return new InMemoryDatabase();
  }
}
