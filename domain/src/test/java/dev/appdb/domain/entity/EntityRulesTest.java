package dev.appdb.domain.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.domain.error.ValidationException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EntityRulesTest {

  /** A service's entity, written as the kit's Javadoc says. */
  record OrderId(UUID value) implements EntityId {
    OrderId {
      EntityRules.requireId("orderId", value);
    }
  }

  record Order(OrderId id, Instant createdAt, Instant updatedAt, long version)
      implements Entity<OrderId> {
    Order {
      EntityRules.requireId("id", id);
      createdAt = EntityRules.createdAt(createdAt);
      updatedAt = EntityRules.updatedAt(createdAt, updatedAt);
      EntityRules.requireVersion(version);
    }
  }

  @Test
  void anEntityOnTheKitIsTruncatedToMicrosecondsAndNamesEveryBrokenField() {
    Instant now = Instant.parse("2024-03-10T23:59:59.123456789Z");
    Order order = new Order(new OrderId(EntityRules.newId()), now, now, 0);
    assertThat(order.createdAt()).isEqualTo("2024-03-10T23:59:59.123456Z");
    assertThat(order.id().value().version()).isEqualTo(7);

    assertThatThrownBy(() -> new Order(null, now, now, 0))
        .isInstanceOf(ValidationException.class).hasMessage("id: is required");
    assertThatThrownBy(() -> new Order(order.id(), now, now.minusSeconds(1), 0))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("updatedAt: must not be");
    assertThatThrownBy(() -> new Order(order.id(), now, now, -1))
        .isInstanceOf(ValidationException.class)
        .hasMessage("version: must be at least 0, was -1");
    assertThatThrownBy(() -> new OrderId(null))
        .isInstanceOf(ValidationException.class).hasMessage("orderId: is required");
  }

  @Test
  void aCursorRoundTripsThroughItsTokenAndRefusesAMalformedOne() {
    Cursor cursor = new Cursor(Instant.parse("2024-01-01T00:00:00.000001Z"), EntityRules.newId());
    assertThat(Cursor.parse(cursor.toToken())).isEqualTo(cursor);
    assertThatThrownBy(() -> Cursor.parse("2024-01-01T00:00:00Z_not-a-uuid"))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("cursor: must be a UUID");
    assertThatThrownBy(() -> EntityRules.parseId("orderId", "x"))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("orderId:");
  }
}
