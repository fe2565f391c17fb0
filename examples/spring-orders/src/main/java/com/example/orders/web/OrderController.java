package com.example.orders.web;

import com.example.orders.app.OrderService;
import com.example.orders.domain.Order;
import com.example.orders.domain.OrderId;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /orders} registers a user and places their order; {@code GET /orders/{id}}. */
@RestController
@RequestMapping("/orders")
public class OrderController {

  /** What {@code POST /orders} takes. */
  public record PlaceOrder(String firstName, String lastName, String email, String item,
      int quantity) {}

  /** What {@code POST /orders} returns. */
  public record Placed(UUID userId, UUID orderId) {}

  /** What {@code GET /orders/{id}} returns. */
  public record OrderView(UUID id, UUID userId, String item, int quantity, Instant createdAt,
      long version) {

    static OrderView of(Order order) {
      return new OrderView(order.id().value(), order.userId().value(), order.item(),
          order.quantity(), order.createdAt(), order.version());
    }
  }

  private final OrderService orders;

  public OrderController(OrderService orders) {
    this.orders = orders;
  }

  @PostMapping
  public ResponseEntity<Placed> place(@RequestBody PlaceOrder request) {
    OrderService.Placed placed = orders.place(request.firstName(), request.lastName(),
        request.email(), request.item(), request.quantity());
    UUID orderId = placed.order().id().value();
    return ResponseEntity.created(URI.create("/orders/" + orderId))
        .body(new Placed(placed.user().id().value(), orderId));
  }

  @GetMapping("/{id}")
  public ResponseEntity<OrderView> find(@PathVariable("id") UUID id) {
    return ResponseEntity.of(orders.find(new OrderId(id)).map(OrderView::of));
  }
}
