package dev.appdb.application.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.application.fake.InMemoryTransactions;
import dev.appdb.application.fake.PortCall;
import dev.appdb.domain.error.UnexpectedDatabaseException;
import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The import's decisions, on the in-memory database: matching, rejections, re-runs, batches. */
class ImportUsersTest {

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00.123456Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String REALM = "keycloak:test";
  private static final Issuer REALM_ISSUER = new Issuer(REALM);
  private static final Issuer GOOGLE = new Issuer("google");

  /** The statements one batch costs, whatever its size. */
  private static final List<String> ONE_BATCH = List.of("identities.findAll", "users.findByIds",
      "users.findByEmails", "users.lockAll", "identities.listForUsers", "users.createAll",
      "identities.linkAll");

  private final InMemoryTransactions db = new InMemoryTransactions();
  private final Map<String, String> rejections = new LinkedHashMap<>();
  private final List<ImportReport> committed = new ArrayList<>();
  private final ImportListener listener = new ImportListener() {
    @Override
    public void rejected(String key, String reason) {
      rejections.put(key, reason);
    }

    @Override
    public void committed(ImportReport report) {
      committed.add(report);
    }
  };

  private ImportReport run(int batchSize, ImportRecord... records) {
    rejections.clear();
    committed.clear();
    return new ImportUsers(db, CLOCK, batchSize).importUsers(List.of(records).iterator(),
        listener);
  }

  private static ImportedUser entry(String key, String email, ExternalIdentity... identities) {
    return new ImportedUser(key, "First " + key, "Last", email, true, null,
        List.of(identities));
  }

  private static ExternalIdentity realm(String subject) {
    return new ExternalIdentity(REALM, subject);
  }

  private static ExternalIdentity google(String subject) {
    return new ExternalIdentity(GOOGLE.value(), subject);
  }

  private User stored(String first, String email, ExternalIdentity... identities) {
    return db.inTransaction(tx -> {
      User user = tx.users().create(User.register(first, "Stored", Email.ofNullable(email),
          NOW.minusSeconds(86_400)));
      for (ExternalIdentity identity : identities) {
        tx.identities().link(new UserIdentity(new Issuer(identity.issuer()),
            new Subject(identity.subject()), user.id(), NOW.minusSeconds(86_400)));
      }
      return user;
    });
  }

  private Optional<User> user(UserId id) {
    return db.readOnly(tx -> tx.users().findById(id));
  }

  private Optional<User> userWithEmail(String email) {
    return db.readOnly(tx -> tx.users().findByEmail(new Email(email)));
  }

  private Optional<UserId> owner(ExternalIdentity identity) {
    return db.readOnly(tx -> tx.identities().find(new Issuer(identity.issuer()),
        new Subject(identity.subject()))).map(UserIdentity::userId);
  }

  /** @return the user's identities as issuer/subject, sorted */
  private List<String> identitiesOf(UserId id) {
    return db.readOnly(tx -> tx.identities().listForUser(id)).stream()
        .map(link -> link.issuer().value() + "/" + link.subject().value()).sorted().toList();
  }

  private long userCount() {
    return db.readOnly(tx -> tx.users().count());
  }

  @Nested
  class Matching {

    @Test
    void aLinkedIdentityWinsOverTheVerifiedEmailOfAnotherUser() {
      User byIdentity = stored("Ann", "ann@example.com", realm("ann"));
      User byEmail = stored("Bea", "bea@example.com");

      ImportReport report = run(10, entry("x", "bea@example.com", realm("ann"), google("g")));

      assertThat(report).isEqualTo(new ImportReport(0, 1, 0, 0));
      assertThat(identitiesOf(byIdentity.id())).containsExactly("google/g", REALM + "/ann");
      assertThat(identitiesOf(byEmail.id())).isEmpty();
      assertThat(user(byIdentity.id())).as("profile never overwritten").contains(byIdentity);
    }

