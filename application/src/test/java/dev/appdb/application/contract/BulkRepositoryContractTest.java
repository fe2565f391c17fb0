package dev.appdb.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.domain.error.DuplicateEmailException;
import dev.appdb.domain.error.IdentityAlreadyLinkedException;
import dev.appdb.domain.error.NotFoundException;
import dev.appdb.domain.identity.IdentityKey;
import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The contract of the many-rows methods of both repositories ({@code findByIds},
 * {@code findByEmails}, {@code createAll}, {@code lockAll}, {@code findAll},
 * {@code listForUsers}, {@code linkAll}), for every adapter: same rows as the one-row methods, any number of keys, and
 * the one-row methods' errors naming the first row at fault.
 */
public abstract class BulkRepositoryContractTest extends ContractTest {

  private static final Issuer REALM = new Issuer("keycloak:test");
  private static final Issuer GOOGLE = new Issuer("https://accounts.google.com");
  private static final Instant AT = Instant.parse("2024-03-10T23:59:59.999999Z");

  /** More keys than one statement carries (1,000), to cross the adapters' chunk boundary. */
  private static final int MANY = 2_345;

  private static UserIdentity identity(Issuer issuer, String subject, User user) {
    return new UserIdentity(issuer, new Subject(subject), user.id(), AT);
  }

  private void createAll(List<User> users) {
    transactions().inTransaction(tx -> {
      tx.users().createAll(users);
      return null;
    });
  }

  private void linkAll(List<UserIdentity> identities) {
    transactions().inTransaction(tx -> {
      tx.identities().linkAll(identities);
      return null;
    });
  }

  @Test
  void createAllStoresWhatTheOneRowLookupsReturn() {
    User withEmail = newUser("Ada", "Ada@Example.com", AT)
        .withProfile("Ada", "Lovelace", new Email("Ada@Example.com"), AT.plusSeconds(3_600));
    User without = newUser("Grace", null, AT.minusSeconds(86_400));

    createAll(List.of(withEmail, without));

    assertThat(findUser(withEmail.id())).contains(withEmail);
    assertThat(findUser(without.id())).contains(without);
    assertThat(findUserByEmail("ada@example.COM")).contains(withEmail);
  }

  @Test
  void manyUsersAreFoundByIdAndByEmailIgnoringCaseMissingOnesAndDuplicatesIgnored() {
    List<User> users = new ArrayList<>();
    for (int i = 0; i < MANY; i++) {
      users.add(newUser("U" + i, "u" + i + "@example.com", AT));
    }
    createAll(users);
    List<UserId> ids = new ArrayList<>(users.stream().map(User::id).toList());
    ids.add(UserId.generate());
    ids.add(users.get(0).id());
    List<Email> emails = new ArrayList<>(
        users.stream().map(u -> new Email(u.email().value().toUpperCase())).toList());
    emails.add(new Email("nobody@example.com"));

    List<User> byId = transactions().readOnly(tx -> tx.users().findByIds(ids));
    List<User> byEmail = transactions().readOnly(tx -> tx.users().findByEmails(emails));

    assertThat(byId).hasSize(MANY).containsExactlyInAnyOrderElementsOf(users);
    assertThat(byEmail).hasSize(MANY).containsExactlyInAnyOrderElementsOf(users);
    List<User> noIds = transactions().readOnly(tx -> tx.users().findByIds(List.of()));
    List<User> noEmails = transactions().readOnly(tx -> tx.users().findByEmails(List.of()));
    assertThat(noIds).isEmpty();
    assertThat(noEmails).isEmpty();
  }

  @Test
  void createAllNamesTheFirstTakenEmailAndTheUnitWritesNothing() {
    save(newUser("Taken", "taken@example.com", AT));
    User before = newUser("Before", "before@example.com", AT);
    User clash = newUser("Clash", "TAKEN@example.com", AT);
    User after = newUser("After", "taken@EXAMPLE.com", AT);

    assertThatThrownBy(() -> createAll(List.of(before, clash, after)))
        .isInstanceOfSatisfying(DuplicateEmailException.class,
            e -> assertThat(e.email()).isEqualTo("TAKEN@example.com"))
        .hasMessage("email: this address already belongs to another user");

    assertThat(userCount()).isEqualTo(1);
    assertThat(findUser(before.id())).isEmpty();
  }

