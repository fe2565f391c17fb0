package dev.appdb.application.fake;

import static dev.appdb.application.fake.InMemoryTransactions.USERS;
import static dev.appdb.application.fake.InMemoryTransactions.USER_IDENTITIES;
import static dev.appdb.application.fake.InMemoryUserRepository.distinct;

import dev.appdb.domain.error.IdentityAlreadyLinkedException;
import dev.appdb.domain.error.NotFoundException;
import dev.appdb.domain.identity.IdentityKey;
import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.identity.UserIdentityRepository;
import dev.appdb.domain.user.UserId;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The identity links' store of one in-memory unit of work, with the adapters' rules: the
 * (issuer, subject) pair is the primary key, compared exactly; a link needs an existing user
 * (the foreign key); a user's links are listed by link time, then issuer and subject.
 */
final class InMemoryUserIdentityRepository implements UserIdentityRepository {

  private static final Comparator<UserIdentity> BY_LINK_TIME =
      Comparator.comparing(UserIdentity::linkedAt)
          .thenComparing(link -> link.issuer().value())
          .thenComparing(link -> link.subject().value());

  private final InMemoryUnit unit;

  InMemoryUserIdentityRepository(InMemoryUnit unit) {
    this.unit = unit;
  }

  @Override
  public Optional<UserIdentity> find(Issuer issuer, Subject subject) {
    return unit.call("identities.find", new Object[] {issuer, subject}, () -> {
      IdentityKey key = key(issuer, subject);
      unit.touch(USER_IDENTITIES);
      return unit.read().identity(key);
    });
  }

  @Override
  public List<UserIdentity> findAll(Collection<IdentityKey> keys) {
    return unit.call("identities.findAll", new Object[] {keys}, () -> {
      Set<IdentityKey> distinct = distinct("keys", keys);
      if (distinct.isEmpty()) {
        return List.of();
      }
      unit.touch(USER_IDENTITIES);
      Tables rows = unit.read();
      return distinct.stream().map(rows::identity).flatMap(Optional::stream).toList();
    });
  }

  @Override
  public List<UserIdentity> listForUser(UserId userId) {
    return unit.call("identities.listForUser", new Object[] {userId}, () -> {
      Objects.requireNonNull(userId, "userId");
      unit.touch(USER_IDENTITIES);
      return unit.read().identities().stream()
          .filter(link -> link.userId().equals(userId))
          .sorted(BY_LINK_TIME)
          .toList();
    });
  }

  @Override
  public List<UserIdentity> listForUsers(Collection<UserId> userIds) {
    return unit.call("identities.listForUsers", new Object[] {userIds}, () -> {
      Set<UserId> distinct = distinct("userIds", userIds);
      if (distinct.isEmpty()) {
        return List.of();
      }
      unit.touch(USER_IDENTITIES);
      return unit.read().identities().stream()
          .filter(link -> distinct.contains(link.userId()))
          .toList();
    });
  }

  @Override
  public UserIdentity link(UserIdentity identity) {
    return unit.call("identities.link", new Object[] {identity}, () -> {
      Objects.requireNonNull(identity, "identity");
      unit.requireWritable();
      unit.touch(USER_IDENTITIES, USERS);
      Tables rows = unit.read();
      check(rows, identity, Set.of());
      unit.write().putIdentity(identity);
      return identity;
    });
  }

  @Override
  public void linkAll(List<UserIdentity> identities) {
    unit.run("identities.linkAll", new Object[] {identities}, () -> {
      Objects.requireNonNull(identities, "identities");
      identities.forEach(link -> Objects.requireNonNull(link, "identities must not hold null"));
      unit.requireWritable();
      if (identities.isEmpty()) {
        return;
      }
      unit.touch(USER_IDENTITIES, USERS);
      Tables rows = unit.read();
      Set<IdentityKey> earlier = new HashSet<>();
      for (UserIdentity identity : identities) { // the first link at fault, in list order
        check(rows, identity, earlier);
        earlier.add(identity.key());
      }
      Tables written = unit.write();
      identities.forEach(written::putIdentity);
    });
  }

  /**
   * The keys of one new link, the primary key first (a database checks it on insert, the
   * foreign key after).
   *
   * @param earlier the pairs linked by earlier links of the same call
   */
  private static void check(Tables rows, UserIdentity identity, Set<IdentityKey> earlier) {
    if (rows.identity(identity.key()).isPresent() || earlier.contains(identity.key())) {
      throw new IdentityAlreadyLinkedException(
          identity.issuer().value(), identity.subject().value());
    }
    if (rows.user(identity.userId()).isEmpty()) {
      throw new NotFoundException("user", identity.userId());
    }
  }

  @Override
  public void unlink(Issuer issuer, Subject subject) {
    unit.run("identities.unlink", new Object[] {issuer, subject}, () -> {
      IdentityKey key = key(issuer, subject);
      unit.requireWritable();
      unit.touch(USER_IDENTITIES);
      if (unit.read().identity(key).isEmpty()) {
        throw new NotFoundException("identity", "(" + issuer + ", " + subject + ")");
      }
      unit.write().removeIdentity(key);
    });
  }

  private static IdentityKey key(Issuer issuer, Subject subject) {
    return new IdentityKey(Objects.requireNonNull(issuer, "issuer"),
        Objects.requireNonNull(subject, "subject"));
  }
}