    @Test
    void withoutALinkedIdentityTheVerifiedEmailMatchesIgnoringCase() {
      User bea = stored("Bea", "Bea@Example.com");

      ImportReport report = run(10, entry("bea", "bea@EXAMPLE.com", realm("bea")));

      assertThat(report).isEqualTo(new ImportReport(0, 1, 0, 0));
      assertThat(owner(realm("bea"))).contains(bea.id());
      assertThat(user(bea.id())).as("names and spelling kept").contains(bea);
    }

    @Test
    void anUnverifiedEmailNeitherMatchesNorIsStored() {
      User owner = stored("Owner", "owner@example.com");

      ImportReport report = run(10, new ImportedUser("mallory", "Mallory", "M",
          "owner@example.com", false, null, List.of(realm("mallory"))));

      assertThat(report).isEqualTo(new ImportReport(1, 0, 0, 0));
      UserId mallory = owner(realm("mallory")).orElseThrow();
      assertThat(mallory).isNotEqualTo(owner.id());
      assertThat(user(mallory).orElseThrow().email()).isNull();
      assertThat(identitiesOf(owner.id())).isEmpty();
    }

    @Test
    void aMatchThatHasEveryIdentityAlreadyIsUnchangedAndNothingIsWritten() {
      User ann = stored("Ann", "ann@example.com", realm("ann"), google("g"));
      db.clearPortCalls();

      ImportReport report = run(10, entry("ann", "other@example.com", google("g"), realm("ann")));

      assertThat(report).isEqualTo(new ImportReport(0, 0, 1, 0));
      assertThat(db.portCallMethods()).isEqualTo(ONE_BATCH);
      assertThat(db.portCalls())
          .filteredOn(call -> List.of("users.createAll", "identities.linkAll")
              .contains(call.method()))
          .hasSize(2)
          .allSatisfy(write -> assertThat(write.argument(0)).isEqualTo(List.of()));
      assertThat(user(ann.id())).contains(ann);
    }

    @Test
    void anIdentityAtAnotherIssuerIsLinkedToTheMatch() {
      User ann = stored("Ann", "ann@example.com", realm("ann"));

      ImportReport report = run(10, entry("ann2", "ANN@example.com", google("g-ann")));

      assertThat(report).isEqualTo(new ImportReport(0, 1, 0, 0));
      assertThat(identitiesOf(ann.id())).containsExactly("google/g-ann", REALM + "/ann");
    }

    @Test
    void aNewUserGetsTheSourcesCreationTimeTruncatedAndItsLinksTheClocksTime() {
      Instant created = Instant.parse("2019-07-01T08:30:00.123456789Z");

      run(10, new ImportedUser("old", "Old", "Timer", "old@example.com", true, created,
              List.of(realm("old"))),
          new ImportedUser("new", "New", "Comer", null, false, null, List.of(realm("new"))));

      User old = userWithEmail("old@example.com").orElseThrow();
      User fresh = user(owner(realm("new")).orElseThrow()).orElseThrow();
      assertThat(old.createdAt()).isEqualTo(Instant.parse("2019-07-01T08:30:00.123456Z"));
      assertThat(old.updatedAt()).isEqualTo(old.createdAt());
      assertThat(fresh.createdAt()).isEqualTo(NOW);
      List<UserIdentity> oldLinks = db.readOnly(tx -> tx.identities().listForUser(old.id()));
      assertThat(oldLinks).extracting(UserIdentity::linkedAt).containsExactly(NOW);
    }

    @Test
    void namesBlankToTheDomainAreDerivedLikeMissingOnes() {
      ImportReport report = run(10, new ImportedUser("nbsp", "\u00A0", "\u200B",
          "nbsp@example.com", true, null, List.of()));

      assertThat(report).isEqualTo(new ImportReport(1, 0, 0, 0));
      User nbsp = userWithEmail("nbsp@example.com").orElseThrow();
      assertThat(List.of(nbsp.firstName(), nbsp.lastName())).containsExactly("nbsp", "nbsp");
    }

