package dev.appdb.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.application.signin.SignIn;
import dev.appdb.application.signin.SignInResult;
import dev.appdb.application.signin.SignInResult.Outcome;
import dev.appdb.application.signin.VerifiedClaims;
import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import dev.appdb.domain.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The sign-in use case over an adapter: its three paths and concurrent first sign-ins. */
public abstract class SignInContractTest extends ContractTest {

  private static final Issuer GOOGLE = new Issuer("https://accounts.google.com");

  private SignIn signIn() {
    return new SignIn(transactions(), Clock.systemUTC());
  }

  private static VerifiedClaims claims(String sub, String email, boolean verified) {
    return new VerifiedClaims(GOOGLE, new Subject(sub), email, verified, "Elisa", "Beckett",
        "Elisa Beckett", null);
  }

  @Test
  void firstSignInCreatesUserAndIdentityThenFindsThem() {
    SignInResult first = signIn().signIn(claims("3141592653589793238", "elisa@gmail.com", true));
    SignInResult second = signIn().signIn(claims("3141592653589793238", "elisa@gmail.com", true));

    assertThat(first.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(first.user().email().value()).isEqualTo("elisa@gmail.com");
    assertThat(second.outcome()).isEqualTo(Outcome.EXISTING);
    assertThat(second.user()).isEqualTo(first.user());
    assertThat(userCount()).isEqualTo(1);
  }

  @Test
  void aVerifiedEmailLinksTheNewIdentityToTheExistingUser() {
    User existing = save(newUser("Elisa", "Elisa@Gmail.com", Instant.now()));

    SignInResult result = signIn().signIn(claims("314", "elisa@gmail.com", true));

    assertThat(result.outcome()).isEqualTo(Outcome.LINKED_BY_EMAIL);
    assertThat(result.user()).isEqualTo(existing);
    assertThat(userCount()).isEqualTo(1);
  }

  @Test
  void anUnverifiedEmailNeitherLinksNorIsStored() {
    save(newUser("Victim", "victim@example.com", Instant.now()));

    SignInResult result = signIn().signIn(claims("attacker", "victim@example.com", false));

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.user().email()).isNull();
    assertThat(userCount()).isEqualTo(2);
  }

  @Test
  void namesMissingFromTheClaimsAreDerived() {
    VerifiedClaims nameOnly = new VerifiedClaims(
        new Issuer("https://login.microsoftonline.com/9122040d/v2.0"), new Subject("AAAAkzqF"),
        null, false, null, null, "Ada Linwick", "AdaLi@example.com");
    VerifiedClaims nothing = new VerifiedClaims(GOOGLE, new Subject("bare"), null, false,
        null, null, null, null);

    User ada = signIn().signIn(nameOnly).user();
    User bare = signIn().signIn(nothing).user();

    assertThat(ada.firstName()).isEqualTo("Ada");
    assertThat(ada.lastName()).isEqualTo("Linwick");
    assertThat(ada.email()).isNull();
    assertThat(bare.firstName()).isEqualTo("bare");
    assertThat(bare.lastName()).isEqualTo("bare");
  }

  @Test
  void overlongNamesFromTheProviderAreCutNotRefused() {
    VerifiedClaims longNames = new VerifiedClaims(GOOGLE, new Subject("long"), null, false,
        "G".repeat(150), null, null, "x".repeat(200));

    User user = signIn().signIn(longNames).user();

    assertThat(user.firstName()).hasSize(100);
    assertThat(user.lastName()).isEqualTo("x".repeat(100));
  }

  @Test
  void anUnverifiedEmailIsNeverUsedAsAName() {
    User user = signIn().signIn(new VerifiedClaims(GOOGLE, new Subject("s4"),
        "victim@example.com", false, null, null, null, null)).user();

    assertThat(user.firstName()).isEqualTo("s4");
    assertThat(user.lastName()).isEqualTo("s4");
  }

  @Test
  void concurrentFirstSignInsOfOneIdentityMakeOneUser() throws Exception {
    int threads = 6;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Callable<SignInResult>> tasks = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        tasks.add(() -> {
          assertThat(start.await(60, TimeUnit.SECONDS)).as("the start signal").isTrue();
          return signIn().signIn(claims("race", "race@example.com", true));
        });
      }
      List<Future<SignInResult>> futures = new ArrayList<>();
      for (Callable<SignInResult> task : tasks) {
        futures.add(pool.submit(task));
      }
      start.countDown();
      List<SignInResult> results = new ArrayList<>();
      for (Future<SignInResult> future : futures) {
        results.add(assertThat(future).as("sign-in %d of %d", results.size() + 1, threads)
            .succeedsWithin(Duration.ofSeconds(60)).actual());
      }

      assertThat(results).extracting(r -> r.user().id()).containsOnly(results.get(0).user().id());
      assertThat(results).filteredOn(r -> r.outcome() == Outcome.CREATED).hasSize(1);
      assertThat(userCount()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
