package dev.appdb.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.application.importing.ExternalIdentity;
import dev.appdb.application.importing.ImportListener;
import dev.appdb.application.importing.ImportRecord;
import dev.appdb.application.importing.ImportReport;
import dev.appdb.application.importing.ImportUsers;
import dev.appdb.application.importing.ImportedUser;
import dev.appdb.application.importing.UnreadableUser;
import dev.appdb.application.port.TransactionalWork;
import dev.appdb.application.port.Transactions;
import dev.appdb.application.port.UnitOfWork;
import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.identity.UserIdentityRepository;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import dev.appdb.domain.user.UserRepository;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The import use case over an adapter: counts, idempotency, rejections, batches. */
public abstract class ImportUsersContractTest extends ContractTest {

  private final Map<String, String> rejections = new LinkedHashMap<>();
  private final ImportListener listener = new ImportListener() {
    @Override
    public void rejected(String key, String reason) {
      rejections.put(key, reason);
    }
  };

  private ImportReport run(int batchSize, List<ImportRecord> records) {
    rejections.clear();
    return new ImportUsers(transactions(), Clock.systemUTC(), batchSize)
        .importUsers(records.iterator(), listener);
  }

  private static ImportedUser user(String key, String email, ExternalIdentity... identities) {
    return new ImportedUser(key, "First " + key, "Last", email, true, null, List.of(identities));
  }

  private static ExternalIdentity realm(String subject) {
    return new ExternalIdentity("keycloak:test", subject);
  }

  @Test
  void importIsIdempotentAndCountsEveryEntryOnce() {
    List<ImportRecord> records = List.of(
        user("a", "a@example.com", realm("a")),
        user("b", null, realm("b"), new ExternalIdentity("google1", "g-b")),
        new UnreadableUser("svc", "service account"),
        user("bad", "not-an-email", realm("bad")));

    ImportReport first = run(2, records);
    ImportReport second = run(2, records);

    assertThat(first).isEqualTo(new ImportReport(2, 0, 0, 2));
    assertThat(second).isEqualTo(new ImportReport(0, 0, 2, 2));
    assertThat(rejections).containsOnlyKeys("svc", "bad");
    assertThat(rejections.get("bad")).startsWith("email:");
    assertThat(userCount()).isEqualTo(2);
  }

  @Test
  void anExistingUserIsMatchedByEmailAndGetsTheNewIdentities() {
    User existing = save(newUser("Existing", "Shared@Example.com", Instant.now()));

    ImportReport report = run(10, List.of(user("x", "shared@example.com", realm("x"))));

    assertThat(report).isEqualTo(new ImportReport(0, 1, 0, 0));
    assertThat(findIdentity(new Issuer("keycloak:test"), "x")).get()
        .extracting(identity -> identity.userId()).isEqualTo(existing.id());
    assertThat(findUser(existing.id()))
        .contains(existing);
  }

  @Test
  void anUnverifiedEmailIsNeitherMatchedNorStored() {
    User owner = save(newUser("Owner", "owner@example.com", Instant.now()));

    ImportReport report = run(10, List.of(new ImportedUser("mallory", "Mallory", "M",
        "OWNER@example.com", false, null, List.of(realm("mallory")))));

    assertThat(report).isEqualTo(new ImportReport(1, 0, 0, 0));
    UserId mallory = findIdentity(new Issuer("keycloak:test"), "mallory").orElseThrow().userId();
    assertThat(mallory).isNotEqualTo(owner.id());
    assertThat(findUser(mallory).orElseThrow().email()).isNull();
    assertThat(identitiesOf(owner.id())).isEmpty();
  }

  @Test
  void twoRealmAccountsSharingAFederatedIdentityOrAnEmailAreNotMerged() {
    ExternalIdentity google = new ExternalIdentity("google", "G1");

    ImportReport report = run(10, List.of(
        user("alice", "alice@example.com", realm("alice"), google),
        user("mallory", "mallory@example.com", realm("mallory"), google),
        user("eve", "ALICE@example.com", realm("eve"))));

    assertThat(report).isEqualTo(new ImportReport(1, 0, 0, 2));
    assertThat(rejections.get("mallory")).contains("already has another subject at issuer keycloak:test");
    assertThat(rejections.get("eve")).contains("already has another subject at issuer keycloak:test");
    assertThat(findIdentity(new Issuer("keycloak:test"), "mallory")).isEmpty();
  }

  @Test
  void identitiesOfTwoDifferentUsersAreRejected() {
    run(10, List.of(user("one", null, realm("one")), user("two", null, realm("two"))));

    ImportReport report = run(10, List.of(user("both", null, realm("one"), realm("two"))));

    assertThat(report).isEqualTo(new ImportReport(0, 0, 0, 1));
    assertThat(rejections.get("both")).contains("different users");
  }

  @Test
  void anEntryListingAnIdentityTwiceIsRejectedAndTheRestOfItsBatchCommits() {
    ImportReport report = run(3, List.of(
        user("before", null, realm("before")),
        user("twice", null, realm("twice"), realm("twice")),
        user("after", null, realm("after"))));

    assertThat(report).isEqualTo(new ImportReport(2, 0, 0, 1));
    assertThat(rejections.get("twice"))
        .isEqualTo("identities: (keycloak:test, twice) is listed twice");
    assertThat(userCount()).isEqualTo(2);
  }

