package dev.appdb.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.domain.error.ValidationException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserTest {

  private static final Instant NOW = Instant.parse("2024-03-10T23:59:59.999999999Z");

  @Test
  void truncatesTimestampsToMicrosecondsWithoutRounding() {
    User user = User.register("Ada", "Lovelace", null, NOW);
    assertThat(user.createdAt()).isEqualTo(Instant.parse("2024-03-10T23:59:59.999999Z"));
    assertThat(user.version()).isZero();
  }

  @Test
  void stripsNamesAndNamesTheFieldThatBreaksARule() {
    assertThat(User.register("  Ada ", "Lovelace", null, NOW).firstName()).isEqualTo("Ada");
    assertThatThrownBy(() -> User.register(null, "Lovelace", null, NOW))
        .isInstanceOf(ValidationException.class).hasMessage("firstName: is required");
    assertThatThrownBy(() -> User.register("Ada", "   ", null, NOW))
        .hasMessage("lastName: must not be blank or invisible");
    assertThatThrownBy(() -> User.register("Ada", "L".repeat(101), null, NOW))
        .hasMessage("lastName: must be at most 100 characters, was 101");
    assertThatThrownBy(() -> User.register("A\u0000da", "Lovelace", null, NOW))
        .hasMessage("firstName: must not contain control characters, found U+0000 at index 1");
  }

  @Test
  void rejectsInvisibleNamesBidiOverridesAndUnpairedSurrogates() {
    assertThatThrownBy(() -> User.register("\u00a0\u200b", "Lovelace", null, NOW))
        .hasMessage("firstName: must not be blank or invisible");
    assertThatThrownBy(() -> User.register("Ada\u202e", "Lovelace", null, NOW))
        .hasMessage("firstName: must not contain bidirectional override characters, found U+202E"
            + " at index 3");
    assertThatThrownBy(() -> User.register("x\ud800y", "Lovelace", null, NOW))
        .hasMessage("firstName: must be well-formed UTF-16, found an unpaired surrogate, found"
            + " U+D800 at index 1");
    assertThat(User.register("\u00a0Ada\u00a0", "Lovelace", null, NOW).firstName()).isEqualTo("Ada");
    assertThat(User.register("Ada \uD83D\uDE00", "Love\u200Clace", null, NOW).firstName())
        .isEqualTo("Ada \uD83D\uDE00");
  }

  @Test
  void acceptsOneHundredCharacterNamesAndNonLatinScripts() {
    assertThat(User.register("A".repeat(100), "Łukasiewicz", null, NOW).firstName()).hasSize(100);
    assertThat(User.register("美咲", "佐藤", null, NOW).lastName()).isEqualTo("佐藤");
  }

  @Test
  void rejectsTimestampsOutsideFourDigitYearsAndUpdatesBeforeCreation() {
    assertThatThrownBy(() -> User.register("Ada", "Lovelace", null, Instant.parse("+10000-01-01T00:00:00Z")))
        .hasMessageStartingWith("createdAt: must be between 0001-01-01T00:00:00Z and");
    assertThatThrownBy(() -> new User(UserId.generate(), "Ada", "Lovelace", null, NOW,
        NOW.minusSeconds(1), 0)).hasMessageStartingWith("updatedAt: must not be before createdAt");
    assertThatThrownBy(() -> new User(UserId.generate(), "Ada", "Lovelace", null, NOW, NOW, -1))
        .hasMessage("version: must be at least 0, was -1");
  }
}
