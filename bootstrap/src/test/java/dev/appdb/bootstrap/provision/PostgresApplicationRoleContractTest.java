package dev.appdb.bootstrap.provision;

import dev.appdb.adapter.jooq.testing.JooqNoteRepository;
import dev.appdb.application.contract.BulkRepositoryContractTest;
import dev.appdb.application.contract.DatabaseUnderTest;
import dev.appdb.application.contract.FailedStatementContractTest;
import dev.appdb.application.contract.ImportUsersContractTest;
import dev.appdb.application.contract.ProbeContractTest;
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
 * Every contract suite again, as the application login {@code appuser} on a server configured
 * like production (TLS 1.2+, SCRAM only), each suite on a database provisioned by
 * {@code PostgresProvisioning} and migrated by the migration login as the owner: the
 * privileges provisioning grants are enough for everything appdb does at run time, a service's
 * own table (created later by the owner) included.
 */
class PostgresApplicationRoleContractTest {

  private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);

  private static DatabaseUnderTest open(Object suite, int poolSize) {
    return ApplicationRoleTestDatabase.open(suite.getClass().getSimpleName(), poolSize,
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
  class UnitsOfWork extends TransactionsContractTest {
    @Override
    protected DatabaseUnderTest openDatabase(int poolSize) {
      return open(this, poolSize);
    }
  }

  @Nested
  class FailedStatements extends FailedStatementContractTest {
    /** Statements wait for a lock the superuser holds; the timeout ends each wait. */
    @Override
    protected DatabaseUnderTest openDatabase(int poolSize) {
      return ApplicationRoleTestDatabase.open("FailedStatements", poolSize,
          Duration.ofSeconds(1));
    }
  }

  @Nested
  class Import extends ImportUsersContractTest {
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
  class UseCases extends UseCasesContractTest {
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

  @Nested
  class ServiceTable extends ServiceRepositoryContractTest {
    /** The service's table comes later, from the owner: default privileges cover it. */
    @Override
    protected DatabaseUnderTest openDatabase(int poolSize) {
      ApplicationRoleTestDatabase database = ApplicationRoleTestDatabase.open("ServiceTable",
          poolSize, STATEMENT_TIMEOUT);
      database.executeAsOwner(JooqNoteRepository.CREATE_POSTGRES);
      database.database().register(NoteRepository.class, JooqNoteRepository::new);
      return database;
    }
  }
}
