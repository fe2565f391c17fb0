package dev.appdb.application.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.application.port.UnitOfWork;
import dev.appdb.domain.error.DuplicateEmailException;
import dev.appdb.domain.error.QueryTimeoutException;
import dev.appdb.domain.error.UnexpectedDatabaseException;
import dev.appdb.domain.identity.IdentityKey;
import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.identity.UserIdentityRepository;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import dev.appdb.domain.user.UserRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the contract suites do not cover of the in-memory database: its snapshots, its writers'
 * turns, and the hooks the use-case tests rely on (faults, races, port calls, unit counts).
 */
class InMemoryTransactionsHooksTest {

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final Issuer ISSUER = new Issuer("https://idp.example");

  private final InMemoryTransactions db = new InMemoryTransactions();

  private static User user(String first, String email) {
    return User.register(first, "Tester", Email.ofNullable(email), NOW);
  }

  private long count() {
    return db.readOnly(tx -> tx.users().count());
  }

  private Optional<UserIdentity> find(String subject) {
    return db.readOnly(tx -> tx.identities().find(ISSUER, new Subject(subject)));
  }

  @Test
  void aReadOnlyUnitReadsTheRowsCommittedWhenItBegan() {
    db.inTransaction(tx -> tx.users().create(user("Before", null)));

    List<Long> seen = db.readOnly(tx -> {
      long before = tx.users().count();
      db.inTransaction(writer -> writer.users().create(user("During", null)));
      return List.of(before, tx.users().count());
    });

    assertThat(seen).containsExactly(1L, 1L);
    assertThat(count()).isEqualTo(2);
  }

  @Test
  void aReadWriteUnitBegunInsideAnotherOnTheSameThreadIsRefusedAtOnce() {
    assertThatThrownBy(() -> db.inTransaction(outer -> {
      outer.users().create(user("Outer", null));
      return db.inTransaction(inner -> inner.users().count());
    })).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already open on this thread");

    assertThat(count()).isZero();
    assertThat(db.commits()).isZero();
    assertThat(db.rollbacks()).isEqualTo(1);
  }

