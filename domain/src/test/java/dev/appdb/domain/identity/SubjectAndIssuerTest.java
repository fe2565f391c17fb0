package dev.appdb.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.domain.error.ValidationException;
import org.junit.jupiter.api.Test;

class SubjectAndIssuerTest {

  @Test
  void subjectsAreOneTo255PrintableAsciiCharacters() {
    assertThat(new Subject("AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ").value()).hasSize(43);
    assertThat(new Subject("x".repeat(255)).value()).hasSize(255);
    assertThatThrownBy(() -> new Subject("x".repeat(256)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("subject: must be at most 255 characters, was 256");
    assertThatThrownBy(() -> new Subject(""))
        .hasMessage("subject: is required");
    assertThatThrownBy(() -> new Subject("sub\u00e9"))
        .hasMessage("subject: must be printable ASCII (U+0020-U+007E), found U+00E9 at index 3");
    assertThatThrownBy(() -> new Subject("a\nb")).hasMessageContaining("U+000A");
  }

  @Test
  void issuersAreUrlsOrAliasesWithoutWhitespace() {
    assertThat(new Issuer("https://accounts.google.com").value()).isEqualTo("https://accounts.google.com");
    assertThat(new Issuer("facebook1").value()).isEqualTo("facebook1");
    assertThatThrownBy(() -> new Issuer("https://idp example")).hasMessageStartingWith("issuer: must not contain whitespace");
    assertThatThrownBy(() -> new Issuer("i".repeat(256))).hasMessage("issuer: must be at most 255 characters, was 256");
  }
}
