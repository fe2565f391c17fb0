package dev.appdb.adapter.jooq.transaction;

import dev.appdb.adapter.jooq.context.TransactionContext;
import dev.appdb.adapter.jooq.identity.JooqUserIdentityRepository;
import dev.appdb.adapter.jooq.user.JooqUserRepository;
import dev.appdb.application.port.UnitOfWork;
import dev.appdb.domain.identity.UserIdentityRepository;
import dev.appdb.domain.user.UserRepository;

/** The repositories of one jOOQ transaction. */
final class JooqUnitOfWork implements UnitOfWork {

  private final UserRepository users;
  private final UserIdentityRepository identities;

  JooqUnitOfWork(TransactionContext context) {
    this.users = new JooqUserRepository(context);
    this.identities = new JooqUserIdentityRepository(context);
  }

  @Override
  public UserRepository users() {
    return users;
  }

  @Override
  public UserIdentityRepository identities() {
    return identities;
  }
}
