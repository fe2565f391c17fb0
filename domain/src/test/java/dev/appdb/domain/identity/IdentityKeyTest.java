package dev.appdb.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.domain.error.ValidationException;
import dev.appdb.domain.user.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdentityKeyTest {

  private static final Issuer GOOGLE = new Issuer("https://accounts.google.com");

  @Test
  void aKeyIsTheIssuerAndSubjectOfALinkComparedExactly() {
    UserIdentity link = new UserIdentity(GOOGLE, new Subject("42"), UserId.generate(),
        Instant.parse("2024-01-01T00:00:00Z"));

    assertThat(link.key()).isEqualTo(new IdentityKey(GOOGLE, new Subject("42")))
        .isNotEqualTo(new IdentityKey(new Issuer("https://accounts.google.com/"), new Subject("42")))
        .hasToString("(https://accounts.google.com, 42)");
  }

  @Test
  void bothPartsAreRequired() {
    assertThatThrownBy(() -> new IdentityKey(null, new Subject("42")))
        .isInstanceOf(ValidationException.class).hasMessage("issuer: is required");
    assertThatThrownBy(() -> new IdentityKey(GOOGLE, null))
        .isInstanceOf(ValidationException.class).hasMessage("subject: is required");
  }
}
