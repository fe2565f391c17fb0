package dev.appdb.domain.identity;

import dev.appdb.domain.error.IdentityAlreadyLinkedException;
import dev.appdb.domain.error.InfrastructureException;
import dev.appdb.domain.error.NotFoundException;
import dev.appdb.domain.user.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The identity links' store (port). Bound to one unit of work like the users' store. Every method
 * may also throw an {@link InfrastructureException}.
 */
public interface UserIdentityRepository {

  /**
   * @param issuer the issuer
   * @param subject the subject
   * @return the link, or empty when this identity is not linked
   */
  Optional<UserIdentity> find(Issuer issuer, Subject subject);

  /**
   * The links of many identities at once, in a few statements rather than one per key.
   *
   * @param keys the identities to look up, any number, none null; duplicates are ignored
   * @return the links found, in no particular order; keys not linked have no entry
   * @throws NullPointerException when {@code keys} is or holds null
   */
  List<UserIdentity> findAll(Collection<IdentityKey> keys);

  /**
   * @param userId the user
   * @return the user's identities ordered by link time then issuer and subject; empty when none
   *     (also when the user does not exist)
   */
  List<UserIdentity> listForUser(UserId userId);

  /**
   * The identities of many users at once, in a few statements rather than one per user.
   *
   * @param userIds the users, any number, none null; duplicates are ignored
   * @return their identities, in no particular order; users without any (or that do not exist)
   *     contribute none
   * @throws NullPointerException when {@code userIds} is or holds null
   */
  List<UserIdentity> listForUsers(Collection<UserId> userIds);

  /**
   * @param identity the link to store
   * @return the stored link, equal to what {@link #find} returns afterwards
   * @throws IdentityAlreadyLinkedException when the (issuer, subject) pair is linked already
   * @throws NotFoundException when the user does not exist; nothing is written
   */
  UserIdentity link(UserIdentity identity);

  /**
   * Stores many links as {@link #link} would one after the other, in as few round trips as the
   * database allows (a JDBC batch).
   *
   * @param identities the links to store, in order, none null; empty does nothing
   * @throws IdentityAlreadyLinkedException naming the first link, in list order, whose pair is
   *     linked already (by a stored link or an earlier one of the list)
   * @throws NotFoundException naming the first link's user that does not exist
   * @throws NullPointerException when {@code identities} is or holds null; nothing is written
   */
  void linkAll(List<UserIdentity> identities);

  /**
   * @param issuer the issuer
   * @param subject the subject
   * @throws NotFoundException when this identity is not linked
   */
  void unlink(Issuer issuer, Subject subject);
}
