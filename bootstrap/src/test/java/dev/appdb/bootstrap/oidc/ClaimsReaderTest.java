package dev.appdb.bootstrap.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.application.signin.VerifiedClaims;
import dev.appdb.domain.error.ValidationException;
import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Odd shapes of a claims document, inline. */
final class ClaimsReaderTest {

  private static final String ISS = "\"iss\": \"https://idp.example.com\"";

  private static VerifiedClaims read(String json) {
    return ClaimsReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void onlyIssAndSubAreRequired() {
    assertThat(read("{" + ISS + ", \"sub\": \"abc\"}")).isEqualTo(new VerifiedClaims(
        new Issuer("https://idp.example.com"), new Subject("abc"),
        null, false, null, null, null, null));
  }

  @Test
  void aNumericSubIsItsDecimalText() {
    assertThat(read("{" + ISS + ", \"sub\": 3141592653589793238}").subject())
        .isEqualTo(new Subject("3141592653589793238"));
    assertThat(read("{" + ISS + ", \"sub\": 123456789012345678901234567890}").subject())
        .isEqualTo(new Subject("123456789012345678901234567890"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "true     | true",
      "false    | false",
      "\"true\" | true",
      "\"false\"| false",
      "null     | false"})
  void emailVerifiedIsABooleanOrTheStringsSomeProvidersSend(String json, boolean expected) {
    assertThat(read("{" + ISS + ", \"sub\": \"a\", \"email_verified\": " + json + "}")
        .emailVerified()).isEqualTo(expected);
  }

  @Test
  void emailVerifiedOfAnyOtherShapeIsRefused() {
    assertThatThrownBy(() -> read("{" + ISS + ", \"sub\": \"a\", \"email_verified\": \"yes\"}"))
        .isInstanceOf(ClaimsException.class)
        .hasMessage("email_verified: must be a boolean or the string \"true\" or \"false\","
            + " was 'yes'");
    assertThatThrownBy(() -> read("{" + ISS + ", \"sub\": \"a\", \"email_verified\": 1}"))
        .isInstanceOf(ClaimsException.class)
        .hasMessageStartingWith("email_verified: ");
  }

  @Test
  void missingIssOrSubIsNamed() {
    assertThatThrownBy(() -> read("{" + ISS + "}"))
        .isInstanceOfSatisfying(ClaimsException.class,
            e -> assertThat(e.claim()).isEqualTo("sub"))
        .hasMessage("sub: is required");
    assertThatThrownBy(() -> read("{\"sub\": \"a\"}"))
        .isInstanceOf(ClaimsException.class).hasMessage("iss: is required");
    assertThatThrownBy(() -> read("{\"iss\": \" \", \"sub\": \"a\"}"))
        .isInstanceOf(ClaimsException.class).hasMessage("iss: is required");
    assertThatThrownBy(() -> read("{" + ISS + ", \"sub\": null}"))
        .isInstanceOf(ClaimsException.class).hasMessage("sub: is required");
  }

  @Test
  void claimsOfTheWrongTypeAreNamed() {
    assertThatThrownBy(() -> read("{\"iss\": 1, \"sub\": \"a\"}"))
        .isInstanceOf(ClaimsException.class).hasMessage("iss: must be a string, was a number");
    assertThatThrownBy(() -> read("{" + ISS + ", \"sub\": {\"id\": 1}}"))
        .isInstanceOf(ClaimsException.class)
        .hasMessage("sub: must be a string or an integer, was an object");
    assertThatThrownBy(() -> read("{" + ISS + ", \"sub\": 1.5}"))
        .isInstanceOf(ClaimsException.class)
        .hasMessage("sub: must be a string or an integer, was a number");
    assertThatThrownBy(() -> read("{" + ISS + ", \"sub\": \"a\", \"email\": [\"a@x.org\"]}"))
        .isInstanceOf(ClaimsException.class).hasMessage("email: must be a string, was an array");
    assertThatThrownBy(() -> read("{" + ISS + ", \"sub\": \"a\", \"name\": true}"))
        .isInstanceOf(ClaimsException.class).hasMessage("name: must be a string, was a boolean");
  }

  @Test
  void blankOptionalClaimsAreNullAndOthersAreKeptAsGiven() {
    VerifiedClaims claims = read("{" + ISS + ", \"sub\": \"a\", \"email\": \"\","
        + " \"given_name\": \" Ada\", \"family_name\": null, \"name\": \"  \","
        + " \"preferred_username\": \"ada\", \"groups\": [\"x\"], \"address\": {}}");

    assertThat(claims).isEqualTo(new VerifiedClaims(new Issuer("https://idp.example.com"),
        new Subject("a"), null, false, " Ada", null, null, "ada"));
  }

  @Test
  void theDomainRulesOfIssuerAndSubjectApply() {
    assertThatThrownBy(() -> read("{\"iss\": \"not a url\", \"sub\": \"a\"}"))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("issuer: ");
    assertThatThrownBy(() -> read("{" + ISS + ", \"sub\": \"caf\u00e9\"}"))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("subject: ");
  }

  @Test
  void aDocumentThatIsNotOneObjectIsRefusedWithItsLocation(@TempDir Path dir)
      throws IOException {
    Path truncated = Files.writeString(dir.resolve("claims.json"), "{\n  \"iss\": \"x\",\n  \"sub");

    assertThatThrownBy(() -> ClaimsReader.read(truncated))
        .isInstanceOfSatisfying(ClaimsException.class, e -> assertThat(e.claim()).isNull())
        .hasMessageStartingWith(truncated + ": line 3, column ")
        .hasMessageContaining("malformed JSON");
    assertThatThrownBy(() -> read("[{" + ISS + ", \"sub\": \"a\"}]"))
        .isInstanceOf(ClaimsException.class)
        .hasMessage("claims: must hold one JSON object of claims, was an array");
    assertThatThrownBy(() -> read(""))
        .isInstanceOf(ClaimsException.class)
        .hasMessage("claims: must hold one JSON object of claims, was nothing");
    assertThatThrownBy(() -> read("{" + ISS + ", \"sub\": \"a\"} {}"))
        .isInstanceOf(ClaimsException.class).hasMessageContaining("malformed JSON");
  }

  @Test
  void aMissingFileIsAnUncheckedIoError(@TempDir Path dir) {
    Path missing = dir.resolve("missing.json");

    assertThatThrownBy(() -> ClaimsReader.read(missing))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot read " + missing + " (NoSuchFileException)");
  }

  @Test
  void aClaimGivenTwiceIsRefusedRatherThanTheLastWinning() {
    assertThatThrownBy(() -> read("{" + ISS + ", \"sub\": \"a\", \"sub\": \"b\"}"))
        .isInstanceOf(ClaimsException.class)
        .hasMessageContaining("malformed JSON: Duplicate field 'sub'");
  }
}
