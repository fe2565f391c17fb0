package dev.appdb.application.fake;

import static dev.appdb.application.fake.InMemoryTransactions.USERS;
import static dev.appdb.application.fake.InMemoryTransactions.USER_IDENTITIES;

import dev.appdb.domain.entity.Cursor;
import dev.appdb.domain.entity.Page;
import dev.appdb.domain.error.ConcurrentUpdateException;
import dev.appdb.domain.error.DuplicateEmailException;
import dev.appdb.domain.error.DuplicateKeyException;
import dev.appdb.domain.error.NotFoundException;
import dev.appdb.domain.error.ValidationException;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import dev.appdb.domain.user.UserRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The users' store of one in-memory unit of work, with the adapters' rules: email unique ignoring
 * case ({@link Email#normalized()}), optimistic versions, deletes cascading to the links, keyset
 * pages in ({@code createdAt}, {@code id}) order with ids compared as unsigned bytes (PostgreSQL's
 * {@code uuid} order, SQLite's canonical text order).
 */
final class InMemoryUserRepository implements UserRepository {

  /** The constraint the adapters name for a taken primary key. */
  static final String PRIMARY_KEY = "users_pkey";

  /** The listing order: creation time, then id as 16 unsigned bytes. */
  static final Comparator<User> LISTING = Comparator.comparing(User::createdAt)
      .thenComparing(user -> user.id().value(), InMemoryUserRepository::compareUnsigned);

  private final InMemoryUnit unit;

  InMemoryUserRepository(InMemoryUnit unit) {
    this.unit = unit;
  }

  @Override
  public Optional<User> findById(UserId id) {
    return unit.call("users.findById", new Object[] {id}, () -> {
      Objects.requireNonNull(id, "id");
      unit.touch(USERS);
      return unit.read().user(id);
    });
  }

  @Override
  public Optional<User> findByEmail(Email email) {
    return unit.call("users.findByEmail", new Object[] {email}, () -> {
      Objects.requireNonNull(email, "email");
      unit.touch(USERS);
      return unit.read().userWithEmail(email.normalized());
    });
  }

  @Override
  public List<User> findByIds(Collection<UserId> ids) {
    return unit.call("users.findByIds", new Object[] {ids}, () -> {
      Set<UserId> distinct = distinct("ids", ids);
      if (distinct.isEmpty()) {
        return List.of();
      }
      unit.touch(USERS);
      Tables rows = unit.read();
      return distinct.stream().map(rows::user).flatMap(Optional::stream).toList();
    });
  }

  @Override
  public List<User> findByEmails(Collection<Email> emails) {
    return unit.call("users.findByEmails", new Object[] {emails}, () -> {
      Set<Email> given = distinct("emails", emails);
      if (given.isEmpty()) {
        return List.of();
      }
      unit.touch(USERS);
      Tables rows = unit.read();
      Set<String> normalized = new LinkedHashSet<>();
      given.forEach(email -> normalized.add(email.normalized()));
      return normalized.stream().map(rows::userWithEmail).flatMap(Optional::stream).toList();
    });
  }

  /**
   * Checks only: read-write units of the in-memory database take turns for their whole length
   * (as on SQLite), so a unit that locks already excludes every other locker until it ends.
   */
  @Override
  public void lockAll(Collection<UserId> ids) {
    unit.run("users.lockAll", new Object[] {ids}, () -> {
      unit.requireWritable();
      distinct("ids", ids);
    });
  }

  @Override
  public User create(User user) {
    return unit.call("users.create", new Object[] {user}, () -> {
      Objects.requireNonNull(user, "user");
      unit.requireWritable();
      unit.touch(USERS);
      Tables rows = unit.read();
      if (rows.user(user.id()).isPresent()) {
        throw new DuplicateKeyException(PRIMARY_KEY);
      }
      if (user.email() != null && rows.userWithEmail(user.email().normalized()).isPresent()) {
        throw new DuplicateEmailException(user.email().value());
      }
      unit.write().putUser(user);
      return user;
    });
  }

  @Override
  public void createAll(List<User> users) {
    unit.run("users.createAll", new Object[] {users}, () -> {
      Objects.requireNonNull(users, "users");
      users.forEach(user -> Objects.requireNonNull(user, "users must not hold null"));
      unit.requireWritable();
      if (users.isEmpty()) {
        return;
      }
      unit.touch(USERS);
      Tables rows = unit.read();
      Set<UserId> ids = new HashSet<>();
      Set<String> emails = new HashSet<>();
      for (User user : users) { // the first user at fault, in list order, is named
        if (rows.user(user.id()).isPresent() || !ids.add(user.id())) {
          throw new DuplicateKeyException(PRIMARY_KEY);
        }
        if (user.email() != null) {
          String email = user.email().normalized();
          if (rows.userWithEmail(email).isPresent() || !emails.add(email)) {
            throw new DuplicateEmailException(user.email().value());
          }
        }
      }
      Tables written = unit.write();
      users.forEach(written::putUser);
    });
  }

  @Override
  public User update(User user) {
    return unit.call("users.update", new Object[] {user}, () -> {
      Objects.requireNonNull(user, "user");
      unit.requireWritable();
      unit.touch(USERS);
      Tables rows = unit.read();
      // as "update ... where id = ? and version = ?": a stale version writes nothing, so it is
      // reported before a unique key the new values would break
      User stored = rows.user(user.id())
          .orElseThrow(() -> new NotFoundException("user", user.id().value()));
      if (stored.version() != user.version()) {
        throw new ConcurrentUpdateException("user", user.id().value(), user.version());
      }
      if (user.email() != null && rows.userWithEmail(user.email().normalized())
          .filter(other -> !other.id().equals(user.id())).isPresent()) {
        throw new DuplicateEmailException(user.email().value());
      }
      Instant createdAt = stored.createdAt(); // the update never writes created_at
      User updated = new User(user.id(), user.firstName(), user.lastName(), user.email(),
          createdAt, user.updatedAt(), user.version() + 1);
      unit.write().putUser(updated);
      return updated;
    });
  }

  @Override
  public void delete(UserId id) {
    unit.run("users.delete", new Object[] {id}, () -> {
      Objects.requireNonNull(id, "id");
      unit.requireWritable();
      unit.touch(USERS, USER_IDENTITIES);
      if (unit.read().user(id).isEmpty()) {
        throw new NotFoundException("user", id.value());
      }
      unit.write().removeUser(id);
    });
  }

  @Override
  public Page<User> list(Cursor after, int limit) {
    return unit.call("users.list", new Object[] {after, limit}, () -> {
      if (limit < 1 || limit > MAX_PAGE_SIZE) {
        throw new ValidationException(
            "limit", "must be between 1 and " + MAX_PAGE_SIZE + ", was " + limit);
      }
      unit.touch(USERS);
      List<User> page = unit.read().users().stream()
          .filter(user -> after == null || isAfter(user, after))
          .sorted(LISTING)
          .limit(limit + 1L)
          .toList();
      if (page.size() <= limit) {
        return new Page<>(page, null);
      }
      List<User> shown = page.subList(0, limit);
      return new Page<>(shown, Cursor.after(shown.get(limit - 1)));
    });
  }

  @Override
  public long count() {
    return unit.call("users.count", new Object[0], () -> {
      unit.touch(USERS);
      return (long) unit.read().userCount();
    });
  }

  /** @return whether {@code user} comes strictly after the cursor in listing order */
  private static boolean isAfter(User user, Cursor cursor) {
    int byTime = user.createdAt().compareTo(cursor.createdAt());
    return byTime > 0 || byTime == 0 && compareUnsigned(user.id().value(), cursor.id()) > 0;
  }

  /** {@code UUID.compareTo} compares signed halves; the databases compare unsigned bytes. */
  static int compareUnsigned(UUID a, UUID b) {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0 ? high
        : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }

  /**
   * @return the keys without duplicates, in first-seen order
   * @throws NullPointerException naming {@code name} when {@code keys} is or holds null
   */
  static <K> Set<K> distinct(String name, Collection<K> keys) {
    Set<K> distinct = new LinkedHashSet<>();
    for (K key : Objects.requireNonNull(keys, name)) {
      distinct.add(Objects.requireNonNull(key, () -> name + " must not hold null"));
    }
    return distinct;
  }
}
