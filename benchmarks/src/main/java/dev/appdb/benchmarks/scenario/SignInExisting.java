package dev.appdb.benchmarks.scenario;

import dev.appdb.application.signin.SignIn;
import dev.appdb.application.signin.SignInResult;
import dev.appdb.application.signin.VerifiedClaims;
import dev.appdb.benchmarks.fixture.BenchmarkDatabase;
import dev.appdb.benchmarks.fixture.SeedUsers;
import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.user.User;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Sign in an identity that is linked already, the hot path of every login: the
 * {@link SignIn} use case (one read-write unit of work: find the identity, then its user)
 * against the same two selects in hand-written JDBC.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SignInExisting {

  /** The use case and the claims of every seeded identity. */
  @State(Scope.Benchmark)
  public static class Logins {

    private SignIn signIn;
    private VerifiedClaims[] claims;

    /**
     * Builds the claims and checks that a sign-in finds the existing user.
     *
     * @param db the trial's database
     */
    @Setup(Level.Trial)
    public void prepare(BenchmarkDatabase db) {
      signIn = new SignIn(db.transactions(), Clock.systemUTC());
      claims = new VerifiedClaims[SeedUsers.COUNT];
      for (int i = 0; i < claims.length; i++) {
        claims[i] = new VerifiedClaims(new Issuer(SeedUsers.ISSUER),
            new Subject(SeedUsers.subject(i)), SeedUsers.subject(i) + "@bench.example", true,
            "Seed", "User " + i, null, null);
      }
      SignInResult.Outcome outcome = signIn.signIn(claims[0]).outcome();
      if (outcome != SignInResult.Outcome.EXISTING) {
        throw new IllegalStateException("a seeded identity signed in as " + outcome);
      }
    }
  }

  /**
   * @param logins the use case and claims
   * @param cursor which seeded identity signs in
   * @return the sign-in's result
   */
  @Benchmark
  public SignInResult appdb(Logins logins, SeedCursor cursor) {
    return logins.signIn.signIn(logins.claims[cursor.next()]);
  }

  /**
   * @param db the trial's database
   * @param logins the claims
   * @param cursor which seeded identity signs in
   * @return the signed-in user
   * @throws SQLException when the database fails
   */
  @Benchmark
  public User jdbc(BenchmarkDatabase db, Logins logins, SeedCursor cursor) throws SQLException {
    VerifiedClaims claims = logins.claims[cursor.next()];
    return db.jdbc().inTransaction(connection -> {
      UserIdentity link = db.users().findIdentity(connection, claims.issuer(), claims.subject())
          .orElseThrow();
      return db.users().findById(connection, link.userId()).orElseThrow();
    });
  }
}
