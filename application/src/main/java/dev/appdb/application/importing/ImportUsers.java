package dev.appdb.application.importing;

import dev.appdb.application.importing.ImportReport.ImportOutcome;
import dev.appdb.application.naming.PersonName;
import dev.appdb.application.port.RetryPolicy;
import dev.appdb.application.port.Transactions;
import dev.appdb.application.port.UnitOfWork;
import dev.appdb.domain.error.AppdbException;
import dev.appdb.domain.error.ConcurrentUpdateException;
import dev.appdb.domain.error.DuplicateException;
import dev.appdb.domain.error.InfrastructureException;
import dev.appdb.domain.error.ValidationException;
import dev.appdb.domain.identity.IdentityKey;
import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Use case: import users and their identities from a stream of records, idempotently.
 *
 * <p>Each {@link ImportedUser} is matched to an existing user by its identities (any that is
 * linked already), else by its verified email ignoring case. An email the source does not vouch
 * for is ignored: neither stored nor matched, for the reason {@code SignIn} gives (whoever holds
 * an address must not be able to pre-claim it). A match gets the identities it lacks
 * ({@code linked}) or nothing ({@code unchanged}); profiles of existing users are never
 * overwritten. No match creates the user and links its identities ({@code created}). A second
 * import of the same source therefore creates nothing new.
 *
 * <p>Rejected, each with its reason: {@link UnreadableUser}s; entries whose values break a domain
 * rule (names are first derived as {@link PersonName} describes, with the key as handle);
 * entries with neither an identity nor a verified email (nothing to recognise them by next time)
 * or listing one identity twice;
 * entries whose identities are linked to two different users; entries that match a user who
 * already has another subject at one of the entry's new issuers (another account there). The
 * last rule also holds between concurrent imports: the users an entry matches are locked before
 * their identities are read ({@code UserRepository.lockAll}).
 *
 * <p>Records are consumed one at a time from the iterator and committed in batches of
 * {@code batchSize} per unit of work, so memory does not grow with the source. A batch costs a
 * few statements, not a few per entry: bulk lookups (the links of all its identities, one
 * statement per issuer; the users those links and its emails lead to; after locking those users,
 * their links), then one batch insert of the new users and one of the new links; each entry is
 * decided in order against those rows and the entries before it, with the same outcome as one
 * entry per unit of work. When a batch fails
 * on a conflict the database found (say, an email taken by a concurrent writer), it is rolled
 * back and redone one record per unit of work (retrying a record whose insert lost a race with a
 * concurrent writer), so one bad entry never aborts the others.
 * An {@link InfrastructureException} stops the import; batches committed before it stay, and
 * running the import again finishes it.
 */
public final class ImportUsers {

  /** The default number of records per unit of work. */
  public static final int DEFAULT_BATCH_SIZE = 500;


  private final Transactions transactions;
  private final Clock clock;
  private final int batchSize;

