package dev.appdb.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.domain.entity.Cursor;
import dev.appdb.domain.entity.Page;
import dev.appdb.domain.error.ConcurrentUpdateException;
import dev.appdb.domain.error.DuplicateEmailException;
import dev.appdb.domain.error.NotFoundException;
import dev.appdb.domain.error.ValidationException;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.appdb.domain.user.UserRepository}, for every adapter. */
public abstract class UserRepositoryContractTest extends ContractTest {

  @Test
  void timestampsAreTruncatedToMicrosecondsNeverRoundedIntoTheNextDay() {
    Instant lastNanoOfDay = Instant.parse("2024-03-10T23:59:59.999999999Z");

    User created = save(newUser("Ada", null, lastNanoOfDay));

    User found = findUser(created.id()).orElseThrow();
    assertThat(found.createdAt()).isEqualTo(Instant.parse("2024-03-10T23:59:59.999999Z"));
    assertThat(found.updatedAt()).isEqualTo(Instant.parse("2024-03-10T23:59:59.999999Z"));
    assertThat(found).isEqualTo(created);
  }

  @Test
  void createdEntityEqualsWhatFindByIdAndFindByEmailReturn() {
    User created = save(newUser("Grace", "grace@example.com", Instant.parse("2024-05-01T10:00:00.123456Z")));

    assertThat(findUser(created.id())).contains(created);
    assertThat(findUserByEmail("GRACE@example.COM"))
        .contains(created);
    assertThat(findUser(UserId.generate())).isEmpty();
  }

  @Test
  void listsInCreationOrderAcrossMidnightAndNewYear() {
    User lastOfYear = save(newUser("Last", null, Instant.parse("2023-12-31T23:59:59.999999Z")));
    User newYear = save(newUser("NewYear", null, Instant.parse("2024-01-01T00:00:00Z")));
    User halfSecond = save(newUser("Half", null, Instant.parse("2024-01-01T00:00:00.500Z")));

    Page<User> page = transactions().readOnly(tx -> tx.users().list(null, 10));

    assertThat(page.items()).containsExactly(lastOfYear, newYear, halfSecond);
    assertThat(page.next()).isNull();
  }

  @Test
  void keysetPagesVisitEveryUserOnceEvenWithEqualTimestamps() {
    Instant sameInstant = Instant.parse("2024-06-01T12:00:00Z");
    List<User> saved = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      saved.add(save(newUser("User" + i, null, i < 4 ? sameInstant : sameInstant.plusSeconds(i))));
    }
    List<User> seen = new ArrayList<>();
    Cursor cursor = null;
    int pages = 0;
    do {
      Cursor after = cursor;
      Page<User> page = transactions().readOnly(tx -> tx.users().list(after, 3));
      seen.addAll(page.items());
      cursor = page.next();
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyInAnyOrderElementsOf(saved).doesNotHaveDuplicates();
    assertThat(seen).isSortedAccordingTo((a, b) -> a.createdAt().equals(b.createdAt())
        ? a.id().value().toString().compareTo(b.id().value().toString())
        : a.createdAt().compareTo(b.createdAt()));
  }

  @Test
  void pageLimitOutsideOneToThousandIsRejected() {
    assertThatThrownBy(() -> transactions().readOnly(tx -> tx.users().list(null, 0)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("limit");
    assertThatThrownBy(() -> transactions().readOnly(tx -> tx.users().list(null, 1001)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("1000");
  }

  @Test
  void emailUniquenessIgnoresCaseAndTheFirstKeepsItsSpelling() {
    User dana = save(newUser("Dana", "Dana.Lee@Example.com", Instant.now()));

    assertThatThrownBy(() -> save(newUser("Other", "dana.lee@example.com", Instant.now())))
        .isInstanceOfSatisfying(DuplicateEmailException.class,
            e -> assertThat(e.email()).isEqualTo("dana.lee@example.com"))
        .hasMessageNotContaining("dana.lee@example.com"); // messages end up in logs

    assertThat(userCount()).isEqualTo(1);
    User stored = findUser(dana.id()).orElseThrow();
    assertThat(stored.email().value()).isEqualTo("Dana.Lee@Example.com");
  }

  @Test
  void manyUsersMayHaveNoEmail() {
    save(newUser("NoMail1", null, Instant.now()));
    save(newUser("NoMail2", null, Instant.now()));

    assertThat(userCount()).isEqualTo(2);
  }

  @Test
  void updateIncrementsTheVersionAndKeepsCreatedAt() {
    User user = save(newUser("Old", "old@example.com", Instant.parse("2024-01-01T00:00:00Z")));

    User updated = transactions().inTransaction(tx -> tx.users().update(user.withProfile(
        "New", "Name", new Email("new@example.com"), Instant.parse("2024-02-01T00:00:00.000001Z"))));

    assertThat(updated.version()).isEqualTo(1);
    assertThat(findUser(user.id())).contains(updated);
    assertThat(updated.createdAt()).isEqualTo(user.createdAt());
    assertThat(findUserByEmail("old@example.com"))
        .isEmpty();
  }

  @Test
  void staleUpdateFailsAndTheFirstWriteIsKept() {
    User user = save(newUser("Start", null, Instant.now()));
    User readByA = findUser(user.id()).orElseThrow();
    User readByB = findUser(user.id()).orElseThrow();

    transactions().inTransaction(tx -> tx.users().update(
        readByA.withProfile("Alice", "Writer", null, Instant.now())));

    assertThatThrownBy(() -> transactions().inTransaction(tx -> tx.users().update(
        readByB.withProfile("Bob", "Writer", null, Instant.now()))))
        .isInstanceOf(ConcurrentUpdateException.class)
        .hasMessageContaining("version 0");
    User stored = findUser(user.id()).orElseThrow();
    assertThat(stored.firstName()).isEqualTo("Alice");
    assertThat(stored.version()).isEqualTo(1);
  }

  @Test
  void updateToATakenEmailIsADuplicateAndChangesNothing() {
    save(newUser("Taken", "taken@example.com", Instant.now()));
    User other = save(newUser("Other", "other@example.com", Instant.now()));

    assertThatThrownBy(() -> transactions().inTransaction(tx -> tx.users().update(
        other.withProfile("Other", "Tester", new Email("TAKEN@example.com"), Instant.now()))))
        .isInstanceOf(DuplicateEmailException.class);

    assertThat(findUser(other.id()))
        .contains(other);
  }

  @Test
  void updateOrDeleteOfAMissingUserIsNotFound() {
    User ghost = newUser("Ghost", null, Instant.now());

    assertThatThrownBy(() -> transactions().inTransaction(tx -> tx.users().update(ghost)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> transactions().inTransaction(tx -> {
      tx.users().delete(ghost.id());
      return null;
    })).isInstanceOf(NotFoundException.class).hasMessageContaining(ghost.id().toString());
  }

  @Test
  void deleteRemovesTheUser() {
    User user = save(newUser("Gone", "gone@example.com", Instant.now()));

    transactions().inTransaction(tx -> {
      tx.users().delete(user.id());
      return null;
    });

    assertThat(userCount()).isZero();
    save(newUser("Reuse", "gone@example.com", Instant.now()));
    assertThat(userCount()).isEqualTo(1);
  }
}