  @Test
  @Timeout(20)
  void aWriterWaitsForTheOneBeforeItAtMostTheWriterTimeout() throws Exception {
    InMemoryTransactions slow = new InMemoryTransactions(Duration.ofMillis(200));
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<User> holder = pool.submit(() -> slow.inTransaction(tx -> {
        User created = tx.users().create(user("Holder", null));
        holding.countDown();
        await(release);
        return created;
      }));
      assertThat(holding.await(10, TimeUnit.SECONDS)).as("the holder wrote its row").isTrue();

      long start = System.nanoTime();
      assertThatThrownBy(() -> slow.inTransaction(tx -> tx.users().count()))
          .isInstanceOf(QueryTimeoutException.class).hasMessageContaining("PT0.2S");
      long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      // 200 ms writer timeout: at least most of it, and far less than waiting for the holder,
      // which ends only once released below (or after its own 10 s)
      assertThat(waitedMillis).isBetween(150L, 5_000L);
      long seenMeanwhile = slow.readOnly(tx -> tx.users().count());
      assertThat(seenMeanwhile).as("readers do not wait").isZero();
      release.countDown();
      assertThat(holder).as("the holder's unit").succeedsWithin(Duration.ofSeconds(10))
          .extracting(User::firstName).isEqualTo("Holder");
      long seenAfter = slow.readOnly(tx -> tx.users().count());
      assertThat(seenAfter).isEqualTo(1);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not released within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aRaceCommitsTheIntruderAfterTheUnitsReadsAndBeforeItsFirstWrite() {
    User intruder = user("Intruder", "race@example.com");
    db.raceBeforeNextWrite(tx -> tx.users().create(intruder));

    Optional<?>[] lookedUp = new Optional<?>[1];
    assertThatThrownBy(() -> db.inTransaction(tx -> {
      lookedUp[0] = tx.users().findByEmail(new Email("race@example.com"));
      return tx.users().create(user("Loser", "RACE@example.com"));
    })).isInstanceOf(DuplicateEmailException.class);

    assertThat(lookedUp[0]).as("the unit's read came before the intruder").isEmpty();
    Optional<User> committed = db.readOnly(
        tx -> tx.users().findByEmail(new Email("race@example.com")));
    assertThat(committed).contains(intruder);
    assertThat(db.commits()).as("the intruder's unit").isEqualTo(1);
    assertThat(db.rollbacks()).isEqualTo(1);
    // one race per call: the next writer meets none
    assertThat(db.inTransaction(tx -> tx.users().create(user("Next", null))).firstName())
        .isEqualTo("Next");
  }

  @Test
  void aRaceWaitsForAUnitThatWritesReadOnlyUnitsAndReadsDoNotTriggerIt() {
    db.raceBeforeNextWrite(tx -> tx.users().create(user("Intruder", null)));

    long seenByAReader = db.readOnly(tx -> tx.users().count());
    long seenByAWriterThatOnlyReads = db.inTransaction(tx -> tx.users().count());
    assertThat(seenByAReader).isZero();
    assertThat(seenByAWriterThatOnlyReads).isZero();
    long seenByTheWriter = db.inTransaction(tx -> {
      tx.users().create(user("Writer", null));
      return tx.users().count();
    });

    assertThat(seenByTheWriter).isEqualTo(2);
  }

  @Test
  void aFaultFailsEveryCallTouchingItsTableUntilClosed() {
    User owner = db.inTransaction(tx -> tx.users().create(user("Owner", null)));
    db.inTransaction(tx -> tx.identities().link(new UserIdentity(ISSUER, new Subject("s"),
        owner.id(), NOW)));

    try (InMemoryTransactions.Fault fault = db.failStatementsOn("users")) {
      assertThatThrownBy(this::count).isInstanceOf(UnexpectedDatabaseException.class)
          .hasMessageContaining("users");
      assertThat(find("s")).as("the other table").isPresent();
      assertThatThrownBy(() -> db.inTransaction(tx -> tx.identities().link(
          new UserIdentity(ISSUER, new Subject("t"), owner.id(), NOW))))
          .as("a link reads users through its foreign key")
          .isInstanceOf(UnexpectedDatabaseException.class);
      List<User> none = db.readOnly(tx -> tx.users().findByIds(List.of()));
      assertThat(none).as("nothing to look up, no statement").isEmpty();
      fault.close();
      fault.close();
      assertThat(count()).isEqualTo(1);
    }
    assertThatThrownBy(() -> db.failStatementsOn("orders"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orders");
  }

  @Test
  void portCallsAreRecordedInOrderWithTheirArgumentsCopied() {
    UserId id = UserId.generate();
    java.util.ArrayList<UserId> ids = new java.util.ArrayList<>(List.of(id));
    db.readOnly(tx -> {
      tx.users().findByIds(ids);
      return tx.identities().findAll(List.of(new IdentityKey(ISSUER, new Subject("x"))));
    });
    ids.clear();
    db.inTransaction(tx -> tx.users().count());

    assertThat(db.portCallMethods())
        .containsExactly("users.findByIds", "identities.findAll", "users.count");
    assertThat(db.portCalls().get(0).argument(0)).isEqualTo(List.of(id));
    assertThat(db.portCalls()).extracting(PortCall::readOnly).containsExactly(true, true, false);
    db.clearPortCalls();
    assertThat(db.portCalls()).isEmpty();
  }

  @Test
  void onlyReadWriteUnitsAreCountedAsCommitsOrRollbacks() {
    db.readOnly(tx -> tx.users().count());
    db.inTransaction(tx -> tx.users().create(user("One", null)));
    db.inTransaction(tx -> tx.users().count());
    assertThatThrownBy(() -> db.inTransaction(tx -> {
      throw new IllegalArgumentException("the work's own");
    })).hasMessage("the work's own");

    assertThat(db.commits()).isEqualTo(2);
    assertThat(db.rollbacks()).isEqualTo(1);
  }

  @Test
  void theUnitHandsOutItsTwoRepositoriesByPortAndRefusesOthersNamingThem() {
    db.readOnly(tx -> {
      assertThat(tx.repository(UserRepository.class)).isSameAs(tx.users());
      assertThat(tx.repository(UserIdentityRepository.class)).isSameAs(tx.identities());
      assertThatThrownBy(() -> tx.repository(Runnable.class))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no repository is registered for java.lang.Runnable")
          .hasMessageContaining(UserRepository.class.getName());
      return tx.users().count(); // a refused port is no failed port call
    });
    UnitOfWork[] leaked = new UnitOfWork[1];
    db.readOnly(tx -> leaked[0] = tx);
    assertThatThrownBy(() -> leaked[0].repository(UserRepository.class))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ended");
  }

  @Test
  void deleteAllRowsEmptiesBothTables() {
    User owner = db.inTransaction(tx -> tx.users().create(user("Owner", "o@example.com")));
    db.inTransaction(tx -> tx.identities().link(new UserIdentity(ISSUER, new Subject("s"),
        owner.id(), NOW)));

    db.deleteAllRows();

    assertThat(count()).isZero();
    assertThat(find("s")).isEmpty();
    User again = db.inTransaction(tx -> tx.users().create(user("Again", "o@example.com")));
    assertThat(again.email()).isEqualTo(new Email("o@example.com"));
  }
}
