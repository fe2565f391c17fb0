package dev.appdb.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.domain.error.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmailTest {

  @ParameterizedTest
  @ValueSource(strings = {"someone@localhost", "Dana.Lee@Example.com", "a@b", "x+tag@sub.example.org"})
  void acceptsAddressesWithoutRequiringATopLevelDomain(String address) {
    assertThat(new Email(address).value()).isEqualTo(address);
  }

  @ParameterizedTest
  @ValueSource(strings = {"no-at-sign", "two@@example.com", "a@b@c", "@example.com", "dana@",
      "dana lee@example.com", "dana@exa\tmple.com", "dana\u00a0lee@example.com"})
  void rejectsMalformedAddressesNamingTheField(String address) {
    assertThatThrownBy(() -> new Email(address))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("email: ");
  }

  @Test
  void rejectsControlCharactersIncludingNul() {
    assertThatThrownBy(() -> new Email("dana\u0000@example.com"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("email: must not contain control characters, found U+0000 at index 4");
  }

  @Test
  void limitsTheLengthTo254Characters() {
    String longest = "a".repeat(64) + "@" + "b".repeat(189);
    assertThat(new Email(longest).value()).hasSize(254);
    assertThatThrownBy(() -> new Email(longest + "c"))
        .hasMessage("email: must be at most 254 characters, was 255");
  }

  @Test
  void normalizesToLowerCaseForUniquenessButKeepsTheSpelling() {
    Email email = new Email("Dana.Lee@Example.com");
    assertThat(email.normalized()).isEqualTo("dana.lee@example.com");
    assertThat(email.value()).isEqualTo("Dana.Lee@Example.com");
  }

  @Test
  void uniquenessFoldsCaseBeyondLowerCasing() {
    assertThat(new Email("\u03a3\u03a3@z.test").normalized())
        .isEqualTo(new Email("\u03c3\u03c2@z.test").normalized());
    assertThat(new Email("\u212Aate@kelvin.test").normalized()).isEqualTo("kate@kelvin.test");
    assertThatThrownBy(() -> new Email("\u0130".repeat(130) + "@e.co"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("email: must be at most 254 characters once case-folded, was 265");
    assertThatThrownBy(() -> new Email("a\ud800@x.test"))
        .hasMessageContaining("unpaired surrogate");
  }

  @Test
  void blankMeansNoEmail() {
    assertThat(Email.ofNullable(null)).isNull();
    assertThat(Email.ofNullable("   ")).isNull();
  }
}
