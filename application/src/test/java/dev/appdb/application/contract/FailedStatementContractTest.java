package dev.appdb.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.appdb.application.contract.DatabaseUnderTest.Fault;
import dev.appdb.application.port.UnitOfWork;
import dev.appdb.domain.error.AppdbException;
import dev.appdb.domain.error.DuplicateEmailException;
import dev.appdb.domain.error.IdentityAlreadyLinkedException;
import dev.appdb.domain.error.NotFoundException;
import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Never a false commit: every repository method is made to fail for real inside a unit of work
 * that wrote something first (a table made unavailable, a unique key, a foreign key), the work
 * swallows the error and returns normally, and the unit must still throw, persist nothing and
 * leave the pool clean. The error the work caught must be appdb's, never jOOQ's or the driver's.
 */
public abstract class FailedStatementContractTest extends ContractTest {

  private static final Issuer ISSUER = new Issuer("https://idp.example");

  /** What each case starts from: a stored user with one identity, and a second user. */
  private record Fixture(User user, UserIdentity identity, User other) {}

  /**
   * A repository call that must fail.
   *
   * @param name shown in the report
   * @param faultedTable the table made unavailable, or null when the failure is a constraint
   * @param expected the domain error the work must catch
   * @param call the call, on the unit and the fixture
   */
  private record Case(String name, String faultedTable, Class<? extends AppdbException> expected,
      BiConsumer<UnitOfWork, Fixture> call) {}

  @TestFactory
  Stream<DynamicTest> aSwallowedFailureOfAnyRepositoryMethodCommitsNothing() {
    return cases().stream().map(c -> dynamicTest(c.name(), () -> swallowedFailureCommitsNothing(c)));
  }

