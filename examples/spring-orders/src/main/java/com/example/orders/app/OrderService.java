package com.example.orders.app;

import com.example.orders.domain.Order;
import com.example.orders.domain.OrderId;
import com.example.orders.domain.OrderRepository;
import dev.appdb.application.port.Transactions;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Places orders through appdb's unit of work, alone or inside a Spring transaction. */
@Service
public class OrderService {

  /** The quantity {@link #placeAndAudit} refuses after both writes, to show the rollback. */
  public static final int UNLUCKY_QUANTITY = 13;

  /**
   * What was stored.
   *
   * @param user the new user
   * @param order their order
   */
  public record Placed(User user, Order order) {}

  private final Transactions transactions;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  public OrderService(Transactions transactions, JdbcTemplate jdbc, Clock clock) {
    this.transactions = transactions;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Registers a user and places their order in ONE appdb unit of work: both, or neither.
   *
   * @throws dev.appdb.domain.error.ValidationException naming the field; nothing stored
   * @throws dev.appdb.domain.error.DuplicateEmailException when the email is taken
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

  /** @return the order, or empty */
  public Optional<Order> find(OrderId id) {
    return transactions.readOnly(tx -> tx.repository(OrderRepository.class).findById(id));
  }

  /**
   * Places the order through appdb (the unit joins this Spring transaction), then writes an audit
   * row with {@link JdbcTemplate}; refuses quantity {@value #UNLUCKY_QUANTITY} after both writes:
   * then the user, the order and the audit row are all rolled back.
   *
   * @throws IllegalStateException for quantity {@value #UNLUCKY_QUANTITY}
   */
  @Transactional
  public Placed placeAndAudit(String firstName, String lastName, String email, String item,
      int quantity) {
    Placed placed = place(firstName, lastName, email, item, quantity);
    jdbc.update("INSERT INTO order_audit (order_id, note) VALUES (?, ?)",
        placed.order().id().value().toString(), "placed " + quantity + " x " + item);
    if (quantity == UNLUCKY_QUANTITY) {
      throw new IllegalStateException("quantity " + UNLUCKY_QUANTITY + " refused after both writes");
    }
    return placed;
  }
}
