package dev.appdb.application.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.application.fake.InMemoryTransactions;
import dev.appdb.application.port.TransactionalWork;
import dev.appdb.application.port.Transactions;
import dev.appdb.application.signin.SignInResult.Outcome;
import dev.appdb.domain.error.ConcurrentUpdateException;
import dev.appdb.domain.error.DuplicateException;
import dev.appdb.domain.error.IdentityAlreadyLinkedException;
import dev.appdb.domain.error.ValidationException;
import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Sign-in's decisions, on the in-memory database: which path, which names, which email. */
class SignInTest {

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00.123456Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Issuer GOOGLE = new Issuer("https://accounts.google.com");
  private static final String EMOJI = "\uD83D\uDE00";

  private final InMemoryTransactions db = new InMemoryTransactions();
  private final SignIn signIn = new SignIn(db, CLOCK);

  /** Claims with an email but no names; the tests add what they need. */
  private static VerifiedClaims claims(String subject, String email, boolean verified,
      String given, String family, String name, String preferred) {
    return new VerifiedClaims(GOOGLE, new Subject(subject), email, verified, given, family, name,
        preferred);
  }

  private static VerifiedClaims names(String given, String family, String name,
      String preferred) {
    return claims("sub", null, false, given, family, name, preferred);
  }

  private User signInNew(VerifiedClaims claims) {
    SignInResult result = signIn.signIn(claims);
    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    return result.user();
  }

  private User existing(String first, String email) {
    return db.inTransaction(tx -> tx.users().create(
        User.register(first, "Existing", Email.ofNullable(email), NOW.minusSeconds(3600))));
  }

  private long userCount() {
    return db.readOnly(tx -> tx.users().count());
  }

  @Nested
  class Names {

    @Test
    void givenAndFamilyNamesWinAndAreStripped() {
      User user = signInNew(names(" Elisa ", "Beckett\t", "Someone Else", "eb"));

      assertThat(user.firstName()).isEqualTo("Elisa");
      assertThat(user.lastName()).isEqualTo("Beckett");
    }

    @Test
    void theFullNameFillsTheMissingParts() {
      User both = signInNew(claims("s1", null, false, null, null, "Ada Linwick", "ada"));
      User lastOnly = signInNew(claims("s2", null, false, "Augusta", null, "Ada Linwick", "ada"));

      assertThat(both.firstName()).isEqualTo("Ada");
      assertThat(both.lastName()).isEqualTo("Linwick");
      assertThat(lastOnly.firstName()).isEqualTo("Augusta");
      assertThat(lastOnly.lastName()).isEqualTo("Linwick");
    }

    @Test
    void thePreferredUsernameIsTheHandleFirst() {
      User noName = signInNew(claims("s1", "ada@example.com", true, null, null, null, "adal"));
      User oneWord = signInNew(claims("s2", null, false, null, null, "Cher", "cher99"));

      assertThat(noName.firstName()).isEqualTo("adal");
      assertThat(noName.lastName()).isEqualTo("adal");
      assertThat(oneWord.firstName()).isEqualTo("Cher");
      assertThat(oneWord.lastName()).isEqualTo("cher99");
    }

    @Test
    void withoutAUsernameTheVerifiedEmailIsTheHandle() {
      User user = signInNew(claims("s1", "Ada@Example.com", true, null, null, " ", "  "));

      assertThat(user.firstName()).isEqualTo("Ada@Example.com");
      assertThat(user.lastName()).isEqualTo("Ada@Example.com");
      assertThat(user.email()).isEqualTo(new Email("Ada@Example.com"));
    }

    @Test
    void anUnverifiedEmailIsNeverANameTheSubjectIs() {
      User user = signInNew(claims("2718281828", "victim@example.com", false,
          null, null, null, null));

      assertThat(user.firstName()).isEqualTo("2718281828");
      assertThat(user.lastName()).isEqualTo("2718281828");
      assertThat(user.email()).isNull();
    }

    @Test
    void aBlankVerifiedEmailIsNoEmailAndNoHandle() {
      User user = signInNew(claims("s-blank", "   ", true, null, null, null, null));

      assertThat(user.firstName()).isEqualTo("s-blank");
      assertThat(user.email()).isNull();
    }

