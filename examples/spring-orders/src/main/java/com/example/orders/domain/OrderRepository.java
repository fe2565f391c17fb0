package com.example.orders.domain;

import dev.appdb.domain.entity.Cursor;
import dev.appdb.domain.entity.Page;
import dev.appdb.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/**
 * The orders' port. Obtained inside a unit of work as {@code tx.repository(OrderRepository.class)};
 * every method runs in that unit's transaction.
 */
public interface OrderRepository {

  /**
   * @param order a new order
   * @return the order as stored
   * @throws dev.appdb.domain.error.MissingReferenceException when its user does not exist
   * @throws dev.appdb.domain.error.DuplicateKeyException when its id is taken
   */
  Order create(Order order);

  /**
   * @param id an order's id
   * @return the order, or empty when there is none
   */
  Optional<Order> findById(OrderId id);

  /**
   * @param order a changed order (as read, with its version)
   * @return the stored order, version incremented
   * @throws dev.appdb.domain.error.ConcurrentUpdateException when someone changed it since it
   *     was read
   * @throws dev.appdb.domain.error.NotFoundException when it does not exist
   */
  Order update(Order order);

  /**
   * @param userId a user
   * @return the user's orders, oldest first
   */
  List<Order> listForUser(UserId userId);

  /**
   * @param after where the previous page ended (exclusive), null for the first page
   * @param limit the most orders to return, 1–1000
   * @return a page of orders oldest first
   */
  Page<Order> list(Cursor after, int limit);

  /** @return how many orders there are */
  long count();
}
