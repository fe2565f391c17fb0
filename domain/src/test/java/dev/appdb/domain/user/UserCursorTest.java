package dev.appdb.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.domain.error.ValidationException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserCursorTest {

  @Test
  void tokenRoundTrips() {
    UserCursor cursor = new UserCursor(Instant.parse("2024-01-01T00:00:00.5Z"), UserId.generate());
    assertThat(UserCursor.parse(cursor.toToken())).isEqualTo(cursor);
  }

  @Test
  void malformedTokensAreValidationErrors() {
    assertThatThrownBy(() -> UserCursor.parse("garbage")).isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("cursor: ");
    assertThatThrownBy(() -> UserCursor.parse("yesterday_0190f5a4-7c1e-7abc-8def-0123456789ab"))
        .hasMessageStartingWith("cursor: has no valid instant");
    assertThatThrownBy(() -> UserCursor.parse("2024-01-01T00:00:00Z_nope"))
        .hasMessageStartingWith("userId: must be a UUID");
    assertThatThrownBy(() -> UserCursor.parse(
        "+1000000000-01-01T00:00:00Z_01a228f9-a085-7140-a073-aa99df910ad2"))
        .hasMessageStartingWith("cursor: must be between 0001-01-01T00:00:00Z and");
    assertThatThrownBy(() -> UserId.parse("+1234567-1234-1234-1234-123456789abc"))
        .hasMessageStartingWith("userId: must be a UUID");
  }
}
