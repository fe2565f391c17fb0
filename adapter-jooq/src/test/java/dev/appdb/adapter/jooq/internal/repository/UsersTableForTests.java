package dev.appdb.adapter.jooq.internal.repository;

import dev.appdb.adapter.jooq.kit.EntityTable;
import dev.appdb.adapter.jooq.schema.tables.records.UsersRecord;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;

/** The user repository's kit table, for tests of the kit in other packages. */
public final class UsersTableForTests {

  /** {@code JooqUserRepository}'s description of {@code users}. */
  public static final EntityTable<UsersRecord, User, UserId> USERS =
      JooqUserRepository.USERS_TABLE;

  private UsersTableForTests() {}
}