    @Test
    void missingNamesAreDerivedWithTheKeyAsHandle() {
      run(10, new ImportedUser("jdoe", null, " ", "j@example.com", true, null, List.of()),
          new ImportedUser("mx", null, "Smith", "m@example.com", true, null, List.of()));

      User jdoe = userWithEmail("j@example.com").orElseThrow();
      User mx = userWithEmail("m@example.com").orElseThrow();
      assertThat(List.of(jdoe.firstName(), jdoe.lastName())).containsExactly("jdoe", "jdoe");
      assertThat(List.of(mx.firstName(), mx.lastName())).containsExactly("mx", "Smith");
    }
  }

  @Nested
  class Rejections {

    @Test
    void everyRejectionNamesItsReasonAndTheOthersGoOn() {
      ImportReport report = run(10,
          new UnreadableUser("svc", "serviceAccountClientId: a service account"),
          entry("bad-email", "not-an-email", realm("bad-email")),
          new ImportedUser("long", "A".repeat(101), "L", null, false, null,
              List.of(realm("long"))),
          new ImportedUser("nobody", "No", "Body", "nobody@example.com", false, null,
              List.of()),
          entry("twice", null, realm("t"), google("t"), realm("t")),
          entry("accent", null, realm("\u00e9")),
          entry("fine", "fine@example.com", realm("fine")));

      assertThat(report).isEqualTo(new ImportReport(1, 0, 0, 6));
      assertThat(rejections).containsExactly(
          Map.entry("svc", "serviceAccountClientId: a service account"),
          Map.entry("bad-email", "email: must contain exactly one '@', was 'not-an-email'"),
          Map.entry("long", "firstName: must be at most 100 characters, was 101"),
          Map.entry("nobody", "identities: at least one is required when the entry has no"
              + " verified email: otherwise a second import could not recognise the user"),
          Map.entry("twice", "identities: (keycloak:test, t) is listed twice"),
          Map.entry("accent",
              "subject: must be printable ASCII (U+0020-U+007E), found U+00E9 at index 0"));
      assertThat(userCount()).isEqualTo(1);
    }

    @Test
    void aMalformedEmailTheSourceDoesNotVouchForIsIgnoredNotRejected() {
      ImportReport report = run(10, new ImportedUser("loose", "Loose", "Mail", "not an email",
          false, null, List.of(realm("loose"))));

      assertThat(report).isEqualTo(new ImportReport(1, 0, 0, 0));
      assertThat(user(owner(realm("loose")).orElseThrow()).orElseThrow().email()).isNull();
    }

    @Test
    void identitiesLinkedToTwoDifferentUsersAreRejectedNamingBoth() {
      User one = stored("One", null, realm("one"));
      User two = stored("Two", null, realm("two"));

      ImportReport report = run(10, entry("both", null, realm("two"), realm("one")));

      assertThat(report).isEqualTo(new ImportReport(0, 0, 0, 1));
      assertThat(rejections.get("both"))
          .isEqualTo("identities: linked to different users [" + two.id() + ", " + one.id() + "]");
    }

    @Test
    void aMatchWithAnotherSubjectAtANewIdentitysIssuerIsNotMerged() {
      User alice = stored("Alice", "shared@example.com", realm("alice"));

      ImportReport report = run(10, entry("eve", "SHARED@example.com", realm("eve")));

      assertThat(report).isEqualTo(new ImportReport(0, 0, 0, 1));
      assertThat(rejections.get("eve")).isEqualTo("identities: the matching user " + alice.id()
          + " already has another subject at issuer keycloak:test; not merging two accounts");
      assertThat(owner(realm("eve"))).isEmpty();
    }

    @Test
    void theRuleOnlyConcernsIdentitiesTheMatchLacks() {
      User ann = stored("Ann", null, realm("ann"), google("g1"));

      ImportReport same = run(10, entry("ann", null, realm("ann"), google("g1")));
      ImportReport second = run(10, entry("ann-g2", null, realm("ann"), google("g2")));

      assertThat(same).isEqualTo(new ImportReport(0, 0, 1, 0));
      assertThat(second).isEqualTo(new ImportReport(0, 0, 0, 1));
      assertThat(rejections.get("ann-g2")).contains("another subject at issuer google");
      assertThat(identitiesOf(ann.id())).containsExactly("google/g1", REALM + "/ann");
    }
  }

