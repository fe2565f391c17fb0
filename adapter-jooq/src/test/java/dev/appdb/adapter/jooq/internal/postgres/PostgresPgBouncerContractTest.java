package dev.appdb.adapter.jooq.internal.postgres;

import dev.appdb.adapter.jooq.testing.JooqNoteRepository;
import dev.appdb.adapter.jooq.testing.PostgresTestDatabase;
import dev.appdb.application.contract.BulkRepositoryContractTest;
import dev.appdb.application.contract.DatabaseUnderTest;
import dev.appdb.application.contract.FailedStatementContractTest;
import dev.appdb.application.contract.ImportUsersContractTest;
import dev.appdb.application.contract.ProbeContractTest;
import dev.appdb.application.contract.RollbackOnlyContractTest;
import dev.appdb.application.contract.ServiceRepositoryContractTest;
import dev.appdb.application.contract.SignInContractTest;
import dev.appdb.application.contract.TransactionsContractTest;
import dev.appdb.application.contract.UseCasesContractTest;
import dev.appdb.application.contract.UserIdentityRepositoryContractTest;
import dev.appdb.application.contract.UserRepositoryContractTest;
import dev.appdb.application.contract.service.NoteRepository;
import java.time.Duration;
import org.junit.jupiter.api.Nested;

/**
 * Every contract suite, each on its own database, through the run's PgBouncer in transaction
 * pooling (2 server connections per database for appdb's pool of 4) with
 * {@code pooler=transaction}: every port method, the unit of work's rules, the use cases and the
 * probe behave as on a direct connection.
 */
class PostgresPgBouncerContractTest {

  private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);

  private static PostgresTestDatabase open(Object suite, int poolSize) {
    return PostgresTestDatabase.openBehindPgBouncer(suite.getClass().getSimpleName(), poolSize,
        STATEMENT_TIMEOUT);
  }

  @Nested
  class Users extends UserRepositoryContractTest {
    @Override
    protected DatabaseUnderTest openDatabase(int poolSize) {
      return open(this, poolSize);
    }
  }

  @Nested
  class Identities extends UserIdentityRepositoryContractTest {
    @Override
    protected DatabaseUnderTest openDatabase(int poolSize) {
      return open(this, poolSize);
    }
  }

  @Nested
  class Bulk extends BulkRepositoryContractTest {
    @Override
    protected DatabaseUnderTest openDatabase(int poolSize) {
      return open(this, poolSize);
    }
  }

  @Nested
  class ServiceRepository extends ServiceRepositoryContractTest {
    @Override
    protected DatabaseUnderTest openDatabase(int poolSize) {
      PostgresTestDatabase database = open(this, poolSize);
      database.execute(JooqNoteRepository.CREATE_POSTGRES);
      database.database().register(NoteRepository.class, JooqNoteRepository::new);
      return database;
    }
  }

  @Nested
  class Transactions extends TransactionsContractTest {
    @Override
    protected DatabaseUnderTest openDatabase(int poolSize) {
      return open(this, poolSize);
    }
  }

  /** Statements wait for a lock another session holds; the timeout ends each wait. */
  @Nested
  class FailedStatements extends FailedStatementContractTest {
    @Override
    protected DatabaseUnderTest openDatabase(int poolSize) {
      return PostgresTestDatabase.openBehindPgBouncer("FailedStatements", poolSize,
          Duration.ofSeconds(1));
    }
  }

  @Nested
  class RollbackOnly extends RollbackOnlyContractTest {
    @Override
    protected DatabaseUnderTest openDatabase(int poolSize) {
      return open(this, poolSize);
    }
  }

  @Nested
  class UseCases extends UseCasesContractTest {
    @Override
    protected DatabaseUnderTest openDatabase(int poolSize) {
      return open(this, poolSize);
    }
  }

  @Nested
  class SignIn extends SignInContractTest {
    @Override
    protected DatabaseUnderTest openDatabase(int poolSize) {
      return open(this, poolSize);
    }
  }

  @Nested
  class ImportUsers extends ImportUsersContractTest {
    @Override
    protected DatabaseUnderTest openDatabase(int poolSize) {
      return open(this, poolSize);
    }
  }

  @Nested
  class Probe extends ProbeContractTest {
    @Override
    protected DatabaseUnderTest openDatabase(int poolSize) {
      return open(this, poolSize);
    }
  }
}
