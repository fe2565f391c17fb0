package dev.appdb.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.application.contract.service.Note;
import dev.appdb.application.contract.service.NoteRepository;
import dev.appdb.application.port.UnitOfWork;
import dev.appdb.domain.error.DuplicateKeyException;
import dev.appdb.domain.error.MissingReferenceException;
import dev.appdb.domain.error.StillReferencedException;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import dev.appdb.domain.user.UserRepository;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A service's own repository inside appdb's units of work: the adapter's test opens a database
 * with a {@code notes} table (a foreign key to {@code users}) and registers a
 * {@link NoteRepository} on it. The service's repository shares the unit's transaction and every
 * rule of the unit: one commit, one rollback, a failed statement ends the unit, no use after the
 * unit ended, no writes in a read-only unit.
 */
public abstract class ServiceRepositoryContractTest extends ContractTest {

  @Test
  void aUserAndItsNoteCommitTogether() {
    User user = transactions().inTransaction(tx -> {
      User created = tx.users().create(newUser("Writer", "writer@example.com", Instant.now()));
      tx.repository(NoteRepository.class).create(Note.of(created.id(), "first"));
      return created;
    });

    List<Note> notes = transactions().readOnly(
        tx -> tx.repository(NoteRepository.class).listForUser(user.id()));
    assertThat(notes).extracting(Note::body).containsExactly("first");
  }

  @Test
  void aUnitThatThrowsAfterBothWritesPersistsNeither() {
    IllegalStateException boom = new IllegalStateException("boom");
    assertThatThrownBy(() -> transactions().inTransaction(tx -> {
      User created = tx.users().create(newUser("Writer", "writer@example.com", Instant.now()));
      tx.repository(NoteRepository.class).create(Note.of(created.id(), "lost"));
      throw boom;
    })).isSameAs(boom);

    assertThat(userCount()).isZero();
    assertThat(noteCount()).isZero();
  }

  @Test
  void aFailedStatementOfTheServiceRepositoryEndsTheUnitEvenIfSwallowed() {
    AtomicReference<RuntimeException> caught = new AtomicReference<>();
    assertThatThrownBy(() -> transactions().inTransaction(tx -> {
      tx.users().create(newUser("Writer", "writer@example.com", Instant.now()));
      try {
        tx.repository(NoteRepository.class).create(Note.of(UserId.generate(), "orphan"));
      } catch (RuntimeException swallowed) {
        caught.set(swallowed);
      }
      return null;
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("rolled back");

    assertThat(caught.get()).as("a domain error, not jOOQ's")
        .isInstanceOf(MissingReferenceException.class).hasMessageContaining("notes");
    assertThat(userCount()).isZero();
    assertThat(noteCount()).isZero();
  }

  @Test
  void theServiceTablesKeysBecomeTypedErrors() {
    User user = save(newUser("Writer", null, Instant.now()));
    Note note = Note.of(user.id(), "once");
    transactions().inTransaction(tx -> tx.repository(NoteRepository.class).create(note));

    assertThatThrownBy(() -> transactions().inTransaction(
        tx -> tx.repository(NoteRepository.class).create(new Note(note.id(), user.id(), "twice"))))
        .isInstanceOf(DuplicateKeyException.class).hasMessageContaining("notes");
    assertThatThrownBy(() -> transactions().inTransaction(tx -> {
      tx.users().delete(user.id());
      return null;
    })).isInstanceOf(StillReferencedException.class)
        // PostgreSQL names the key; SQLite names none, so the table referred to is named
        .hasMessageMatching(".*(notes_user_id_fkey|a foreign key referring to users).*");
    assertThat(findUser(user.id())).isPresent();
    assertThat(noteCount()).isEqualTo(1);
  }

  @Test
  void theServiceRepositoryRefusesWritesInAReadOnlyUnit() {
    User user = save(newUser("Writer", null, Instant.now()));
    assertThatThrownBy(() -> transactions().readOnly(
        tx -> tx.repository(NoteRepository.class).create(Note.of(user.id(), "sneaky"))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
    assertThat(noteCount()).isZero();
  }

  @Test
  void theDatabaseRefusesAWriteSentPastTheRepositoriesCheckInAReadOnlyUnit() {
    User user = save(newUser("Writer", null, Instant.now()));
    transactions().inTransaction(
        tx -> tx.repository(NoteRepository.class).create(Note.of(user.id(), "kept")));

    for (int unit = 0; unit < 3; unit++) {
      assertThatThrownBy(() -> transactions().readOnly(
          tx -> tx.repository(NoteRepository.class).rewriteAllPastTheWriteCheck("overwritten")))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
    }
    assertThat(bodies(user)).containsExactly("kept");

    // the connections are writable again for read-write units
    for (int unit = 0; unit < 3; unit++) {
      String body = "rewritten " + unit;
      int rewritten = transactions().inTransaction(
          tx -> tx.repository(NoteRepository.class).rewriteAllPastTheWriteCheck(body));
      assertThat(rewritten).isEqualTo(1);
      assertThat(bodies(user)).containsExactly(body);
    }
  }

  @Test
  void theServiceRepositoryRefusesUseAfterItsUnitEnded() {
    AtomicReference<NoteRepository> leaked = new AtomicReference<>();
    AtomicReference<UnitOfWork> unit = new AtomicReference<>();
    transactions().readOnly(tx -> {
      leaked.set(tx.repository(NoteRepository.class));
      unit.set(tx);
      return null;
    });

    assertThatThrownBy(() -> leaked.get().count())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ended");
    assertThatThrownBy(() -> unit.get().repository(NoteRepository.class))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ended");
  }

  @Test
  void oneUnitHandsOutOneInstancePerPortAndAppdbsOwnRepositoriesByPortToo() {
    transactions().readOnly(tx -> {
      assertThat(tx.repository(NoteRepository.class)).isSameAs(tx.repository(NoteRepository.class));
      assertThat(tx.repository(UserRepository.class)).isSameAs(tx.users());
      return null;
    });
  }

  @Test
  void anUnregisteredPortIsRefusedNamingIt() {
    assertThatThrownBy(() -> transactions().readOnly(tx -> tx.repository(Runnable.class)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no repository is registered for java.lang.Runnable")
        .hasMessageContaining(NoteRepository.class.getName());
  }

  private List<String> bodies(User user) {
    return transactions().readOnly(tx -> tx.repository(NoteRepository.class)
        .listForUser(user.id()).stream().map(Note::body).toList());
  }

  private long noteCount() {
    return transactions().readOnly(tx -> tx.repository(NoteRepository.class).count());
  }
}