  @TestFactory
  Stream<DynamicTest> aSwallowedFailureInAReadOnlyUnitStillFailsTheUnit() {
    return Stream.of("users", "user_identities").map(table -> dynamicTest(table, () -> {
      database().deleteAllRows();
      Fixture fixture = fixture();
      AtomicReference<RuntimeException> caught = new AtomicReference<>();
      try (Fault fault = database().failStatementsOn(table)) {
        assertThatThrownBy(() -> transactions().readOnly(tx -> {
          try {
            if (table.equals("users")) {
              tx.users().count();
            } else {
              tx.identities().listForUser(fixture.user().id());
            }
          } catch (RuntimeException swallowed) {
            caught.set(swallowed);
          }
          return "looks fine";
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("rolled back");
      }
      assertThat(caught.get()).isInstanceOf(AppdbException.class);
      assertThat(userCount()).isEqualTo(2);
    }));
  }

  private void swallowedFailureCommitsNothing(Case c) {
    database().deleteAllRows();
    Fixture fixture = fixture();
    // The unit first writes to the table that stays available: on "users" methods it unlinks
    // the fixture's identity, on the others it creates a user.
    boolean writesIdentities = "users".equals(c.faultedTable());
    User created = newUser("Written", "written@example.com", Instant.now());
    AtomicReference<RuntimeException> caught = new AtomicReference<>();
    Fault fault = c.faultedTable() == null ? () -> { } : database().failStatementsOn(c.faultedTable());
    try (fault) {
      assertThatThrownBy(() -> transactions().inTransaction(tx -> {
        if (writesIdentities) {
          tx.identities().unlink(fixture.identity().issuer(), fixture.identity().subject());
        } else {
          tx.users().create(created);
        }
        try {
          c.call().accept(tx, fixture);
        } catch (RuntimeException swallowed) {
          caught.set(swallowed);
        }
        return "looks fine";
      })).as("the unit must not report a commit").isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("rolled back");
    }

    assertThat(caught.get()).as("the error the work caught").isInstanceOf(c.expected());
    assertThat(findIdentity(ISSUER, "fixture")).as("the unit's unlink").isPresent();
    assertThat(findUserByEmail("written@example.com")).as("the unit's create").isEmpty();
    assertThat(userCount()).isEqualTo(2);
    // the next units, on every pooled connection, are clean
    for (int i = 0; i < POOL_SIZE + 1; i++) {
      User after = save(newUser("After" + i, null, Instant.now()));
      assertThat(findUser(after.id())).isPresent();
    }
  }

  private Fixture fixture() {
    return transactions().inTransaction(tx -> {
      User user = tx.users().create(newUser("Fixture", "fixture@example.com", Instant.now()));
      UserIdentity identity = tx.identities().link(
          new UserIdentity(ISSUER, new Subject("fixture"), user.id(), Instant.now()));
      User other = tx.users().create(newUser("Other", "other@example.com", Instant.now()));
      return new Fixture(user, identity, other);
    });
  }

  private List<Case> cases() {
    Class<? extends AppdbException> unavailable = AppdbException.class;
    List<Case> cases = new ArrayList<>(List.of(
        new Case("users.findById", "users", unavailable,
            (tx, f) -> tx.users().findById(f.user().id())),
        new Case("users.findByEmail", "users", unavailable,
            (tx, f) -> tx.users().findByEmail(f.user().email())),
        new Case("users.findByIds", "users", unavailable,
            (tx, f) -> tx.users().findByIds(List.of(f.user().id(), f.other().id()))),
        new Case("users.findByEmails", "users", unavailable,
            (tx, f) -> tx.users().findByEmails(List.of(f.user().email()))),
        new Case("users.list", "users", unavailable, (tx, f) -> tx.users().list(null, 10)),
        new Case("users.count", "users", unavailable, (tx, f) -> tx.users().count()),
        new Case("users.create", "users", unavailable,
            (tx, f) -> tx.users().create(newUser("New", null, Instant.now()))),
        new Case("users.createAll", "users", unavailable,
            (tx, f) -> tx.users().createAll(List.of(newUser("New", null, Instant.now())))),
        new Case("users.update", "users", unavailable,
            (tx, f) -> tx.users().update(f.user().withProfile("Renamed", "Tester", null,
                Instant.now()))),
        new Case("users.delete", "users", unavailable, (tx, f) -> tx.users().delete(f.other().id())),
        new Case("identities.find", "user_identities", unavailable,
            (tx, f) -> tx.identities().find(f.identity().issuer(), f.identity().subject())),
        new Case("identities.findAll", "user_identities", unavailable,
            (tx, f) -> tx.identities().findAll(List.of(f.identity().key()))),
        new Case("identities.listForUser", "user_identities", unavailable,
            (tx, f) -> tx.identities().listForUser(f.user().id())),
        new Case("identities.listForUsers", "user_identities", unavailable,
            (tx, f) -> tx.identities().listForUsers(List.of(f.user().id()))),
        new Case("identities.link", "user_identities", unavailable,
            (tx, f) -> tx.identities().link(identity("new", f.other().id()))),
        new Case("identities.linkAll", "user_identities", unavailable,
            (tx, f) -> tx.identities().linkAll(List.of(identity("new", f.other().id())))),
        new Case("identities.unlink", "user_identities", unavailable,
            (tx, f) -> tx.identities().unlink(f.identity().issuer(), f.identity().subject())),
        // constraint violations, nothing made unavailable
        new Case("users.create, unique email", null, DuplicateEmailException.class,
            (tx, f) -> tx.users().create(newUser("Clash", "FIXTURE@example.com", Instant.now()))),
        new Case("users.createAll, unique email", null, DuplicateEmailException.class,
            (tx, f) -> tx.users().createAll(List.of(newUser("Fine", null, Instant.now()),
                newUser("Clash", "fixture@example.com", Instant.now())))),
        new Case("users.update, unique email", null, DuplicateEmailException.class,
            (tx, f) -> tx.users().update(f.other().withProfile("Other", "Tester",
                new Email("fixture@example.com"), Instant.now()))),
        new Case("identities.link, unique key", null, IdentityAlreadyLinkedException.class,
            (tx, f) -> tx.identities().link(identity("fixture", f.other().id()))),
        new Case("identities.link, foreign key", null, NotFoundException.class,
            (tx, f) -> tx.identities().link(identity("orphan", UserId.generate()))),
        new Case("identities.linkAll, unique key", null, IdentityAlreadyLinkedException.class,
            (tx, f) -> tx.identities().linkAll(List.of(identity("fine", f.other().id()),
                identity("fixture", f.other().id()))))));
    if (database().locksRowsWithAStatement()) {
      cases.add(new Case("users.lockAll", "users", unavailable,
          (tx, f) -> tx.users().lockAll(List.of(f.user().id()))));
    }
    return cases;
  }

  private static UserIdentity identity(String subject, UserId userId) {
    return new UserIdentity(ISSUER, new Subject(subject), userId, Instant.now());
  }
}
