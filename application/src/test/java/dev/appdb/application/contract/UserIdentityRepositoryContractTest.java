package dev.appdb.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.domain.error.IdentityAlreadyLinkedException;
import dev.appdb.domain.error.NotFoundException;
import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.appdb.domain.identity.UserIdentityRepository}, for every adapter. */
public abstract class UserIdentityRepositoryContractTest extends ContractTest {

  private static final Issuer GOOGLE = new Issuer("https://accounts.google.com");
  private static final Issuer KEYCLOAK = new Issuer("http://localhost:7777/realms/dave-test2");

  private UserIdentity link(UserId userId, Issuer issuer, String subject, Instant at) {
    return transactions().inTransaction(tx -> tx.identities().link(
        new UserIdentity(issuer, new Subject(subject), userId, at)));
  }

  @Test
  void linkedIdentityIsFoundByIssuerAndSubjectExactly() {
    User user = save(newUser("Elisa", null, Instant.now()));
    UserIdentity linked = link(user.id(), GOOGLE, "3141592653589793238",
        Instant.parse("2024-03-10T23:59:59.999999999Z"));

    assertThat(findIdentity(GOOGLE, "3141592653589793238"))
        .contains(linked);
    assertThat(linked.linkedAt()).isEqualTo(Instant.parse("2024-03-10T23:59:59.999999Z"));
    assertThat(findIdentity(KEYCLOAK, "3141592653589793238"))
        .isEmpty();
    assertThat(findIdentity(GOOGLE, "3141592653589793238".toUpperCase() + "x"))
        .isEmpty();
  }

  @Test
  void aUserMayHaveSeveralIdentitiesListedOldestFirst() {
    User user = save(newUser("Sam", null, Instant.now()));
    UserIdentity second = link(user.id(), KEYCLOAK, "98cfe060-f980-4a05-8612-6c609219ffe9",
        Instant.parse("2024-01-02T00:00:00Z"));
    UserIdentity first = link(user.id(), GOOGLE, "42", Instant.parse("2024-01-01T00:00:00Z"));

    assertThat(identitiesOf(user.id()))
        .containsExactly(first, second);
  }

  @Test
  void anIdentityLinksToAtMostOneUser() {
    User owner = save(newUser("Owner", null, Instant.now()));
    User other = save(newUser("Other", null, Instant.now()));
    link(owner.id(), GOOGLE, "same-sub", Instant.now());

    assertThatThrownBy(() -> link(other.id(), GOOGLE, "same-sub", Instant.now()))
        .isInstanceOf(IdentityAlreadyLinkedException.class)
        .hasMessageContaining("same-sub");
    assertThat(identitiesOf(other.id())).isEmpty();
  }

  @Test
  void linkingToAMissingUserIsNotFoundAndWritesNothing() {
    UserId missing = UserId.generate();

    assertThatThrownBy(() -> link(missing, GOOGLE, "orphan", Instant.now()))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining(missing.toString());
    assertThat(findIdentity(GOOGLE, "orphan"))
        .isEmpty();
  }

  @Test
  void unlinkRemovesOnlyThatIdentity() {
    User user = save(newUser("Two", null, Instant.now()));
    link(user.id(), GOOGLE, "a", Instant.now());
    UserIdentity kept = link(user.id(), KEYCLOAK, "b", Instant.now());

    transactions().inTransaction(tx -> {
      tx.identities().unlink(GOOGLE, new Subject("a"));
      return null;
    });

    assertThat(identitiesOf(user.id()))
        .containsExactly(kept);
    assertThatThrownBy(() -> transactions().inTransaction(tx -> {
      tx.identities().unlink(GOOGLE, new Subject("a"));
      return null;
    })).isInstanceOf(NotFoundException.class);
  }

  @Test
  void deletingAUserDeletesItsIdentities() {
    User user = save(newUser("Cascade", null, Instant.now()));
    link(user.id(), GOOGLE, "cascade", Instant.now());

    transactions().inTransaction(tx -> {
      tx.users().delete(user.id());
      return null;
    });

    assertThat(findIdentity(GOOGLE, "cascade"))
        .isEmpty();
  }
}
