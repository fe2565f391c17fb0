package dev.appdb.application.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import dev.appdb.application.fake.InMemoryTransactions;
import dev.appdb.domain.identity.IdentityKey;
import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What one import batch knows: the rows its bulk lookups found, plus what it decided to write. */
class KnownRowsTest {

  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
  private static final Issuer REALM = new Issuer("keycloak:test");
  private static final Issuer GOOGLE = new Issuer("google");

  private final InMemoryTransactions db = new InMemoryTransactions();

  private static IdentityKey key(Issuer issuer, String subject) {
    return new IdentityKey(issuer, new Subject(subject));
  }

  private static UserIdentity link(Issuer issuer, String subject, User user) {
    return new UserIdentity(issuer, new Subject(subject), user.id(), AT);
  }

  private static User user(String first, String email) {
    return User.register(first, "Known", Email.ofNullable(email), AT);
  }

  private User stored(String first, String email, Object... links) {
    User user = user(first, email);
    db.inTransaction(tx -> {
      tx.users().create(user);
      for (int i = 0; i < links.length; i += 2) {
        tx.identities().link(link((Issuer) links[i], (String) links[i + 1], user));
      }
      return null;
    });
    return user;
  }

  private KnownRows load(List<IdentityKey> keys, List<Email> emails) {
    return db.inTransaction(tx -> KnownRows.load(tx, keys, emails));
  }

  @Test
  void loadFindsTheOwnersTheirUsersTheUsersOfTheEmailsAndAllTheirLinks() {
    User ann = stored("Ann", "ann@example.com", REALM, "ann", GOOGLE, "g-ann");
    User bea = stored("Bea", "Bea@Example.com", REALM, "bea");
    User cid = stored("Cid", "cid@example.com", REALM, "cid");

    KnownRows known = load(List.of(key(REALM, "ann"), key(REALM, "unknown")),
        List.of(new Email("bea@EXAMPLE.com"), new Email("nobody@example.com")));

    assertThat(known.owner(key(REALM, "ann"))).contains(ann.id());
    assertThat(known.owner(key(GOOGLE, "g-ann"))).as("a link of a found user").contains(ann.id());
    assertThat(known.owner(key(REALM, "bea"))).contains(bea.id());
    assertThat(known.owner(key(REALM, "unknown"))).isEmpty();
    assertThat(known.owner(key(REALM, "cid"))).as("not asked for").isEmpty();
    assertThat(known.user(ann.id())).contains(ann);
    assertThat(known.user(bea.id())).contains(bea);
    assertThat(known.user(cid.id())).isEmpty();
    assertThat(known.userWithEmail(new Email("BEA@example.com"))).contains(bea);
    assertThat(known.userWithEmail(new Email("ann@example.com"))).contains(ann);
    assertThat(known.linksOf(ann.id())).containsExactlyInAnyOrder(
        link(REALM, "ann", ann), link(GOOGLE, "g-ann", ann));
    assertThat(known.linksOf(cid.id())).isEmpty();
  }

  @Test
  void loadLocksTheUsersItFoundBeforeReadingTheirLinksInFiveCalls() {
    User ann = stored("Ann", "ann@example.com", REALM, "ann");
    User bea = stored("Bea", "bea@example.com");
    db.clearPortCalls();

    load(List.of(key(REALM, "ann"), key(REALM, "x")), List.of(new Email("bea@example.com")));

    assertThat(db.portCallMethods()).containsExactly("identities.findAll", "users.findByIds",
        "users.findByEmails", "users.lockAll", "identities.listForUsers");
    assertThat(db.portCalls().get(3).argument(0)).as("locked").asInstanceOf(LIST)
        .containsExactlyInAnyOrder(ann.id(), bea.id());
    assertThat(db.portCalls().get(4).argument(0)).as("links read").asInstanceOf(LIST)
        .containsExactlyInAnyOrder(ann.id(), bea.id());
  }

  @Test
  void usersAndLinksAddedAreSeenLikeLoadedOnes() {
    KnownRows known = load(List.of(), List.of());
    User dana = user("Dana", "Dana@Example.com");
    User noMail = user("NoMail", null);
    UserIdentity link = link(REALM, "dana", dana);

    known.addUser(dana);
    known.addUser(noMail);
    known.addLink(link);

    assertThat(known.user(dana.id())).contains(dana);
    assertThat(known.userWithEmail(new Email("dana@example.COM"))).contains(dana);
    assertThat(known.user(noMail.id())).contains(noMail);
    assertThat(known.owner(key(REALM, "dana"))).contains(dana.id());
    assertThat(known.linksOf(dana.id())).containsExactly(link);
    assertThat(known.linksOf(noMail.id())).isEmpty();
    assertThat(known.linksOf(UserId.generate())).isEmpty();
  }
}