    @Test
    void longNamesAreCutToOneHundredCharactersNotRefused() {
      User explicit = signInNew(claims("s1", null, false, "G".repeat(150), "B".repeat(101),
          null, null));
      User fromHandle = signInNew(claims("s2", null, false, null, null, null, "p".repeat(300)));
      User fromFullName = signInNew(claims("s3", null, false, null, null,
          "F".repeat(120) + " " + "L".repeat(120), null));

      assertThat(explicit.firstName()).isEqualTo("G".repeat(100));
      assertThat(explicit.lastName()).isEqualTo("B".repeat(100));
      assertThat(fromHandle.firstName()).isEqualTo("p".repeat(100));
      assertThat(fromHandle.lastName()).isEqualTo("p".repeat(100));
      assertThat(fromFullName.firstName()).isEqualTo("F".repeat(100));
      assertThat(fromFullName.lastName()).isEqualTo("L".repeat(100));
    }

    @Test
    void aCutNeverSplitsACharacterOutsideTheBasicPlane() {
      User user = signInNew(names("a".repeat(99) + EMOJI, "b".repeat(98) + EMOJI + "c",
          null, null));

      assertThat(user.firstName()).isEqualTo("a".repeat(99));
      assertThat(user.lastName()).isEqualTo("b".repeat(98) + EMOJI);
    }

    @Test
    void aNameOfNoBreakSpacesOrInvisibleCharactersFallsBackInsteadOfLockingThePersonOut() {
      User user = signInNew(claims("s-nbsp", null, false, "\u00A0", "\u200B", "\u2007",
          "ada"));

      assertThat(user.firstName()).isEqualTo("ada");
      assertThat(user.lastName()).isEqualTo("ada");
    }

    @Test
    void aNameThatBreaksARuleOtherThanLengthIsRefusedAndNothingIsWritten() {
      assertThatThrownBy(() -> signIn.signIn(names("Ada\u0000", "Lovelace", null, null)))
          .isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.field()).isEqualTo("firstName"));

