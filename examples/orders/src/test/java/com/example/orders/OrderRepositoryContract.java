package com.example.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.orders.adapter.OrdersModule;
import com.example.orders.app.PlaceFirstOrder;
import com.example.orders.domain.Order;
import com.example.orders.domain.OrderRepository;
import dev.appdb.adapter.jooq.Databases;
import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.domain.entity.Page;
import dev.appdb.domain.error.ConcurrentUpdateException;
import dev.appdb.domain.error.DuplicateEmailException;
import dev.appdb.domain.error.MissingReferenceException;
import dev.appdb.domain.error.ValidationException;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The orders port's contract, once for every database: a subclass only says where a fresh
 * database is. The database is opened exactly as {@link Main} opens it, from a URL.
 */
abstract class OrderRepositoryContract {

  private JooqDatabase database;
  private PlaceFirstOrder placeFirstOrder;

  /** @return a {@code DATABASE_URL} of a new, empty database */
  protected abstract String newDatabaseUrl();

  @BeforeEach
  void open() {
    database = OrdersModule.install(Databases.open(newDatabaseUrl()));
    placeFirstOrder = new PlaceFirstOrder(database.transactions(), Clock.systemUTC());
  }

  @AfterEach
  void close() {
    database.close();
  }

  private long users() {
    return database.transactions().readOnly(tx -> tx.users().count());
  }

  private long orders() {
    return database.transactions().readOnly(tx -> tx.repository(OrderRepository.class).count());
  }

  @Test
  void aUserAndTheirFirstOrderAreStoredInOneUnit() {
    PlaceFirstOrder.Placed placed =
        placeFirstOrder.place("Ada", "Lovelace", "ada@example.com", "Difference Engine", 2);

    Optional<Order> found = database.transactions().readOnly(
        tx -> tx.repository(OrderRepository.class).findById(placed.order().id()));
    assertThat(found).contains(placed.order());
    List<Order> ofUser = database.transactions().readOnly(
        tx -> tx.repository(OrderRepository.class).listForUser(placed.user().id()));
    assertThat(ofUser).containsExactly(placed.order());
  }

  @Test
  void whenTheOrderFailsTheUserIsNotStoredEither() {
    assertThatThrownBy(() -> placeFirstOrder.place("Ada", "Lovelace", null, "Engine", 0))
        .isInstanceOf(ValidationException.class).hasMessageContaining("quantity");
    placeFirstOrder.place("Ada", "Lovelace", "ada@example.com", "Engine", 1);
    // the second user's email is taken: the unit fails at the user, nothing of it is stored
    assertThatThrownBy(() -> placeFirstOrder.place("Ada", "Again", "ADA@example.com", "More", 1))
        .isInstanceOf(DuplicateEmailException.class);

    assertThat(users()).isEqualTo(1);
    assertThat(orders()).isEqualTo(1);
  }

  @Test
  void anOrderOfAMissingUserIsATypedErrorNamingTheReference() {
    Order orphan = Order.place(UserId.generate(), "Nothing", 1, Instant.now());
    assertThatThrownBy(() -> database.transactions().inTransaction(
        tx -> tx.repository(OrderRepository.class).create(orphan)))
        .isInstanceOf(MissingReferenceException.class)
        .hasMessageContaining("orders");
    assertThat(orders()).isZero();
  }

  @Test
  void aStaleUpdateIsRefused() {
    Order placed = placeFirstOrder.place("Ada", "Lovelace", null, "Engine", 1).order();
    Order updated = database.transactions().inTransaction(tx ->
        tx.repository(OrderRepository.class).update(placed.withQuantity(3, Instant.now())));
    assertThat(updated.version()).isEqualTo(1);
    assertThat(updated.quantity()).isEqualTo(3);

    assertThatThrownBy(() -> database.transactions().inTransaction(tx ->
        tx.repository(OrderRepository.class).update(placed.withQuantity(5, Instant.now()))))
        .isInstanceOf(ConcurrentUpdateException.class);
  }

  @Test
  void ordersAreListedInKeysetPages() {
    User user = database.transactions().inTransaction(tx ->
        tx.users().create(User.register("Ada", "Lovelace", null, Instant.now())));
    database.transactions().inTransaction(tx -> {
      OrderRepository orders = tx.repository(OrderRepository.class);
      for (int i = 1; i <= 5; i++) {
        orders.create(Order.place(user.id(), "item " + i, i, Instant.now()));
      }
      return null;
    });
    Page<Order> first = database.transactions().readOnly(
        tx -> tx.repository(OrderRepository.class).list(null, 3));
    Page<Order> second = database.transactions().readOnly(
        tx -> tx.repository(OrderRepository.class).list(first.next(), 3));
    assertThat(first.items()).extracting(Order::item).containsExactly("item 1", "item 2", "item 3");
    assertThat(second.items()).extracting(Order::item).containsExactly("item 4", "item 5");
    assertThat(second.next()).isNull();
  }
}
