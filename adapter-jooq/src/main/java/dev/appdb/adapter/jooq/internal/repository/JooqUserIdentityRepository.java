package dev.appdb.adapter.jooq.internal.repository;

import static dev.appdb.adapter.jooq.schema.Tables.USER_IDENTITIES;

import dev.appdb.adapter.jooq.internal.lookup.KeyChunks;
import dev.appdb.adapter.jooq.internal.lookup.KeySelects;
import dev.appdb.adapter.jooq.kit.TransactionContext;
import dev.appdb.domain.error.DuplicateKeyException;
import dev.appdb.domain.error.IdentityAlreadyLinkedException;
import dev.appdb.domain.error.MissingReferenceException;
import dev.appdb.domain.error.NotFoundException;
import dev.appdb.domain.identity.IdentityKey;
import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.identity.UserIdentityRepository;
import dev.appdb.domain.user.UserId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The identity links' store on jOOQ; one instance per unit of work. */
public final class JooqUserIdentityRepository implements UserIdentityRepository {

  private static final IdentityRecordMapper MAPPER = IdentityRecordMapper.INSTANCE;

  private final TransactionContext tx;

  /** @param tx the unit of work this repository is bound to */
  public JooqUserIdentityRepository(TransactionContext tx) {
    this.tx = Objects.requireNonNull(tx, "tx");
  }

  @Override
  public Optional<UserIdentity> find(Issuer issuer, Subject subject) {
    return tx.rendered(KeySelects.class, KeySelects::render).identityByKey()
        .fetchOptional(tx, issuer.value(), subject.value()).map(MAPPER::toUserIdentity);
  }

  /**
   * {@inheritDoc}
   *
   * <p>One statement per issuer and {@value KeyChunks#SIZE} subjects, {@code issuer = ? and
   * subject in (...)} (the primary key's order). Neither a row-value {@code IN} nor one
   * {@code OR} per issuer: jOOQ spells both as a chain of {@code OR}s on SQLite, whose parser
   * refuses expressions over 1,000 deep.
   */
  @Override
  public List<UserIdentity> findAll(Collection<IdentityKey> keys) {
    DSLContext dsl = tx.dsl();
    Map<String, List<IdentityKey>> keysByIssuer = new LinkedHashMap<>();
    for (IdentityKey key : Objects.requireNonNull(keys, "keys")) {
      Objects.requireNonNull(key, "keys must not hold null");
      keysByIssuer.computeIfAbsent(key.issuer().value(), issuer -> new ArrayList<>()).add(key);
    }
    List<UserIdentity> found = new ArrayList<>();
    for (Map.Entry<String, List<IdentityKey>> issuer : keysByIssuer.entrySet()) {
      for (List<String> subjects
          : KeyChunks.of("keys", issuer.getValue(), key -> key.subject().value())) {
        found.addAll(dsl.selectFrom(USER_IDENTITIES)
            .where(USER_IDENTITIES.ISSUER.eq(issuer.getKey()))
            .and(USER_IDENTITIES.SUBJECT.in(subjects))
            .fetch(MAPPER::toUserIdentity));
      }
    }
    return found;
  }

  @Override
  public List<UserIdentity> listForUsers(Collection<UserId> userIds) {
    DSLContext dsl = tx.dsl();
    List<UserIdentity> found = new ArrayList<>();
    for (List<UUID> chunk : KeyChunks.of("userIds", userIds, UserId::value)) {
      found.addAll(dsl.selectFrom(USER_IDENTITIES)
          .where(USER_IDENTITIES.USER_ID.in(chunk)).fetch(MAPPER::toUserIdentity));
    }
    return found;
  }

  @Override
  public List<UserIdentity> listForUser(UserId userId) {
    return tx.dsl().selectFrom(USER_IDENTITIES)
        .where(USER_IDENTITIES.USER_ID.eq(userId.value()))
        .orderBy(USER_IDENTITIES.LINKED_AT, USER_IDENTITIES.ISSUER, USER_IDENTITIES.SUBJECT)
        .fetch(MAPPER::toUserIdentity);
  }

  @Override
  public UserIdentity link(UserIdentity identity) {
    try {
      tx.dslForWrite().insertInto(USER_IDENTITIES)
          .set(USER_IDENTITIES.ISSUER, identity.issuer().value())
          .set(USER_IDENTITIES.SUBJECT, identity.subject().value())
          .set(USER_IDENTITIES.USER_ID, identity.userId().value())
          .set(USER_IDENTITIES.LINKED_AT, identity.linkedAt())
          .execute();
    } catch (DuplicateKeyException e) {
      // the table's one unique key is its primary key (issuer, subject)
      throw tx.failed(new IdentityAlreadyLinkedException(
          identity.issuer().value(), identity.subject().value()));
    } catch (MissingReferenceException e) {
      throw tx.failed(new NotFoundException("user", identity.userId()));
    }
    return identity;
  }

  @Override
  public void linkAll(List<UserIdentity> identities) {
    tx.writeBatch("identities", identities, DSL.insertInto(USER_IDENTITIES,
            USER_IDENTITIES.ISSUER, USER_IDENTITIES.SUBJECT, USER_IDENTITIES.USER_ID,
            USER_IDENTITIES.LINKED_AT).values(Collections.nCopies(4, null)),
        link -> new Object[] {link.issuer().value(), link.subject().value(),
            link.userId().value(), link.linkedAt()},
        this::link);
  }

  @Override
  public void unlink(Issuer issuer, Subject subject) {
    int deleted = tx.dslForWrite().deleteFrom(USER_IDENTITIES)
        .where(USER_IDENTITIES.ISSUER.eq(issuer.value()))
        .and(USER_IDENTITIES.SUBJECT.eq(subject.value()))
        .execute();
    if (deleted == 0) {
      throw new NotFoundException("identity", "(" + issuer + ", " + subject + ")");
    }
  }
}
