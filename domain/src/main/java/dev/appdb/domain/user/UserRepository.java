package dev.appdb.domain.user;

import dev.appdb.domain.entity.Cursor;
import dev.appdb.domain.entity.Page;
import dev.appdb.domain.error.ConcurrentUpdateException;
import dev.appdb.domain.error.DuplicateEmailException;
import dev.appdb.domain.error.InfrastructureException;
import dev.appdb.domain.error.NotFoundException;
import dev.appdb.domain.error.ValidationException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The users' store (port). Instances are bound to one unit of work: every call runs inside its
 * transaction and sees its uncommitted writes. Every method may also throw an
 * {@link InfrastructureException}.
 */
public interface UserRepository {

  /** The largest page {@link #list} returns. */
  int MAX_PAGE_SIZE = 1000;

  /**
   * @param id the id
   * @return the user, or empty when there is none with this id
   */
  Optional<User> findById(UserId id);

  /**
   * @param email the address; matched ignoring case
   * @return the user with that address, or empty
   */
  Optional<User> findByEmail(Email email);

  /**
   * Many users by id at once, in a few statements rather than one per id.
   *
   * @param ids the ids, any number, none null; duplicates are ignored
   * @return the users found, in no particular order; ids without a user have no entry
   * @throws NullPointerException when {@code ids} is or holds null
   */
  List<User> findByIds(Collection<UserId> ids);

  /**
   * Many users by email at once, in a few statements rather than one per address.
   *
   * @param emails the addresses, any number, none null; matched ignoring case
   * @return the users found, in no particular order; addresses without a user have no entry
   * @throws NullPointerException when {@code emails} is or holds null
   */
  List<User> findByEmails(Collection<Email> emails);

  /**
   * Locks users until the unit of work ends, so that two units of work that decide from a user's
   * current identities (the import's rule against merging two accounts) cannot both decide at
   * once: another unit of work locking one of them waits until this one ends, then reads what it
   * wrote. Reads and identity links of other units are not blocked. On PostgreSQL a
   * {@code SELECT ... FOR NO KEY UPDATE}; on SQLite nothing to do, as a writing unit of work
   * already excludes all other writers. Units that lock overlapping sets through this method queue
   * up; a deadlock with other locks a unit holds is reported as
   * {@link ConcurrentUpdateException}.
   *
   * @param ids the users, any number, none null; ids without a user are ignored
   * @throws IllegalStateException in a read-only unit of work
   * @throws NullPointerException when {@code ids} is or holds null
   */
  void lockAll(Collection<UserId> ids);

  /**
   * Stores a new user as given (id, timestamps and version included).
   *
   * @param user a user at version 0
   * @return the stored user, equal to what {@link #findById} returns afterwards
   * @throws DuplicateEmailException when another user has the email, ignoring case
   */
  User create(User user);

  /**
   * Stores many new users as {@link #create} would one after the other, in as few round trips as
   * the database allows (a JDBC batch).
   *
   * @param users users at version 0, in order, none null; empty does nothing
   * @throws DuplicateEmailException naming the first user, in list order, whose email another
   *     user has (a stored one or an earlier one of the list), ignoring case
   * @throws NullPointerException when {@code users} is or holds null; nothing is written
   */
  void createAll(List<User> users);

  /**
   * Replaces a user's profile when {@code user.version()} is still the stored version.
   *
   * @param user the changed user carrying the version it was read at
   * @return the stored user, its version incremented by one
   * @throws ConcurrentUpdateException when the stored version differs; nothing is written
   * @throws NotFoundException when the user does not exist
   * @throws DuplicateEmailException when another user has the new email, ignoring case
   */
  User update(User user);

  /**
   * Deletes a user and, with it, every identity linked to it.
   *
   * @param id the user to delete
   * @throws NotFoundException when the user does not exist
   */
  void delete(UserId id);

  /**
   * A keyset page in listing order ({@code createdAt}, then {@code id}).
   *
   * @param after start strictly after this position, or null for the first page
   * @param limit the page size, 1 to {@value #MAX_PAGE_SIZE}
   * @return the page; {@code next} is null when no user follows
   * @throws ValidationException when {@code limit} is out of range
   */
  Page<User> list(Cursor after, int limit);

  /** @return how many users exist */
  long count();
}
