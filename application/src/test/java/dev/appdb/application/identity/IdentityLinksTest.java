package dev.appdb.application.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.application.fake.InMemoryTransactions;
import dev.appdb.application.fake.PortCall;
import dev.appdb.domain.error.IdentityAlreadyLinkedException;
import dev.appdb.domain.error.NotFoundException;
import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentityLinksTest {

  private static final Instant T1 = Instant.parse("2026-03-01T10:00:00.000001Z");
  private static final Instant T2 = Instant.parse("2026-03-02T10:00:00Z");
  private static final Issuer GOOGLE = new Issuer("https://accounts.google.com");
  private static final Issuer ALIAS_A = new Issuer("a-idp");
  private static final Issuer ALIAS_Z = new Issuer("z-idp");

  private final InMemoryTransactions db = new InMemoryTransactions();

  private IdentityLinks at(Instant now) {
    return new IdentityLinks(db, Clock.fixed(now, ZoneOffset.UTC));
  }

  private User stored(String first) {
    return db.inTransaction(tx -> tx.users().create(User.register(first, "Linked", null, T1)));
  }

  private Optional<UserIdentity> find(Issuer issuer, String subject) {
    return db.readOnly(tx -> tx.identities().find(issuer, new Subject(subject)));
  }

  @Test
  void aLinkIsStoredAtTheClocksTime() {
    User ada = stored("Ada");

    UserIdentity link = at(T1).link(ada.id(), GOOGLE, new Subject("42"));

    assertThat(link).isEqualTo(new UserIdentity(GOOGLE, new Subject("42"), ada.id(), T1));
    assertThat(find(GOOGLE, "42")).contains(link);
  }

  @Test
  void linkingAgainToTheSameUserReturnsTheFirstLinkAndWritesNothing() {
    User ada = stored("Ada");
    UserIdentity first = at(T1).link(ada.id(), GOOGLE, new Subject("42"));
    db.clearPortCalls();

    UserIdentity again = at(T2).link(ada.id(), GOOGLE, new Subject("42"));

    assertThat(again).isEqualTo(first);
    assertThat(again.linkedAt()).isEqualTo(T1);
    assertThat(db.portCallMethods()).containsExactly("identities.find");
  }

  @Test
  void anIdentityLinkedToAnotherUserIsRefusedAndStaysWhereItWas() {
    User ada = stored("Ada");
    User bob = stored("Bob");
    UserIdentity adas = at(T1).link(ada.id(), GOOGLE, new Subject("42"));

    assertThatThrownBy(() -> at(T2).link(bob.id(), GOOGLE, new Subject("42")))
        .isInstanceOf(IdentityAlreadyLinkedException.class)
        .hasMessage("identity (https://accounts.google.com, 42) is already linked to a user");

    assertThat(find(GOOGLE, "42")).contains(adas);
    assertThat(db.rollbacks()).isEqualTo(1);
  }

  @Test
  void linkingToAMissingUserIsNotFoundAndStoresNothing() {
    UserId ghost = UserId.generate();

    assertThatThrownBy(() -> at(T1).link(ghost, GOOGLE, new Subject("42")))
        .isInstanceOf(NotFoundException.class).hasMessage("user " + ghost + " not found");

    assertThat(find(GOOGLE, "42")).isEmpty();
  }

  @Test
  void unlinkRemovesTheLinkAndAnUnknownOneIsNotFound() {
    User ada = stored("Ada");
    at(T1).link(ada.id(), GOOGLE, new Subject("42"));
    UserIdentity kept = at(T1).link(ada.id(), ALIAS_A, new Subject("42"));

    at(T2).unlink(GOOGLE, new Subject("42"));

    assertThat(find(GOOGLE, "42")).isEmpty();
    assertThat(find(ALIAS_A, "42")).contains(kept);
    assertThatThrownBy(() -> at(T2).unlink(GOOGLE, new Subject("42")))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("identity (https://accounts.google.com, 42) not found");
  }

  @Test
  void aUsersLinksAreListedOldestFirstThenByIssuerInAReadOnlyUnit() {
    User ada = stored("Ada");
    User bob = stored("Bob");
    UserIdentity late = at(T2).link(ada.id(), ALIAS_A, new Subject("late"));
    UserIdentity earlyZ = at(T1).link(ada.id(), ALIAS_Z, new Subject("early"));
    UserIdentity earlyA = at(T1).link(ada.id(), ALIAS_A, new Subject("early"));
    at(T1).link(bob.id(), GOOGLE, new Subject("bob"));
    db.clearPortCalls();

    assertThat(at(T2).listForUser(ada.id())).containsExactly(earlyA, earlyZ, late);
    assertThat(db.portCalls()).extracting(PortCall::readOnly).containsOnly(true);
  }

  @Test
  void listingTheLinksOfAMissingUserIsNotFoundOfAUserWithoutLinksEmpty() {
    User loner = stored("Loner");
    UserId ghost = UserId.generate();

    assertThat(at(T1).listForUser(loner.id())).isEmpty();
    assertThatThrownBy(() -> at(T1).listForUser(ghost))
        .isInstanceOf(NotFoundException.class).hasMessage("user " + ghost + " not found");
  }
}
