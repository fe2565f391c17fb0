package dev.appdb.benchmarks.scenario;

import dev.appdb.application.importing.ExternalIdentity;
import dev.appdb.application.importing.ImportListener;
import dev.appdb.application.importing.ImportReport;
import dev.appdb.application.importing.ImportUsers;
import dev.appdb.application.importing.ImportedUser;
import dev.appdb.benchmarks.fixture.BenchmarkDatabase;
import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Import {@code users} new users with one identity each: the {@link ImportUsers} use case
 * (idempotent: looks every identity and email up first, {@value #BATCH} users per unit of work)
 * against a plain JDBC batch insert of the same rows, {@value #BATCH} users per transaction.
 * One invocation imports them all; the results table turns the time into users per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BulkImport {

  /** Users per unit of work on both sides: the import use case's default. */
  static final int BATCH = ImportUsers.DEFAULT_BATCH_SIZE;

  /** How many users one invocation imports. */
  @Param("10000")
  public int users;

  /**
   * Deletes what earlier iterations imported, so every iteration starts from the seed.
   *
   * @param db the trial's database
   * @throws SQLException when the database fails
   */
  @Setup(Level.Iteration)
  public void deleteImported(BenchmarkDatabase db) throws SQLException {
    db.jdbc().inTransaction(
        connection -> db.users().deleteByEmailPrefix(connection, ImportSource.EMAIL_PREFIX));
  }

  /**
   * @param db the trial's database
   * @return the import's counts
   */
  @Benchmark
  public ImportReport appdb(BenchmarkDatabase db) {
    ImportReport report = new ImportUsers(db.transactions(), Clock.systemUTC(), BATCH)
        .importUsers(new ImportSource(users), ImportListener.NONE);
    if (report.created() != users) {
      throw new IllegalStateException("expected " + users + " users created: " + report);
    }
    return report;
  }

  /**
   * @param db the trial's database
   * @return how many users were inserted
   * @throws SQLException when the database fails
   */
  @Benchmark
  public int jdbc(BenchmarkDatabase db) throws SQLException {
    ImportSource source = new ImportSource(users);
    int inserted = 0;
    while (source.hasNext()) {
      inserted += db.jdbc().inTransaction(connection -> {
        Instant now = Instant.now();
        int count = 0;
        try (PreparedStatement userInsert = db.users().prepareUserInsert(connection);
            PreparedStatement identityInsert = db.users().prepareIdentityInsert(connection)) {
          for (; count < BATCH && source.hasNext(); count++) {
            ImportedUser imported = source.next();
            User user = new User(UserId.generate(), imported.firstName(), imported.lastName(),
                Email.ofNullable(imported.email()), now, now, 0);
            db.users().addUser(userInsert, user);
            for (ExternalIdentity identity : imported.identities()) {
              db.users().addIdentity(identityInsert, new UserIdentity(
                  new Issuer(identity.issuer()), new Subject(identity.subject()), user.id(), now));
            }
          }
          userInsert.executeBatch();
          identityInsert.executeBatch();
        }
        return count;
      });
    }
    return inserted;
  }
}