  @Test
  void aBatchTheDatabaseRefusesIsRolledBackAndRedoneEntryByEntry() {
    // A writer that takes "b@example.com" between the batch's lookups and its inserts, inside
    // the batch's own unit of work (so both databases see it): the batch insert of the users
    // fails, the unit rolls back (the intruder with it), and every entry is redone alone.
    User intruder = newUser("Intruder", "b@example.com", Instant.now());
    Transactions racing = new Transactions() {
      private boolean raced;

      @Override
      public <T> T inTransaction(TransactionalWork<T> work) {
        return transactions().inTransaction(tx -> work.run(raced ? tx : racedOnce(tx)));
      }

      @Override
      public <T> T readOnly(TransactionalWork<T> work) {
        return transactions().readOnly(work);
      }

      private UnitOfWork racedOnce(UnitOfWork tx) {
        raced = true;
        UserRepository users = (UserRepository) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {UserRepository.class},
            (proxy, method, args) -> {
              if (method.getName().equals("createAll")) {
                tx.users().create(intruder);
              }
              try {
                return method.invoke(tx.users(), args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
        return new UnitOfWork() {
          @Override
          public UserRepository users() {
            return users;
          }

          @Override
          public UserIdentityRepository identities() {
            return tx.identities();
          }

          @Override
          public <R> R repository(Class<R> port) {
            return port == UserRepository.class ? port.cast(users) : tx.repository(port);
          }
        };
      }
    };

    ImportReport report = new ImportUsers(racing, Clock.systemUTC(), 10).importUsers(List.of(
        user("a", "a@example.com", realm("a")),
        user("b", "b@example.com", realm("b")),
        user("c", "c@example.com", realm("c"))).iterator(), listener);

    assertThat(report).isEqualTo(new ImportReport(3, 0, 0, 0));
    assertThat(findUser(intruder.id())).isEmpty();
    assertThat(findUserByEmail("b@example.com")).get().extracting(User::firstName)
        .isEqualTo("First b");
  }

  @Test
  void creationTimesFromTheSourceAreKept() {
    Instant created = Instant.parse("1970-01-01T00:02:03.654Z");
    run(10, List.of(new ImportedUser("old", null, null, null, false, created,
        List.of(realm("old")))));

    User user = transactions().readOnly(tx -> tx.users().list(null, 1)).items().get(0);
    assertThat(user.createdAt()).isEqualTo(created);
    assertThat(user.firstName()).isEqualTo("old");
    assertThat(user.lastName()).isEqualTo("old");
  }

  @Test
  void manyBatchesCommitAndReportProgress() {
    List<ImportRecord> records = new ArrayList<>();
    for (int i = 0; i < 1234; i++) {
      records.add(user("u" + i, "u" + i + "@example.com", realm("u" + i)));
    }
    List<Long> progress = new ArrayList<>();
    ImportReport report = new ImportUsers(transactions(), Clock.systemUTC(), 500)
        .importUsers(records.iterator(), new ImportListener() {
          @Override
          public void committed(ImportReport soFar) {
            progress.add(soFar.total());
          }
        });

    assertThat(report.created()).isEqualTo(1234);
    assertThat(progress).containsExactly(500L, 1000L, 1234L);
    assertThat(userCount()).isEqualTo(1234);
  }

  @Test
  void aBatchDecidesEveryEntryAsOneEntryPerUnitOfWorkWould() {
    User existing = newUser("Existing", "e@example.com", Instant.parse("2020-01-01T00:00:00Z"));
    ExternalIdentity g1 = new ExternalIdentity("google", "G1");
    List<ImportRecord> records = List.of(
        user("alice", "alice@example.com", realm("alice"), g1),
        user("mallory", "mallory@example.com", realm("mallory"), g1),
        user("eve", "ALICE@example.com", realm("eve")),
        user("e2", "E@example.com", new ExternalIdentity("google", "G2")),
        user("e3", null, realm("e")),
        user("both", null, realm("e"), g1),
        new ImportedUser("unverified", "U", "V", "alice@example.com", false, null,
            List.of(realm("unverified"))),
        user("alice-again", "alice@example.com", realm("alice")),
        user("bob", "bob@example.com", realm("bob")),
        user("bob2", "BOB@example.com", new ExternalIdentity("google", "G3")),
        user("invalid", "not-an-email", realm("invalid")),
        new UnreadableUser("svc", "service account"),
        user("new1", "new@example.com", realm("n1")),
        user("new2", "NEW@example.com", realm("n2")));

    Map<String, Object> oneAtATime = importInto(existing, 1, records);
    database().deleteAllRows();
    Map<String, Object> oneBatch = importInto(existing, 500, records);

    assertThat(oneBatch).isEqualTo(oneAtATime);
    assertThat(oneBatch.get("report")).isEqualTo(new ImportReport(4, 2, 2, 6));
    assertThat(rejections).containsOnlyKeys(
        "mallory", "eve", "both", "invalid", "svc", "new2");
  }

  @Test
  void twoImportsOfOneSourceAtOnceCreateEveryUserOnce() throws Exception {
    List<ImportRecord> records = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      records.add(i % 3 == 0
          ? user("n" + i, null, realm("n" + i), new ExternalIdentity("google", "g" + i))
          : user("u" + i, "u" + i + "@example.com", realm("u" + i)));
    }
    List<ImportReport> reports = importAtOnce(List.of(records, records));
    ImportReport first = reports.get(0);
    ImportReport second = reports.get(1);

    assertThat(first.rejected() + second.rejected()).isZero();
    assertThat(first.created() + second.created()).isEqualTo(600);
    assertThat(first.unchanged() + second.unchanged()).isEqualTo(600);
    assertThat(userCount()).isEqualTo(600);
    assertThat(findIdentity(new Issuer("google"), "g3")).get()
        .extracting(UserIdentity::userId)
        .isEqualTo(findIdentity(new Issuer("keycloak:test"), "n3").orElseThrow().userId());
  }

  @Test
  void twoImportsAtOnceNeverMergeTwoAccountsOfOneIssuerIntoAUser() throws Exception {
    List<User> owners = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      owners.add(save(newUser("Owner" + i, "p" + i + "@example.com", Instant.now())));
    }
    List<ImportRecord> alices = new ArrayList<>();
    List<ImportRecord> eves = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      alices.add(user("alice" + i, "p" + i + "@example.com", realm("alice" + i)));
      eves.add(user("eve" + i, "P" + i + "@example.com", realm("eve" + i)));
    }
    List<ImportReport> reports = importAtOnce(List.of(alices, eves));
    ImportReport first = reports.get(0);
    ImportReport second = reports.get(1);

    assertThat(first.linked() + second.linked()).isEqualTo(200);
    assertThat(first.rejected() + second.rejected()).isEqualTo(200);
    assertThat(owners).allSatisfy(owner -> assertThat(identitiesOf(owner.id())).hasSize(1));
  }

