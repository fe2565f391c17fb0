package dev.appdb.adapter.jooq.user;

import static dev.appdb.adapter.jooq.schema.Tables.USERS;

import dev.appdb.adapter.jooq.transaction.TransactionContext;
import dev.appdb.adapter.jooq.schema.Keys;
import dev.appdb.adapter.jooq.lookup.KeyChunks;
import dev.appdb.adapter.jooq.mapping.RecordMapper;
import dev.appdb.adapter.jooq.schema.tables.records.UsersRecord;
import dev.appdb.domain.error.ConcurrentUpdateException;
import dev.appdb.domain.error.DuplicateEmailException;
import dev.appdb.domain.error.DuplicateKeyException;
import dev.appdb.domain.error.NotFoundException;
import dev.appdb.domain.error.ValidationException;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserCursor;
import dev.appdb.domain.user.UserId;
import dev.appdb.domain.user.UserPage;
import dev.appdb.domain.user.UserRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The users' store on jOOQ; one instance per unit of work. */
public final class JooqUserRepository implements UserRepository {

  private static final RecordMapper MAPPER = RecordMapper.INSTANCE;

  /** PostgreSQL compares {@code uuid}s as 16 unsigned bytes; {@code UUID.compareTo} is signed. */
  private static final Comparator<UUID> POSTGRES_UUID_ORDER =
      Comparator.comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
          .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

  private final TransactionContext tx;

  /** @param tx the unit of work this repository is bound to, never null */
  public JooqUserRepository(TransactionContext tx) {
    this.tx = Objects.requireNonNull(tx, "tx");
  }

  @Override
  public Optional<User> findById(UserId id) {
    return tx.keySelects().userById().fetchOptional(tx.dsl(), id.value()).map(MAPPER::toUser);
  }

  @Override
  public Optional<User> findByEmail(Email email) {
    return tx.keySelects().userByEmail().fetchOptional(tx.dsl(), email.normalized())
        .map(MAPPER::toUser);
  }

  @Override
  public List<User> findByIds(Collection<UserId> ids) {
    DSLContext dsl = tx.dsl();
    List<User> found = new ArrayList<>();
    for (List<UUID> chunk : KeyChunks.of("ids", ids, UserId::value)) {
      found.addAll(dsl.selectFrom(USERS).where(USERS.ID.in(chunk)).fetch(MAPPER::toUser));
    }
    return found;
  }

  @Override
  public List<User> findByEmails(Collection<Email> emails) {
    DSLContext dsl = tx.dsl();
    List<User> found = new ArrayList<>();
    for (List<String> chunk : KeyChunks.of("emails", emails, Email::normalized)) {
      found.addAll(dsl.selectFrom(USERS).where(USERS.EMAIL_NORMALIZED.in(chunk))
          .fetch(MAPPER::toUser));
    }
    return found;
  }

  /**
   * {@inheritDoc}
   *
   * <p>All ids are locked in one order, PostgreSQL's order of {@code uuid} (unsigned bytes),
   * across and within statements of {@value KeyChunks#SIZE} ids, so units locking overlapping
   * sets queue up instead of deadlocking.
   */
  @Override
  public void lockAll(Collection<UserId> ids) {
    DSLContext writer = tx.dslForWrite();
    List<List<UUID>> distinct = KeyChunks.of("ids", ids, UserId::value);
    if (tx.dialect().writersExcludeEachOther()) {
      return;
    }
    List<UUID> inLockOrder =
        distinct.stream().flatMap(List::stream).sorted(POSTGRES_UUID_ORDER).toList();
    for (List<UUID> chunk : KeyChunks.of("ids", inLockOrder, id -> id)) {
      writer.select(USERS.ID).from(USERS).where(USERS.ID.in(chunk)).orderBy(USERS.ID)
          .forNoKeyUpdate().fetch();
    }
  }

  @Override
  public User create(User user) {
    UsersRecord row = toRecord(user, user.version());
    row.setId(user.id().value());
    row.setCreatedAt(user.createdAt());
    try {
      tx.dslForWrite().insertInto(USERS).set(row).execute();
    } catch (DuplicateKeyException e) {
      throw translateWrite(e, user);
    }
    return user;
  }

  @Override
  public void createAll(List<User> users) {
    tx.writeBatch("users", users, DSL.insertInto(USERS, USERS.ID, USERS.FIRST_NAME,
            USERS.LAST_NAME, USERS.EMAIL, USERS.EMAIL_NORMALIZED, USERS.CREATED_AT,
            USERS.UPDATED_AT, USERS.VERSION).values(Collections.nCopies(8, null)),
        user -> new Object[] {user.id().value(), user.firstName(), user.lastName(),
            user.email() == null ? null : user.email().value(),
            user.email() == null ? null : user.email().normalized(),
            user.createdAt(), user.updatedAt(), user.version()},
        this::create);
  }

  @Override
  public User update(User user) {
    long next = user.version() + 1;
    int updated;
    try {
      updated = tx.dslForWrite().update(USERS)
          .set(toRecord(user, next))
          .where(USERS.ID.eq(user.id().value()))
          .and(USERS.VERSION.eq(user.version()))
          .execute();
    } catch (DuplicateKeyException e) {
      throw translateWrite(e, user);
    }
    if (updated == 0) {
      if (findById(user.id()).isEmpty()) {
        throw new NotFoundException("user", user.id());
      }
      throw new ConcurrentUpdateException("user", user.id(), user.version());
    }
    return new User(user.id(), user.firstName(), user.lastName(), user.email(), user.createdAt(),
        user.updatedAt(), next);
  }

  @Override
  public void delete(UserId id) {
    if (tx.dslForWrite().deleteFrom(USERS).where(USERS.ID.eq(id.value())).execute() == 0) {
      throw new NotFoundException("user", id);
    }
  }

  @Override
  public UserPage list(UserCursor after, int limit) {
    if (limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new ValidationException(
          "limit", "must be between 1 and " + MAX_PAGE_SIZE + ", was " + limit);
    }
    var ordered = tx.dsl().selectFrom(USERS).orderBy(USERS.CREATED_AT, USERS.ID);
    var page = after == null ? ordered.limit(limit + 1)
        : ordered.seek(after.createdAt(), after.id().value()).limit(limit + 1);
    List<User> users = page.fetch(MAPPER::toUser);
    if (users.size() <= limit) {
      return new UserPage(users, null);
    }
    List<User> shown = users.subList(0, limit);
    return new UserPage(shown, UserCursor.after(shown.get(limit - 1)));
  }

  @Override
  public long count() {
    return tx.dsl().fetchCount(USERS);
  }

  /** The columns a create and an update both write. */
  private static UsersRecord toRecord(User user, long version) {
    UsersRecord row = new UsersRecord();
    row.setFirstName(user.firstName());
    row.setLastName(user.lastName());
    row.setEmail(user.email() == null ? null : user.email().value());
    row.setEmailNormalized(user.email() == null ? null : user.email().normalized());
    row.setUpdatedAt(user.updatedAt());
    row.setVersion(version);
    return row;
  }

  /** The unique email arrives as the generic duplicate the unit recorded; name it. */
  private RuntimeException translateWrite(DuplicateKeyException e, User user) {
    if (user.email() != null && e.constraint().equals(Keys.USERS_EMAIL_NORMALIZED_KEY.getName())) {
      return tx.failed(new DuplicateEmailException(user.email().value()));
    }
    return e;
  }
}
