package dev.appdb.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.adapter.jooq.testing.JooqNoteRepository;
import dev.appdb.application.contract.DatabaseUnderTest;
import dev.appdb.application.contract.ServiceRepositoryContractTest;
import dev.appdb.application.contract.service.NoteRepository;
import dev.appdb.domain.user.UserRepository;
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