  @Test
  void createAllNamesAnEmailTakenByAnEarlierUserOfTheList() {
    User first = newUser("First", "same@example.com", AT);
    User second = newUser("Second", "Same@Example.com", AT);

    assertThatThrownBy(() -> createAll(List.of(first, second)))
        .isInstanceOfSatisfying(DuplicateEmailException.class,
            e -> assertThat(e.email()).isEqualTo("Same@Example.com"))
        .hasMessage("email: this address already belongs to another user");
    assertThat(userCount()).isZero();
  }

  @Test
  void aCaughtBatchFailureStillEndsTheUnitOfWork() {
    save(newUser("Taken", "taken@example.com", AT));
    User earlier = newUser("Earlier", null, AT);

    assertThatThrownBy(() -> transactions().inTransaction(tx -> {
      tx.users().create(earlier);
      try {
        tx.users().createAll(List.of(newUser("Clash", "taken@example.com", AT)));
      } catch (DuplicateEmailException swallowed) {
        // carrying on after a failed statement is refused, on every database
      }
      return tx.users().count();
    })).isInstanceOf(IllegalStateException.class);

    assertThat(userCount()).isEqualTo(1);
    assertThat(findUser(earlier.id())).isEmpty();
  }

  @Test
  void manyIdentitiesAreFoundByKeyAndByUser() {
    User one = save(newUser("One", null, AT));
    User two = save(newUser("Two", null, AT));
    List<UserIdentity> links = new ArrayList<>();
    for (int i = 0; i < MANY; i++) {
      links.add(identity(i % 2 == 0 ? REALM : GOOGLE, "s" + i, i % 3 == 0 ? one : two));
    }
    linkAll(links);
    List<IdentityKey> keys = new ArrayList<>(links.stream().map(UserIdentity::key).toList());
    keys.add(new IdentityKey(GOOGLE, new Subject("s0")));
    keys.add(new IdentityKey(REALM, new Subject("unknown")));
    keys.add(links.get(5).key());

    List<UserIdentity> byKey = transactions().readOnly(tx -> tx.identities().findAll(keys));
    List<UserIdentity> byUser = transactions().readOnly(
        tx -> tx.identities().listForUsers(List.of(one.id(), two.id(), one.id())));

    assertThat(byKey).hasSize(MANY).containsExactlyInAnyOrderElementsOf(links);
    assertThat(byUser).hasSize(MANY).containsExactlyInAnyOrderElementsOf(links);
    assertThat(findIdentity(GOOGLE, "s1")).contains(links.get(1));
    List<UserIdentity> noKeys = transactions().readOnly(tx -> tx.identities().findAll(List.of()));
    List<UserIdentity> unknownUser = transactions().readOnly(
        tx -> tx.identities().listForUsers(List.of(UserId.generate())));
    assertThat(noKeys).isEmpty();
    assertThat(unknownUser).isEmpty();
  }

  @Test
  void linkAllNamesTheFirstLinkedPairAndTheUnitWritesNothing() {
    User owner = save(newUser("Owner", null, AT));
    User other = save(newUser("Other", null, AT));
    transactions().inTransaction(tx -> tx.identities().link(identity(GOOGLE, "taken", owner)));

    assertThatThrownBy(() -> linkAll(List.of(identity(REALM, "fresh", other),
        identity(GOOGLE, "taken", other), identity(REALM, "fresh", other))))
        .isInstanceOf(IdentityAlreadyLinkedException.class)
        .hasMessage("identity (https://accounts.google.com, taken) is already linked to a user");

    assertThat(findIdentity(REALM, "fresh")).isEmpty();
    assertThat(identitiesOf(other.id())).isEmpty();
  }