  /**
   * @param transactions the unit-of-work port
   * @param clock the source of timestamps for users without a creation time
   * @param batchSize records per unit of work, at least 1
   * @throws IllegalArgumentException when {@code batchSize} is below 1
   */
  public ImportUsers(Transactions transactions, Clock clock, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
    }
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.batchSize = batchSize;
  }

  /**
   * @param source the records, consumed once
   * @param listener receives rejections and per-batch progress
   * @return the final counts
   * @throws InfrastructureException when the database fails; earlier batches stay committed
   */
  public ImportReport importUsers(Iterator<? extends ImportRecord> source, ImportListener listener) {
    ImportReport report = new ImportReport(0, 0, 0, 0);
    List<ImportRecord> batch = new ArrayList<>(batchSize);
    while (source.hasNext()) {
      batch.add(source.next());
      if (batch.size() == batchSize || !source.hasNext()) {
        report = commit(batch, report, listener);
        batch.clear();
      }
    }
    return report;
  }

  private ImportReport commit(List<ImportRecord> batch, ImportReport report,
      ImportListener listener) {
    List<Result> results;
    try {
      results = transactions.inTransaction(tx -> apply(tx, batch));
    } catch (InfrastructureException e) {
      throw e;
    } catch (AppdbException conflict) {
      results = new ArrayList<>(batch.size());
      for (ImportRecord record : batch) {
        results.add(applyAlone(record));
      }
    }
    for (Result result : results) {
      report = report.plus(result.outcome());
      if (result.outcome() == ImportOutcome.REJECTED) {
        listener.rejected(result.key(), result.reason());
      }
    }
    listener.committed(report);
    return report;
  }

  /**
   * Applies one record in its own unit of work. A race lost to a concurrent writer (a unique rule
   * it broke by committing between this unit's lookups and its inserts, or a deadlock or
   * serialization failure) is retried, up to {@code RetryPolicy.DEFAULT}'s attempts in all, as
   * {@code SignIn} does: the next attempt sees the committed rows and matches them. What still
   * fails is rejected with the error's message.
   */
  private Result applyAlone(ImportRecord record) {
    try {
      return RetryPolicy.DEFAULT.rerunLostRaces(
          () -> transactions.inTransaction(tx -> apply(tx, List.of(record))).get(0),
          raced -> raced instanceof DuplicateException
              || raced instanceof ConcurrentUpdateException);
    } catch (InfrastructureException e) {
      throw e;
    } catch (AppdbException refused) {
      return Result.rejected(record.key(), refused.getMessage());
    }
  }

  /**
   * Applies a batch in one unit of work: validates every entry, looks up everything they can
   * match in a few bulk statements, decides each entry in order against those rows and the
   * entries before it, then writes the new users and links in two batches.
   *
   * @return one result per record, in order
   */
  private List<Result> apply(UnitOfWork tx, List<ImportRecord> records) {
    Result[] results = new Result[records.size()];
    Candidate[] candidates = new Candidate[records.size()];
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i) instanceof UnreadableUser unreadable) {
        results[i] = Result.rejected(unreadable.key(), unreadable.reason());
      } else {
        ImportedUser imported = (ImportedUser) records.get(i);
        try {
          candidates[i] = Candidate.of(imported, clock.instant());
        } catch (ValidationException invalid) {
          results[i] = Result.rejected(imported.key(), invalid.getMessage());
        }
      }
    }
    List<Candidate> valid = Arrays.stream(candidates).filter(Objects::nonNull).toList();
    KnownRows known = KnownRows.load(tx,
        valid.stream().flatMap(c -> c.identities().stream()).map(UserIdentity::key).toList(),
        valid.stream().map(c -> c.user().email()).filter(Objects::nonNull).toList());
    List<User> creates = new ArrayList<>();
    List<UserIdentity> links = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      if (candidates[i] != null) {
        results[i] = decide(candidates[i], known, creates, links);
      }
    }
    tx.users().createAll(creates);
    tx.identities().linkAll(links);
    return List.of(results);
  }

  /**
   * Decides one entry: reject it, or match it to a known user (adding the links it lacks), or
   * create its user. What it writes is added to {@code known}, {@code creates} and
   * {@code links}, so the entries after it see it.
   */
  private static Result decide(Candidate candidate, KnownRows known, List<User> creates,
      List<UserIdentity> links) {
    String key = candidate.key();
    Set<UserId> owners = new LinkedHashSet<>();
    List<UserIdentity> missing = new ArrayList<>();
    for (UserIdentity identity : candidate.identities()) {
      known.owner(identity.key())
          .ifPresentOrElse(owners::add, () -> missing.add(identity));
    }
    if (owners.size() > 1) {
      return Result.rejected(key, "identities: linked to different users " + owners);
    }
    Optional<User> existing = owners.isEmpty()
        ? Optional.ofNullable(candidate.user().email()).flatMap(known::userWithEmail)
        : known.user(owners.iterator().next());
    if (existing.isPresent()) {
      Optional<String> clash = clash(known.linksOf(existing.get().id()), missing);
      if (clash.isPresent()) {
        return Result.rejected(key, "identities: the matching user " + existing.get().id()
            + " already has another subject at issuer " + clash.get() + "; not merging two accounts");
      }
    }
    UserId target = existing.map(User::id).orElse(candidate.user().id());
    if (existing.isEmpty()) {
      known.addUser(candidate.user());
      creates.add(candidate.user());
    }
    for (UserIdentity identity : missing) {
      UserIdentity link = new UserIdentity(
          identity.issuer(), identity.subject(), target, identity.linkedAt());
      known.addLink(link);
      links.add(link);
    }
    ImportOutcome outcome = existing.isEmpty() ? ImportOutcome.CREATED
        : missing.isEmpty() ? ImportOutcome.UNCHANGED : ImportOutcome.LINKED;
    return new Result(outcome, key, null);
  }

  /**
   * An entry that would add a second subject at an issuer where the matched user already has
   * one is a different account there (two realm users sharing a federated identity or an email),
   * not the same person: merging them would let one sign in as the other.
   */
  private static Optional<String> clash(List<UserIdentity> linked, List<UserIdentity> missing) {
    return missing.stream().map(identity -> identity.issuer().value())
        .filter(issuer -> linked.stream().anyMatch(own -> own.issuer().value().equals(issuer)))
        .findFirst();
  }

  /** A validated entry: its key, the user it would create and the identities it brings. */
  private record Candidate(String key, User user, List<UserIdentity> identities) {

    static Candidate of(ImportedUser imported, Instant now) {
      PersonName name = PersonName.derive(
          imported.firstName(), imported.lastName(), null, imported.key());
      Instant createdAt = imported.createdAt() != null ? imported.createdAt() : now;
      Email email = imported.emailVerified() ? Email.ofNullable(imported.email()) : null;
      if (email == null && imported.identities().isEmpty()) {
        throw new ValidationException("identities", "at least one is required when the entry"
            + " has no verified email: otherwise a second import could not recognise the user");
      }
      User user = new User(UserId.generate(), name.firstName(), name.lastName(), email,
          createdAt, createdAt, 0);
      List<UserIdentity> identities = new ArrayList<>(imported.identities().size());
      Set<IdentityKey> seen = new HashSet<>();
      for (ExternalIdentity external : imported.identities()) {
        UserIdentity identity = new UserIdentity(new Issuer(external.issuer()),
            new Subject(external.subject()), user.id(), now);
        if (!seen.add(identity.key())) {
          throw new ValidationException("identities", identity.key() + " is listed twice");
        }
        identities.add(identity);
      }
      return new Candidate(imported.key(), user, identities);
    }
  }

  private record Result(ImportOutcome outcome, String key, String reason) {

    static Result rejected(String key, String reason) {
      return new Result(ImportOutcome.REJECTED, key, reason);
    }
  }
}
