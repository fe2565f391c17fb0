package com.example.orders.app;

import com.example.orders.domain.Order;
import com.example.orders.domain.OrderRepository;
import dev.appdb.application.port.Transactions;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import java.time.Clock;
import java.util.Objects;

/**
 * Registers a user and places their first order in one unit of work: both are stored, or, when
 * anything fails (the order is invalid, the email taken), neither.
 */
public final class PlaceFirstOrder {

  /**
   * What was stored.
   *
   * @param user the new user
   * @param order their first order
   */
  public record Placed(User user, Order order) {}

  private final Transactions transactions;
  private final Clock clock;

  /**
   * @param transactions appdb's unit-of-work port
   * @param clock the time source
   */
  public PlaceFirstOrder(Transactions transactions, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param firstName the user's first name
   * @param lastName the user's last name
   * @param email the user's address, or null
   * @param item what they order
   * @param quantity how many
   * @return the stored user and order
   * @throws dev.appdb.domain.error.ValidationException naming the field; nothing stored
   * @throws dev.appdb.domain.error.DuplicateEmailException when the email is taken; nothing
   *     stored
   */
  public Placed place(String firstName, String lastName, String email, String item,
      int quantity) {
    return transactions.inTransaction(tx -> {
      var now = clock.instant();
      User user = tx.users().create(User.register(firstName, lastName,
          Email.ofNullable(email), now));
      Order order = tx.repository(OrderRepository.class)
          .create(Order.place(user.id(), item, quantity, now));
      return new Placed(user, order);
    });
  }
}
