package dev.appdb.application.port;

import dev.appdb.domain.identity.UserIdentityRepository;
import dev.appdb.domain.user.UserRepository;

/**
 * The repositories of one open transaction. Every repository handed out here reads and writes
 * inside that transaction; none of them may be used after the transaction ended (the adapter
 * then fails the call). Nothing is kept in thread-locals.
 */
public interface UnitOfWork {

  /** @return the users' store bound to this transaction, never null */
  UserRepository users();

  /** @return the identity links' store bound to this transaction, never null */
  UserIdentityRepository identities();
}
