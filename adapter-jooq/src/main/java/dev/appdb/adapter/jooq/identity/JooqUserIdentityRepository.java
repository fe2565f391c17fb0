package dev.appdb.adapter.jooq.identity;

import static dev.appdb.adapter.jooq.schema.Tables.USER_IDENTITIES;

import dev.appdb.adapter.jooq.mapping.RecordMapper;
import dev.appdb.adapter.jooq.context.TransactionContext;
import dev.appdb.domain.error.IdentityAlreadyLinkedException;
import dev.appdb.domain.error.NotFoundException;
import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.identity.UserIdentityRepository;
import dev.appdb.domain.user.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.exception.DataAccessException;

/** The identity links' store on jOOQ; one instance per unit of work. */
public final class JooqUserIdentityRepository implements UserIdentityRepository {

  private static final RecordMapper MAPPER = RecordMapper.INSTANCE;

  private final TransactionContext tx;

  /** @param tx the unit of work this repository is bound to, never null */
  public JooqUserIdentityRepository(TransactionContext tx) {
    this.tx = Objects.requireNonNull(tx, "tx");
  }

  @Override
  public Optional<UserIdentity> find(Issuer issuer, Subject subject) {
    return tx.keySelects().identityByKey()
        .fetchOptional(tx.dsl(), issuer.value(), subject.value()).map(MAPPER::toUserIdentity);
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
    } catch (DataAccessException e) {
      throw tx.failed(switch (tx.errors().kind(e)) {
        case UNIQUE_VIOLATION -> new IdentityAlreadyLinkedException(
            identity.issuer().value(), identity.subject().value());
        case FOREIGN_KEY_VIOLATION -> new NotFoundException("user", identity.userId());
        default -> tx.errors().translate(e);
      });
    }
    return identity;
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