  /** Starts one import per source at the same moment, 50 records per batch; their reports. */
  private List<ImportReport> importAtOnce(List<List<ImportRecord>> sources) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(sources.size());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ImportReport>> runs = new ArrayList<>();
    for (List<ImportRecord> source : sources) {
      runs.add(pool.submit(() -> {
        assertThat(start.await(60, TimeUnit.SECONDS)).as("the start signal").isTrue();
        return new ImportUsers(transactions(), Clock.systemUTC(), 50)
            .importUsers(source.iterator(), ImportListener.NONE);
      }));
    }
    start.countDown();
    List<ImportReport> reports = new ArrayList<>();
    for (Future<ImportReport> run : runs) {
      reports.add(assertThat(run).as("import %d of %d", reports.size() + 1, runs.size())
          .succeedsWithin(Duration.ofMinutes(2)).actual());
    }
    pool.shutdown();
    return reports;
  }

  @Test
  void anEntryWithNeitherIdentityNorVerifiedEmailIsRejectedSoASecondImportCreatesNothing() {
    List<ImportRecord> records = List.of(
        new ImportedUser("nobody", "No", "Body", "nobody@example.com", false, null, List.of()),
        user("verified", "verified@example.com"));

    ImportReport first = run(10, records);
    ImportReport second = run(10, records);

    assertThat(first).isEqualTo(new ImportReport(1, 0, 0, 1));
    assertThat(second).isEqualTo(new ImportReport(0, 0, 1, 1));
    assertThat(rejections.get("nobody")).startsWith("identities: at least one is required");
    assertThat(userCount()).isEqualTo(1);
  }

  /**
   * Imports into a database holding only {@code existing} (linked to realm subject "e") and
   * describes the outcome without the generated ids: the report, the rejections (ids replaced by
   * first names) and every user's first name, email and identities.
   */
  private Map<String, Object> importInto(User existing, int batchSize, List<ImportRecord> records) {
    save(existing);
    transactions().inTransaction(tx -> tx.identities().link(new UserIdentity(
        new Issuer("keycloak:test"), new Subject("e"), existing.id(), Instant.now())));
    ImportReport report = run(batchSize, records);
    List<User> users = transactions().readOnly(tx -> tx.users().list(null, 100)).items();
    Map<String, String> names = new HashMap<>();
    users.forEach(u -> names.put(u.id().toString(), u.firstName()));
    Map<String, Object> outcome = new TreeMap<>();
    outcome.put("report", report);
    rejections.forEach((key, reason) -> {
      String named = reason;
      for (Map.Entry<String, String> id : names.entrySet()) {
        named = named.replace(id.getKey(), id.getValue());
      }
      outcome.put("rejected " + key, named);
    });
    for (User u : users) {
      outcome.put("user " + u.firstName(), (u.email() == null ? "-" : u.email().value()) + " "
          + identitiesOf(u.id()).stream().map(i -> i.issuer().value() + "/" + i.subject().value())
              .sorted().toList());
    }
    return outcome;
  }
}
