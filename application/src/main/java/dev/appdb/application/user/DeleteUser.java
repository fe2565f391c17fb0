package dev.appdb.application.user;

import dev.appdb.application.port.Transactions;
import dev.appdb.domain.error.NotFoundException;
import dev.appdb.domain.user.UserId;
import java.util.Objects;

/** Use case: delete a user together with its identity links. */
public final class DeleteUser {

  private final Transactions transactions;

  /** @param transactions the unit-of-work port */
  public DeleteUser(Transactions transactions) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
  }

  /**
   * @param id the user
   * @throws NotFoundException when the user does not exist
   */
  public void delete(UserId id) {
    transactions.inTransaction(tx -> {
      tx.users().delete(id);
      return null;
    });
  }
}
