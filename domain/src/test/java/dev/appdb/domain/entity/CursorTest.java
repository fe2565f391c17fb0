package dev.appdb.domain.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.domain.error.ValidationException;
import dev.appdb.domain.user.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CursorTest {

  @Test
  void tokenRoundTrips() {
    Cursor cursor = new Cursor(Instant.parse("2024-01-01T00:00:00.5Z"), UserId.generate().value());
    assertThat(Cursor.parse(cursor.toToken())).isEqualTo(cursor);
  }

  @Test
  void malformedTokensAreValidationErrors() {
    assertThatThrownBy(() -> Cursor.parse("garbage")).isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("cursor: ");
    assertThatThrownBy(() -> Cursor.parse("yesterday_0190f5a4-7c1e-7abc-8def-0123456789ab"))
        .hasMessageStartingWith("cursor: has no valid instant");
    assertThatThrownBy(() -> Cursor.parse("2024-01-01T00:00:00Z_nope"))
        .hasMessageStartingWith("cursor: must be a UUID");
    assertThatThrownBy(() -> Cursor.parse(
        "+1000000000-01-01T00:00:00Z_01a228f9-a085-7140-a073-aa99df910ad2"))
        .hasMessageStartingWith("cursor: must be between 0001-01-01T00:00:00Z and");
    assertThatThrownBy(() -> UserId.parse("+1234567-1234-1234-1234-123456789abc"))
        .hasMessageStartingWith("userId: must be a UUID");
  }
}
