package dev.appdb.adapter.jooq.internal.postgres;

import dev.appdb.adapter.jooq.testing.JooqNoteRepository;
import dev.appdb.adapter.jooq.testing.PostgresTestDatabase;
import dev.appdb.application.contract.DatabaseUnderTest;
import dev.appdb.application.contract.ServiceRepositoryContractTest;
import dev.appdb.application.contract.service.NoteRepository;

class PostgresServiceRepositoryTest extends ServiceRepositoryContractTest {

  @Override
  protected DatabaseUnderTest openDatabase(int poolSize) {
    PostgresTestDatabase database =
        PostgresTestDatabase.open(getClass().getSimpleName(), poolSize);
    database.execute(JooqNoteRepository.CREATE_POSTGRES);
    database.database().register(NoteRepository.class, JooqNoteRepository::new);
    return database;
  }
}
