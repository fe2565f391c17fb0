package dev.appdb.domain.identity;

import dev.appdb.domain.error.IdentityAlreadyLinkedException;
import dev.appdb.domain.error.InfrastructureException;
import dev.appdb.domain.error.NotFoundException;
import dev.appdb.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/**
 * The identity links' store (port). Bound to one unit of work like the users' store. Every method
 * may also throw an {@link InfrastructureException}.
 */
public interface UserIdentityRepository {

  /**
   * @param issuer the issuer, never null
   * @param subject the subject, never null
   * @return the link, or empty when this identity is not linked
   */
  Optional<UserIdentity> find(Issuer issuer, Subject subject);

  /**
   * @param userId the user, never null
   * @return the user's identities ordered by link time then issuer and subject; empty when none
   *     (also when the user does not exist)
   */
  List<UserIdentity> listForUser(UserId userId);

  /**
   * @param identity the link to store, never null
   * @return the stored link, equal to what {@link #find} returns afterwards
   * @throws IdentityAlreadyLinkedException when the (issuer, subject) pair is linked already
   * @throws NotFoundException when the user does not exist; nothing is written
   */
  UserIdentity link(UserIdentity identity);

  /**
   * @param issuer the issuer, never null
   * @param subject the subject, never null
   * @throws NotFoundException when this identity is not linked
   */
  void unlink(Issuer issuer, Subject subject);
}