  @Test
  void linkAllToAMissingUserIsNotFound() {
    User stored = save(newUser("Stored", null, AT));
    User ghost = newUser("Ghost", null, AT);

    assertThatThrownBy(() -> linkAll(List.of(identity(REALM, "a", stored),
        identity(REALM, "b", ghost))))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining(ghost.id().toString());

    assertThat(identitiesOf(stored.id())).isEmpty();
  }

  @Test
  void bulkWritesAndLocksAreRefusedInAReadOnlyUnitEvenWhenEmpty() {
    User user = newUser("Reader", null, AT);

    assertThatThrownBy(() -> transactions().readOnly(tx -> {
      tx.users().createAll(List.of(user));
      return null;
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
    assertThatThrownBy(() -> transactions().readOnly(tx -> {
      tx.identities().linkAll(List.of());
      return null;
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
    assertThatThrownBy(() -> transactions().readOnly(tx -> {
      tx.users().lockAll(List.of(user.id()));
      return null;
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
    assertThat(userCount()).isZero();
  }

  @Test
  void identitiesAtOverAThousandIssuersAreFoundAtOnce() {
    User user = save(newUser("Many", null, AT));
    List<UserIdentity> links = new ArrayList<>();
    for (int i = 0; i < 1_200; i++) {
      links.add(identity(new Issuer("https://idp" + i + ".example"), "same", user));
    }
    linkAll(links);

    List<UserIdentity> found = transactions().readOnly(
        tx -> tx.identities().findAll(links.stream().map(UserIdentity::key).toList()));

    assertThat(found).hasSize(1_200).containsExactlyInAnyOrderElementsOf(links);
  }

  @Test
  void aLockedUserMakesASecondLockerWaitUntilTheFirstUnitEnds() throws Exception {
    User user = save(newUser("Contended", null, AT));
    AtomicBoolean firstEnded = new AtomicBoolean();
    CountDownLatch firstLocked = new CountDownLatch(1);
    CountDownLatch secondStarting = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Future<?> first = pool.submit(() -> transactions().inTransaction(tx -> {
      tx.users().lockAll(List.of(user.id(), UserId.generate()));
      firstLocked.countDown();
      awaitInsideUnit(secondStarting, "the second locker's start");
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500)); // the second locker arrives
      firstEnded.set(true);
      return null;
    }));
    assertThat(firstLocked.await(60, TimeUnit.SECONDS)).as("the first unit locked the user")
        .isTrue();

    secondStarting.countDown();
    boolean endedBeforeSecondLocked = transactions().inTransaction(tx -> {
      tx.users().lockAll(List.of(user.id()));
      return firstEnded.get();
    });
    assertThat(first).as("the first locker's unit").succeedsWithin(Duration.ofSeconds(60));
    pool.shutdown();

    assertThat(endedBeforeSecondLocked).isTrue();
  }

  /** Units of work take no checked exceptions; a wait that runs out fails the unit. */
  private static void awaitInsideUnit(CountDownLatch latch, String what) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new AssertionError(what + " did not happen within 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void unitsLockingOverlappingUsersInOppositeOrdersQueueUpWithoutDeadlock() throws Exception {
    List<User> users = new ArrayList<>();
    for (int i = 0; i < 2_100; i++) {
      users.add(newUser("L" + i, null, AT));
    }
    createAll(users);
    List<UserId> forward = users.stream().map(User::id).toList();
    List<UserId> backward = new ArrayList<>(forward);
    Collections.reverse(backward);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> lockers = new ArrayList<>();
    for (List<UserId> order : List.of(forward, backward)) {
      lockers.add(pool.submit(() -> {
        assertThat(start.await(60, TimeUnit.SECONDS)).as("the start signal").isTrue();
        return transactions().inTransaction(tx -> {
          tx.users().lockAll(order);
          return order.size();
        });
      }));
    }
    start.countDown();

    assertThat(lockers.get(0)).as("the forward locker").succeedsWithin(Duration.ofSeconds(60))
        .isEqualTo(2_100);
    assertThat(lockers.get(1)).as("the backward locker").succeedsWithin(Duration.ofSeconds(60))
        .isEqualTo(2_100);
    pool.shutdown();
  }
}
