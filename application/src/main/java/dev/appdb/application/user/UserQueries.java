package dev.appdb.application.user;

import dev.appdb.application.port.Transactions;
import dev.appdb.domain.entity.Cursor;
import dev.appdb.domain.entity.Page;
import dev.appdb.domain.error.NotFoundException;
import dev.appdb.domain.error.ValidationException;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import java.util.Objects;

/** Use cases that read users: get one, list a keyset page, count. All read-only. */
public final class UserQueries {

  private final Transactions transactions;

  /** @param transactions the unit-of-work port */
  public UserQueries(Transactions transactions) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
  }

  /**
   * @param id the user's id
   * @return the user
   * @throws NotFoundException when there is no such user
   */
  public User get(UserId id) {
    return transactions.readOnly(tx -> tx.users().findById(id))
        .orElseThrow(() -> new NotFoundException("user", id));
  }

  /**
   * @param after the cursor from the previous page, or null for the first page
   * @param limit page size, 1 to 1000
   * @return the page
   * @throws ValidationException when {@code limit} is out of range
   */
  public Page<User> list(Cursor after, int limit) {
    return transactions.readOnly(tx -> tx.users().list(after, limit));
  }

  /** @return the number of users */
  public long count() {
    return transactions.readOnly(tx -> tx.users().count());
  }
}
