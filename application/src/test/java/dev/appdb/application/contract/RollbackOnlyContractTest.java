package dev.appdb.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.application.port.UnitOfWork;
import dev.appdb.domain.identity.IdentityKey;
import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A unit whose port call failed is rollback-only, whatever the error: a domain rule, not found, a
 * stale version, a constraint, a statement, a programming error. One case per port method that
 * can fail: the unit creates a user, a port call fails and the caller catches the error, every
 * later port call throws {@link IllegalStateException} naming the first error, and the unit,
 * returning normally, throws without committing: the user created first is not stored.
 */
public abstract class RollbackOnlyContractTest extends ContractTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Issuer ISSUER = new Issuer("https://idp.example.com");

  /** What is committed before each case: a user with an identity link. */
  record Stored(User user, UserIdentity identity) {}

  static Stream<Named<BiConsumer<UnitOfWork, Stored>>> failingCalls() {
    return Stream.of(
        call("users.findByIds with null", (tx, s) ->
            tx.users().findByIds(Arrays.asList(s.user().id(), null))),
        call("users.findByEmails with null", (tx, s) ->
            tx.users().findByEmails(Arrays.asList((Email) null))),
        call("users.lockAll with null", (tx, s) ->
            tx.users().lockAll(Arrays.asList((UserId) null))),
        call("users.create of a taken email", (tx, s) ->
            tx.users().create(newUser("Dup", "stored@example.com", NOW))),
        call("users.createAll with a taken email", (tx, s) ->
            tx.users().createAll(List.of(newUser("Dup", "STORED@example.com", NOW)))),
        call("users.update of a stale version", (tx, s) ->
            tx.users().update(new User(s.user().id(), "Stale", "Tester", s.user().email(),
                s.user().createdAt(), NOW, s.user().version() + 7))),
        call("users.update of a missing user", (tx, s) ->
            tx.users().update(newUser("Missing", null, NOW))),
        call("users.delete of a missing user", (tx, s) ->
            tx.users().delete(UserId.generate())),
        call("users.list past its limit", (tx, s) -> tx.users().list(null, 1_000_000)),
        call("identities.findAll with null", (tx, s) ->
            tx.identities().findAll(Arrays.asList((IdentityKey) null))),
        call("identities.listForUsers with null", (tx, s) ->
            tx.identities().listForUsers(Arrays.asList((UserId) null))),
        call("identities.link of a linked pair", (tx, s) ->
            tx.identities().link(new UserIdentity(ISSUER, s.identity().subject(),
                s.user().id(), NOW))),
        call("identities.link to a missing user", (tx, s) ->
            tx.identities().link(new UserIdentity(ISSUER, new Subject("nobody"),
                UserId.generate(), NOW))),
        call("identities.linkAll with a linked pair", (tx, s) ->
            tx.identities().linkAll(List.of(new UserIdentity(ISSUER, s.identity().subject(),
                s.user().id(), NOW)))),
        call("identities.unlink of a missing link", (tx, s) ->
            tx.identities().unlink(ISSUER, new Subject("never-linked"))));
  }

  private static Named<BiConsumer<UnitOfWork, Stored>> call(String name,
      BiConsumer<UnitOfWork, Stored> call) {
    return Named.of(name, call);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failingCalls")
  void aFailedPortCallMakesTheUnitRollbackOnly(BiConsumer<UnitOfWork, Stored> failingCall) {
    User stored = save(newUser("Stored", "stored@example.com", NOW));
    UserIdentity identity = transactions().inTransaction(tx -> tx.identities().link(
        new UserIdentity(ISSUER, new Subject("stored-subject"), stored.id(), NOW)));
    Stored fixture = new Stored(stored, identity);
    RuntimeException[] first = new RuntimeException[1];
    RuntimeException[] later = new RuntimeException[1];

    assertThatThrownBy(() -> transactions().inTransaction(tx -> {
      tx.users().create(newUser("First", "first@example.com", NOW));
      try {
        failingCall.accept(tx, fixture);
      } catch (RuntimeException caught) {
        first[0] = caught;
      }
      try {
        tx.users().create(newUser("Later", "later@example.com", NOW));
      } catch (RuntimeException caught) {
        later[0] = caught;
      }
      return "returned normally";
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("rolled back");

    assertThat(first[0]).as("the failing call's error").isNotNull();
    assertThat(later[0]).as("a port call after the failure")
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(first[0].getClass().getSimpleName());
    assertThat(findUserByEmail("first@example.com")).as("created before the failure").isEmpty();
    assertThat(findUserByEmail("later@example.com")).isEmpty();
    assertThat(userCount()).isEqualTo(1);
  }
}