  @Nested
  class ReRuns {

    @Test
    void aSecondImportOfTheSameSourceChangesNothing() {
      stored("Existing", "existing@example.com");
      ImportRecord[] source = {
          entry("a", "a@example.com", realm("a")),
          entry("b", null, realm("b"), google("g-b")),
          entry("existing", "existing@example.com", realm("existing")),
          new UnreadableUser("svc", "service account"),
          entry("bad", "not-an-email", realm("bad"))};

      ImportReport first = run(2, source);
      List<String> linksAfterFirst = allLinks();
      ImportReport second = run(2, source);

      assertThat(first).isEqualTo(new ImportReport(2, 1, 0, 2));
      assertThat(second).isEqualTo(new ImportReport(0, 0, 3, 2));
      assertThat(rejections).containsOnlyKeys("svc", "bad");
      assertThat(userCount()).isEqualTo(3);
      assertThat(allLinks()).isEqualTo(linksAfterFirst).hasSize(4);
    }

    @Test
    void aReRunWithANewIdentityOfAKnownUserLinksIt() {
      run(10, entry("a", null, realm("a")));

      ImportReport again = run(10, entry("a", null, realm("a"), google("g-a")));

      assertThat(again).isEqualTo(new ImportReport(0, 1, 0, 0));
      assertThat(identitiesOf(owner(realm("a")).orElseThrow()))
          .containsExactly("google/g-a", REALM + "/a");
    }

    private List<String> allLinks() {
      return db.readOnly(tx -> tx.users().list(null, 100)).items().stream()
          .flatMap(u -> identitiesOf(u.id()).stream().map(link -> u.firstName() + " " + link))
          .sorted().toList();
    }
  }

  @Nested
  class Batches {

    @Test
    void eachBatchIsOneUnitOfAFixedNumberOfCallsAndLaterBatchesSeeEarlierOnes() {
      db.clearPortCalls();

      ImportReport report = run(2,
          entry("u1", "one@example.com", realm("u1")),
          entry("u2", null, realm("u2")),
          entry("u3", "ONE@example.com", google("g-u3")),
          entry("u4", null, realm("u4")),
          entry("u5", null, realm("u5")));
      List<String> methods = db.portCallMethods();

      assertThat(report).isEqualTo(new ImportReport(4, 1, 0, 0));
      assertThat(db.commits()).isEqualTo(3);
      assertThat(committed).extracting(ImportReport::total).containsExactly(2L, 4L, 5L);
      List<String> threeBatches = new ArrayList<>();
      Collections.nCopies(3, ONE_BATCH).forEach(threeBatches::addAll);
      assertThat(methods).isEqualTo(threeBatches);
      assertThat(owner(google("g-u3"))).isEqualTo(owner(realm("u1")));
    }

    @Test
    void withinABatchEachEntrySeesTheEntriesBeforeIt() {
      db.clearPortCalls();

      ImportReport report = run(10,
          entry("first", "x@example.com", realm("first")),
          entry("same-email", "X@example.com", google("g")),
          entry("same-identity", null, realm("first"), new ExternalIdentity("github", "gh")),
          entry("clash", "x@EXAMPLE.com", realm("other")));
      List<PortCall> calls = db.portCalls();

      assertThat(report).isEqualTo(new ImportReport(1, 2, 0, 1));
      UserId x = owner(realm("first")).orElseThrow();
      assertThat(identitiesOf(x)).containsExactly("github/gh", "google/g", REALM + "/first");
      assertThat(rejections.get("clash")).contains("already has another subject at issuer "
          + REALM);
      assertThat(calls).extracting(PortCall::method).isEqualTo(ONE_BATCH);
      assertThat((List<?>) calls.get(5).argument(0)).as("users created").hasSize(1);
      assertThat((List<?>) calls.get(6).argument(0)).as("links made").hasSize(3);
    }

