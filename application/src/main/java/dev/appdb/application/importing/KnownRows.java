package dev.appdb.application.importing;

import dev.appdb.application.port.UnitOfWork;
import dev.appdb.domain.identity.IdentityKey;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one import unit of work knows of the stored users and links: the rows that a few bulk
 * lookups found for a whole batch, plus the rows the batch decided to write, so that every entry
 * sees the entries before it exactly as if each had been written and looked up one at a time.
 * Not thread-safe; lives inside one unit of work.
 */
final class KnownRows {

  private final Map<IdentityKey, UserId> owners = new HashMap<>();
  private final Map<UserId, User> usersById = new HashMap<>();
  private final Map<String, User> usersByEmail = new HashMap<>();
  private final Map<UserId, List<UserIdentity>> linksByUser = new HashMap<>();

  private KnownRows() {}

  /**
   * Looks up, with a few bulk statements, everything the batch's entries can match: the links of
   * their identities, the users those links and their emails lead to, and (after locking those
   * users, see {@link dev.appdb.domain.user.UserRepository#lockAll}) those users' links.
   *
   * @param tx the unit of work
   * @param keys the identities of every entry of the batch
   * @param emails the verified emails of every entry of the batch
   * @return the rows found
   */
  static KnownRows load(UnitOfWork tx, Collection<IdentityKey> keys, Collection<Email> emails) {
    KnownRows known = new KnownRows();
    tx.identities().findAll(keys).forEach(link -> known.owners.put(link.key(), link.userId()));
    tx.users().findByIds(known.owners.values()).forEach(known::addUser);
    tx.users().findByEmails(emails).forEach(known::addUser);
    // Locked before their links are read: a concurrent import that links one of them commits
    // first and its links are seen here, so the rule against merging two accounts holds.
    tx.users().lockAll(known.usersById.keySet());
    tx.identities().listForUsers(known.usersById.keySet()).forEach(known::addLink);
    return known;
  }

  /** @return the user the identity is linked to, or empty when it is not linked */
  Optional<UserId> owner(IdentityKey key) {
    return Optional.ofNullable(owners.get(key));
  }

  /** @return the user, which a known link or email led to; empty when it is not known */
  Optional<User> user(UserId id) {
    return Optional.ofNullable(usersById.get(id));
  }

  /** @return the user with this email, ignoring case, or empty */
  Optional<User> userWithEmail(Email email) {
    return Optional.ofNullable(usersByEmail.get(email.normalized()));
  }

  /** @return the known links of a known user */
  List<UserIdentity> linksOf(UserId id) {
    return linksByUser.getOrDefault(id, List.of());
  }

  /** Records a user found or about to be created. */
  void addUser(User user) {
    usersById.put(user.id(), user);
    if (user.email() != null) {
      usersByEmail.put(user.email().normalized(), user);
    }
  }

  /** Records a link found or about to be made. */
  void addLink(UserIdentity link) {
    owners.put(link.key(), link.userId());
    linksByUser.computeIfAbsent(link.userId(), id -> new ArrayList<>()).add(link);
  }
}
