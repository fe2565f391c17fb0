package dev.appdb.adapter.jooq.internal.repository;

import static dev.appdb.adapter.jooq.schema.Tables.USERS;

import dev.appdb.adapter.jooq.internal.lookup.KeyChunks;
import dev.appdb.adapter.jooq.internal.lookup.KeySelects;
import dev.appdb.adapter.jooq.kit.EntityTable;
import dev.appdb.adapter.jooq.kit.JooqEntityRepository;
import dev.appdb.adapter.jooq.kit.TransactionContext;
import dev.appdb.adapter.jooq.schema.Keys;
import dev.appdb.adapter.jooq.schema.tables.records.UsersRecord;
import dev.appdb.domain.entity.Cursor;
import dev.appdb.domain.entity.Page;
import dev.appdb.domain.error.DuplicateEmailException;
import dev.appdb.domain.error.DuplicateKeyException;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import dev.appdb.domain.user.UserRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The users' store on jOOQ, built on the repository kit like a service's repository: the kit
 * gives create, find by id, optimistic update, delete and count; this class adds the lookups by
 * email, the bulk methods and the row locks. One instance per unit of work.
 */
public final class JooqUserRepository extends JooqEntityRepository<UsersRecord, User, UserId>
    implements UserRepository {

  private static final UserRecordMapper MAPPER = UserRecordMapper.INSTANCE;

  /** The {@code users} table as the kit sees it. */
  static final EntityTable<UsersRecord, User, UserId> USERS_TABLE =
      EntityTable.of("user", USERS, MAPPER::toUser, MAPPER::toRecord);

  /** PostgreSQL compares {@code uuid}s as 16 unsigned bytes; {@code UUID.compareTo} is signed. */
  private static final Comparator<UUID> POSTGRES_UUID_ORDER =
      Comparator.comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
          .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

  private final TransactionContext tx;

  /** @param tx the unit of work this repository is bound to */
  public JooqUserRepository(TransactionContext tx) {
    super(tx, USERS_TABLE);
    this.tx = tx;
  }

  @Override
  public Optional<User> findByEmail(Email email) {
    return tx.rendered(KeySelects.class, KeySelects::render).userByEmail()
        .fetchOptional(tx, email.normalized())
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
    try {
      return super.create(user);
    } catch (DuplicateKeyException e) {
      throw translateWrite(e, user);
    }
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
    try {
      return super.update(user);
    } catch (DuplicateKeyException e) {
      throw translateWrite(e, user);
    }
  }

  /** The unique email arrives as the generic duplicate the unit recorded; name it. */
  private RuntimeException translateWrite(DuplicateKeyException e, User user) {
    if (user.email() != null && e.constraint().equals(Keys.USERS_EMAIL_NORMALIZED_KEY.getName())) {
      return tx.failed(new DuplicateEmailException(user.email().value()));
    }
    return e;
  }
}