    @Test
    void anEmptySourceRunsNoUnitAndReportsNothing() {
      ImportReport report = run(10);

      assertThat(report).isEqualTo(new ImportReport(0, 0, 0, 0));
      assertThat(db.commits() + db.rollbacks()).isZero();
      assertThat(committed).isEmpty();
    }

    @Test
    void aBatchSizeBelowOneIsRefused() {
      assertThatThrownBy(() -> new ImportUsers(db, CLOCK, 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("batchSize must be at least 1, was 0");
    }

    @Test
    void aBatchAConcurrentWriterBreaksIsRolledBackAndRedoneEntryByEntry() {
      User intruder = User.register("Intruder", "I", new Email("b@example.com"), NOW);
      db.raceBeforeNextWrite(tx -> tx.users().create(intruder));

      ImportReport report = run(10,
          entry("a", "a@example.com", realm("a")),
          entry("b", "b@example.com", realm("b")),
          entry("c", "c@example.com", realm("c")));

      assertThat(report).isEqualTo(new ImportReport(2, 1, 0, 0));
      assertThat(owner(realm("b"))).contains(intruder.id());
      assertThat(db.rollbacks()).as("the batch").isEqualTo(1);
      assertThat(db.commits()).as("the intruder, then one unit per entry").isEqualTo(4);
      assertThat(committed).as("one report per batch").hasSize(1);
    }

    @Test
    void anEntryStillFailingAloneIsRejectedWithTheErrorAfterRetryingOnlyRaces() {
      User gone = stored("Gone", "m@example.com");
      AtomicReference<User> taker = new AtomicReference<>();
      // races run before a unit's first write or lock (here each unit's lockAll)
      // the batch: its match is deleted before its link (not found: redone alone)
      db.raceBeforeNextWrite(tx -> {
        tx.users().delete(gone.id());
        return null;
      });
      // alone, attempt 1: a new user's email is taken first (a duplicate: retried)
      db.raceBeforeNextWrite(tx -> {
        taker.set(tx.users().create(User.register("Taker", "T", new Email("m@example.com"),
            NOW)));
        return null;
      });
      // alone, attempt 2: the match is deleted before its link again (not retried)
      db.raceBeforeNextWrite(tx -> {
        tx.users().delete(taker.get().id());
        return null;
      });

      ImportReport report = run(10, entry("m", "m@example.com", realm("m")));

      assertThat(report).isEqualTo(new ImportReport(0, 0, 0, 1));
      assertThat(rejections.get("m")).isEqualTo("user " + taker.get().id() + " not found");
      assertThat(db.rollbacks()).as("the batch and two attempts alone").isEqualTo(3);
      assertThat(userCount()).isZero();
    }

    @Test
    void aDatabaseFailureStopsTheImportKeepingEarlierBatchesAndARerunFinishesIt() {
      List<InMemoryTransactions.Fault> faults = new ArrayList<>();
      ImportListener failAfterFirstBatch = new ImportListener() {
        @Override
        public void committed(ImportReport report) {
          committed.add(report);
          faults.add(db.failStatementsOn("users"));
        }
      };
      List<ImportRecord> source = Arrays.asList(
          entry("u1", null, realm("u1")), entry("u2", null, realm("u2")),
          entry("u3", null, realm("u3")), entry("u4", null, realm("u4")));

      assertThatThrownBy(() -> new ImportUsers(db, CLOCK, 2)
          .importUsers(source.iterator(), failAfterFirstBatch))
          .isInstanceOf(UnexpectedDatabaseException.class);
      faults.forEach(InMemoryTransactions.Fault::close);

      assertThat(committed).extracting(ImportReport::total).containsExactly(2L);
      assertThat(userCount()).isEqualTo(2);
      assertThat(owner(realm("u3"))).isEmpty();
      ImportReport rerun = run(2, source.toArray(ImportRecord[]::new));
      assertThat(rerun).isEqualTo(new ImportReport(2, 0, 2, 0));
      assertThat(userCount()).isEqualTo(4);
    }
  }
}
