package dev.appdb.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.adapter.jooq.testing.JooqNoteRepository;
import dev.appdb.application.contract.DatabaseUnderTest;
import dev.appdb.application.contract.ServiceRepositoryContractTest;
import dev.appdb.application.contract.service.NoteRepository;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserRepository;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SqliteServiceRepositoryTest extends ServiceRepositoryContractTest {

  private SqliteTestDatabase database;

  @Override
  protected DatabaseUnderTest openDatabase(int poolSize) {
    database = SqliteTestDatabase.open(poolSize);
    database.execute(JooqNoteRepository.CREATE_SQLITE);
    database.database().register(NoteRepository.class, JooqNoteRepository::new);
    return database;
  }

  /** A port whose jOOQ implementation tries to open a jOOQ transaction inside the unit. */
  interface NestedTransactions {
    void nest();
  }

  @Test
  void aJooqTransactionInsideAUnitIsRefusedAndTheUnitRollsBack() {
    database.database().register(NestedTransactions.class, tx -> () ->
        tx.dsl().transaction(nested -> { }));

    assertThatThrownBy(() -> database.transactions().inTransaction(tx -> {
      tx.users().create(User.register("Kept?", "Tester", null, Instant.now()));
      tx.repository(NestedTransactions.class).nest();
      return null;
    })).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a unit of work is the transaction");
    long users = database.transactions().readOnly(tx -> tx.users().count());
    assertThat(users).isZero();
  }

  @Test
  void aPortHasOneRepositoryAndIsAnInterface() {
    assertThatThrownBy(() -> database.database().register(NoteRepository.class,
        JooqNoteRepository::new)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(NoteRepository.class.getName() + " already has a repository");
    assertThatThrownBy(() -> database.database().register(UserRepository.class,
        tx -> null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already has a repository");
    assertThatThrownBy(() -> database.database().register(JooqNoteRepository.class,
        JooqNoteRepository::new)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not an interface");
  }
}