      assertThat(userCount()).isZero();
      assertThat(db.rollbacks()).as("one unit, not retried").isEqualTo(1);
      assertThat(db.commits()).isZero();
    }
  }

  @Nested
  class Emails {

    @Test
    void aVerifiedEmailIsStoredAsSpelled() {
      User user = signInNew(claims("s1", "Elisa.Beckett@Gmail.com", true, "Elisa", "Beckett",
          null, null));

      assertThat(user.email()).isEqualTo(new Email("Elisa.Beckett@Gmail.com"));
    }

    @Test
    void aMalformedVerifiedEmailIsRefusedNamingTheField() {
      assertThatThrownBy(() -> signIn.signIn(claims("s1", "not an email", true, "Ada", "L",
          null, null)))
          .isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.field()).isEqualTo("email"));
      assertThat(userCount()).isZero();
    }

    @Test
    void aMalformedUnverifiedEmailIsIgnoredLikeAnyUnverifiedOne() {
      User user = signInNew(claims("s1", "not an email", false, "Ada", "L", null, null));

      assertThat(user.email()).isNull();
    }
  }

  @Nested
  class Paths {

    @Test
    void aNewIdentityCreatesAUserAndItsLinkAtTheClocksTime() {
      SignInResult result = signIn.signIn(claims("314", "elisa@gmail.com", true, "Elisa",
          "Beckett", null, null));

      User user = result.user();
      assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
      assertThat(user.createdAt()).isEqualTo(NOW);
      assertThat(user.updatedAt()).isEqualTo(NOW);
      assertThat(user.version()).isZero();
      assertThat(result.identity())
          .isEqualTo(new UserIdentity(GOOGLE, new Subject("314"), user.id(), NOW));
      List<UserIdentity> links = db.readOnly(tx -> tx.identities().listForUser(user.id()));
      assertThat(links).containsExactly(result.identity());
    }

    @Test
    void aLinkedIdentitySignsInItsUserAsStoredAndWritesNothing() {
      User first = signInNew(claims("314", "elisa@gmail.com", true, "Elisa", "Beckett",
          null, null));
      db.clearPortCalls();

      SignInResult again = signIn.signIn(claims("314", "other@gmail.com", true, "Changed",
          "Name", null, null));

      assertThat(again.outcome()).isEqualTo(Outcome.EXISTING);
      assertThat(again.user()).isEqualTo(first);
      assertThat(again.identity().linkedAt()).isEqualTo(NOW);
      assertThat(db.portCallMethods())
          .containsExactly("identities.find", "users.findById");
    }

    @Test
    void aVerifiedEmailLinksTheNewIdentityToTheUserWithThatEmailIgnoringCase() {
      User owner = existing("Owner", "Elisa@Gmail.com");

      SignInResult result = signIn.signIn(claims("314", "elisa@GMAIL.com", true, "Other",
          "Names", null, null));

      assertThat(result.outcome()).isEqualTo(Outcome.LINKED_BY_EMAIL);
      assertThat(result.user()).as("the profile is not overwritten").isEqualTo(owner);
      assertThat(result.identity())
          .isEqualTo(new UserIdentity(GOOGLE, new Subject("314"), owner.id(), NOW));
      assertThat(userCount()).isEqualTo(1);
    }

    @Test
    void anUnverifiedEmailNeverLinksToTheUserWithThatEmail() {
      User victim = existing("Victim", "victim@example.com");

      SignInResult result = signIn.signIn(claims("attacker", "victim@example.com", false,
          "Mallory", "M", null, null));

      assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
      assertThat(result.user().id()).isNotEqualTo(victim.id());
      assertThat(result.user().email()).isNull();
      List<UserIdentity> victimsLinks =
          db.readOnly(tx -> tx.identities().listForUser(victim.id()));
      assertThat(victimsLinks).isEmpty();
      assertThat(userCount()).isEqualTo(2);
    }
  }

  @Nested
  class Collisions {

    @Test
    void aConcurrentFirstSignInThatWinsIsFoundByTheRetry() {
      // another sign-in of the same identity commits between this one's lookups and inserts
      User winner = User.register("Winner", "W", null, NOW);
      db.raceBeforeNextWrite(tx -> {
        tx.users().create(winner);
        return tx.identities().link(new UserIdentity(GOOGLE, new Subject("race"), winner.id(),
            NOW));
      });

      SignInResult result = signIn.signIn(claims("race", null, false, "Loser", "L", null, null));

      assertThat(result.outcome()).isEqualTo(Outcome.EXISTING);
      assertThat(result.user()).isEqualTo(winner);
      assertThat(userCount()).as("the loser's user was rolled back").isEqualTo(1);
      assertThat(db.rollbacks()).isEqualTo(1);
    }

    @Test
    void aConcurrentWriterTakingTheVerifiedEmailMakesTheRetryLinkToIt() {
      User taker = User.register("Taker", "T", new Email("race@example.com"), NOW);
      db.raceBeforeNextWrite(tx -> tx.users().create(taker));

      SignInResult result = signIn.signIn(claims("s1", "RACE@example.com", true, "Late", "L",
          null, null));

      assertThat(result.outcome()).isEqualTo(Outcome.LINKED_BY_EMAIL);
      assertThat(result.user()).isEqualTo(taker);
      assertThat(userCount()).isEqualTo(1);
    }

    @Test
    void afterThreeCollisionsInARowTheLastIsThrown() {
      List<DuplicateException> thrown = new ArrayList<>();
      Transactions colliding = failing(() -> {
        DuplicateException collision =
            new IdentityAlreadyLinkedException(GOOGLE.value(), "attempt-" + thrown.size());
        thrown.add(collision);
        return collision;
      });

      assertThatThrownBy(() -> new SignIn(colliding, CLOCK).signIn(names("A", "B", null, null)))
          .isSameAs(thrown.get(2));
      assertThat(thrown).hasSize(3);
    }

    @Test
    void otherErrorsAreNotRetried() {
      int[] attempts = new int[1];
      Transactions conflicting = failing(() -> {
        attempts[0]++;
        return new ConcurrentUpdateException("serialization failure");
      });

      assertThatThrownBy(() -> new SignIn(conflicting, CLOCK).signIn(names("A", "B", null, null)))
          .isInstanceOf(ConcurrentUpdateException.class);
      assertThat(attempts[0]).isEqualTo(1);
    }

    /** A unit-of-work port whose read-write units all fail with what {@code failure} makes. */
    private Transactions failing(java.util.function.Supplier<RuntimeException> failure) {
      return new Transactions() {
        @Override
        public <T> T inTransaction(TransactionalWork<T> work) {
          throw failure.get();
        }

        @Override
        public <T> T readOnly(TransactionalWork<T> work) {
          throw new AssertionError("sign-in runs in a read-write unit");
        }
      };
    }
  }
}
