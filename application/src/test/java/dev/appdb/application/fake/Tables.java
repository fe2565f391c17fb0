package dev.appdb.application.fake;

import dev.appdb.domain.identity.IdentityKey;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of the in-memory database: the users, their unique normalized emails and the identity
 * links. A committed {@code Tables} is frozen and shared by every unit that began after its
 * commit; a read-write unit writes to its own {@link #copy()} (copy-on-write), which becomes the
 * committed one when the unit commits and is dropped when it rolls back.
 */
final class Tables {

  private final Map<UserId, User> users;
  /** {@code Email.normalized()} to the user that has it: the unique email key. */
  private final Map<String, UserId> emails;
  /** The primary key (issuer, subject) to the link. */
  private final Map<IdentityKey, UserIdentity> identities;
  private boolean frozen;

  private Tables(Map<UserId, User> users, Map<String, UserId> emails,
      Map<IdentityKey, UserIdentity> identities) {
    this.users = users;
    this.emails = emails;
    this.identities = identities;
  }

  /** @return empty tables, frozen */
  static Tables empty() {
    return new Tables(new HashMap<>(), new HashMap<>(), new HashMap<>()).freeze();
  }

  /** @return a writable copy of these rows */
  Tables copy() {
    return new Tables(new HashMap<>(users), new HashMap<>(emails), new HashMap<>(identities));
  }

  /** @return these tables, never to be written again (they are about to be shared) */
  Tables freeze() {
    frozen = true;
    return this;
  }

  Optional<User> user(UserId id) {
    return Optional.ofNullable(users.get(id));
  }

  /** @param normalized an {@code Email.normalized()} */
  Optional<User> userWithEmail(String normalized) {
    UserId id = emails.get(normalized);
    return id == null ? Optional.empty() : Optional.of(users.get(id));
  }

  Collection<User> users() {
    return Collections.unmodifiableCollection(users.values());
  }

  int userCount() {
    return users.size();
  }

  Optional<UserIdentity> identity(IdentityKey key) {
    return Optional.ofNullable(identities.get(key));
  }

  Collection<UserIdentity> identities() {
    return Collections.unmodifiableCollection(identities.values());
  }

  /** Inserts or replaces a user, keeping the email key in step. The caller checked the keys. */
  void putUser(User user) {
    requireWritable();
    User previous = users.put(user.id(), user);
    if (previous != null && previous.email() != null) {
      emails.remove(previous.email().normalized());
    }
    if (user.email() != null) {
      emails.put(user.email().normalized(), user.id());
    }
  }

  /** Deletes a user and, as the foreign key's {@code ON DELETE CASCADE}, its links. */
  void removeUser(UserId id) {
    requireWritable();
    User removed = users.remove(id);
    if (removed != null && removed.email() != null) {
      emails.remove(removed.email().normalized());
    }
    identities.values().removeIf(link -> link.userId().equals(id));
  }

  /** Inserts a link. The caller checked the keys. */
  void putIdentity(UserIdentity identity) {
    requireWritable();
    identities.put(identity.key(), identity);
  }

  void removeIdentity(IdentityKey key) {
    requireWritable();
    identities.remove(key);
  }

  private void requireWritable() {
    if (frozen) {
      throw new IllegalStateException("in-memory database bug: a committed snapshot was written;"
          + " units must write to their own copy");
    }
  }
}
