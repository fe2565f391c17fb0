package dev.appdb.application.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.application.fake.InMemoryTransactions;
import dev.appdb.domain.error.ConcurrentUpdateException;
import dev.appdb.domain.error.DuplicateEmailException;
import dev.appdb.domain.error.NotFoundException;
import dev.appdb.domain.error.ValidationException;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UpdateUserProfileTest {

  private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00.654321999Z");
  private static final Instant NOW_STORED = Instant.parse("2026-03-01T10:00:00.654321Z");

  private final InMemoryTransactions db = new InMemoryTransactions();
  private final UpdateUserProfile update =
      new UpdateUserProfile(db, Clock.fixed(NOW, ZoneOffset.UTC));
  private User ada;

  @BeforeEach
  void storeAda() {
    ada = new RegisterUser(db, Clock.fixed(CREATED, ZoneOffset.UTC))
        .register("Ada", "Lovelace", "ada@example.com");
    db.clearPortCalls();
  }

  private User stored(UserId id) {
    return db.readOnly(tx -> tx.users().findById(id)).orElseThrow();
  }

  private long unitsRun() {
    return db.commits() + db.rollbacks();
  }

  @Test
  void aCurrentVersionReplacesTheProfileAndCountsUp() {
    User updated = update.update(ada.id(), 0, " Augusta ", "King", "augusta@example.com");

    assertThat(updated).isEqualTo(new User(ada.id(), "Augusta", "King",
        new Email("augusta@example.com"), CREATED, NOW_STORED, 1));
    assertThat(stored(ada.id())).isEqualTo(updated);
  }

  @Test
  void aBlankEmailRemovesIt() {
    User updated = update.update(ada.id(), 0, "Ada", "Lovelace", "  ");

    assertThat(updated.email()).isNull();
    assertThat(updated.version()).isEqualTo(1);
    assertThat(stored(ada.id()).email()).isNull();
  }

  @Test
  void aStaleVersionOverwritesNothing() {
    User first = update.update(ada.id(), 0, "Augusta", "King", null);

    assertThatThrownBy(() -> update.update(ada.id(), 0, "Stale", "Write", null))
        .isInstanceOf(ConcurrentUpdateException.class)
        .hasMessage("user " + ada.id() + " was changed concurrently: version 0 is no longer"
            + " current");
    assertThatThrownBy(() -> update.update(ada.id(), 2, "Ahead", "Write", null))
        .isInstanceOf(ConcurrentUpdateException.class).hasMessageContaining("version 2");

    assertThat(stored(ada.id())).isEqualTo(first);
  }

  @Test
  void aMissingUserIsNotFound() {
    UserId ghost = UserId.generate();

    assertThatThrownBy(() -> update.update(ghost, 0, "Ghost", "User", null))
        .isInstanceOf(NotFoundException.class).hasMessage("user " + ghost + " not found");
  }

  @Test
  void aNegativeVersionOrAMalformedEmailIsRefusedBeforeAnyUnitOfWork() {
    assertThatThrownBy(() -> update.update(ada.id(), -1, "Ada", "Lovelace", null))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("expectedVersion"))
        .hasMessage("expectedVersion: must be at least 0, was -1");
    assertThatThrownBy(() -> update.update(ada.id(), 0, "Ada", "Lovelace", "ada at example"))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("email"));

    assertThat(unitsRun()).isEqualTo(1); // the registration only
    assertThat(db.portCalls()).isEmpty();
  }

  @Test
  void anInvalidNameIsRefusedAndTheUnitRollsBack() {
    assertThatThrownBy(() -> update.update(ada.id(), 0, "A".repeat(101), "Lovelace", null))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("firstName"));

    assertThat(db.rollbacks()).isEqualTo(1);
    assertThat(stored(ada.id())).isEqualTo(ada);
  }

  @Test
  void theSameProfileAfterStrippingIsANoOpThatWritesNothing() {
    User same = update.update(ada.id(), 0, " Ada ", "Lovelace\u00A0 ", "ada@example.com");

    assertThat(same).isEqualTo(ada);
    assertThat(same.updatedAt()).isEqualTo(CREATED);
    assertThat(db.portCallMethods()).containsExactly("users.findById");
    assertThat(stored(ada.id()).version()).isZero();
  }

  @Test
  void anEmailChangedOnlyInCaseIsAChangeAndNoClashWithItself() {
    User updated = update.update(ada.id(), 0, "Ada", "Lovelace", "ADA@example.com");

    assertThat(updated.email()).isEqualTo(new Email("ADA@example.com"));
    assertThat(updated.version()).isEqualTo(1);
  }

  @Test
  void anEmailAnotherUserHasIsADuplicateAndChangesNothing() {
    new RegisterUser(db, Clock.systemUTC()).register("Grace", "Hopper", "grace@example.com");

    assertThatThrownBy(() -> update.update(ada.id(), 0, "Ada", "Lovelace", "Grace@Example.com"))
        .isInstanceOfSatisfying(DuplicateEmailException.class,
            e -> assertThat(e.email()).isEqualTo("Grace@Example.com"));

    assertThat(stored(ada.id())).isEqualTo(ada);
  }

  @Test
  void requireExpectedVersionPassesZeroAndAboveThrough() {
    assertThat(UpdateUserProfile.requireExpectedVersion(0)).isZero();
    assertThat(UpdateUserProfile.requireExpectedVersion(7)).isEqualTo(7);
  }
}
