package dev.appdb.bootstrap.oidc;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.appdb.application.signin.VerifiedClaims;
import dev.appdb.domain.error.ValidationException;
import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads a JSON object of decoded ID-token claims (the token's payload, already verified by the
 * caller) into {@link VerifiedClaims}. Claims are the standard ones of OIDC Core §2 and §5.1:
 *
 * <table>
 *   <caption>claim → field, accepted JSON shapes</caption>
 *   <tr><th>claim</th><th>field</th><th>accepted</th></tr>
 *   <tr><td>{@code iss}</td><td>issuer</td><td>string, required</td></tr>
 *   <tr><td>{@code sub}</td><td>subject</td><td>string, or an integer taken as its decimal text
 *       (some providers send numeric ids), required</td></tr>
 *   <tr><td>{@code email}</td><td>email</td><td>string</td></tr>
 *   <tr><td>{@code email_verified}</td><td>emailVerified</td><td>boolean, or the strings
 *       {@code "true"} / {@code "false"} (sent by some providers, e.g. older AWS Cognito);
 *       missing or null → false</td></tr>
 *   <tr><td>{@code given_name}</td><td>givenName</td><td>string</td></tr>
 *   <tr><td>{@code family_name}</td><td>familyName</td><td>string</td></tr>
 *   <tr><td>{@code name}</td><td>name</td><td>string</td></tr>
 *   <tr><td>{@code preferred_username}</td><td>preferredUsername</td><td>string</td></tr>
 * </table>
 *
 * A required claim that is missing, null or blank throws {@link ClaimsException}
 * ({@code sub: is required}); an optional string claim that is missing, null or blank becomes
 * null, other values are kept as given. A claim of another JSON type throws
 * {@link ClaimsException} naming it. Every other claim ({@code aud}, {@code exp}, {@code groups},
 * …) is ignored. A claim given twice makes the document malformed rather than letting the last
 * one win silently.
 */
public final class ClaimsReader {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private ClaimsReader() {}

  /**
   * @param file a JSON file holding one object of claims
   * @return the claims
   * @throws UncheckedIOException when the file cannot be read (the cause is the
   *     {@link IOException}, e.g. {@link java.nio.file.NoSuchFileException})
   * @throws ClaimsException when the JSON is malformed or not an object, or a claim is missing
   *     or of the wrong type; the message names the file for the former
   * @throws ValidationException when {@code iss} or {@code sub} breaks the rules of
   *     {@link Issuer} or {@link Subject}
   */
  public static VerifiedClaims read(Path file) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /**
   * @param in JSON holding one object of claims, read to its end and not closed
   * @return the claims
   * @throws UncheckedIOException when reading fails
   * @throws ClaimsException as {@link #read(Path)}, naming the source {@code claims}
   * @throws ValidationException as {@link #read(Path)}
   */
  public static VerifiedClaims read(InputStream in) {
    Objects.requireNonNull(in, "in");
    try {
      return read(in, "claims");
    } catch (IOException e) {
      throw unreadable("claims", e);
    }
  }

  private static VerifiedClaims read(InputStream in, String source) throws IOException {
    JsonNode claims;
    try {
      claims = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation() != null ? e.getLocation() : JsonLocation.NA;
      throw ClaimsException.ofDocument(source + ": line " + at.getLineNr() + ", column "
          + at.getColumnNr() + ": malformed JSON: " + e.getOriginalMessage(), e);
    }
    if (claims == null || !claims.isObject()) {
      throw ClaimsException.ofDocument(source + ": must hold one JSON object of claims, was "
          + (claims == null || claims.isMissingNode() ? "nothing" : describe(claims)), null);
    }
    return new VerifiedClaims(
        new Issuer(required(claims, "iss", false)),
        new Subject(required(claims, "sub", true)),
        optional(claims, "email"),
        emailVerified(claims),
        optional(claims, "given_name"),
        optional(claims, "family_name"),
        optional(claims, "name"),
        optional(claims, "preferred_username"));
  }

  private static String required(JsonNode claims, String claim, boolean integerAllowed) {
    JsonNode value = claims.get(claim);
    if (integerAllowed && value != null && value.isIntegralNumber()) {
      return value.asText();
    }
    if (integerAllowed && value != null && !value.isNull() && !value.isTextual()) {
      throw ClaimsException.ofClaim(claim, "must be a string or an integer, was " + describe(value));
    }
    String text = optional(claims, claim);
    if (text == null) {
      throw ClaimsException.ofClaim(claim, "is required");
    }
    return text;
  }

  private static String optional(JsonNode claims, String claim) {
    JsonNode value = claims.get(claim);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw ClaimsException.ofClaim(claim, "must be a string, was " + describe(value));
    }
    return value.textValue().isBlank() ? null : value.textValue();
  }

  private static boolean emailVerified(JsonNode claims) {
    JsonNode value = claims.get("email_verified");
    if (value == null || value.isNull()) {
      return false;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isTextual() && ("true".equals(value.textValue())
        || "false".equals(value.textValue()))) {
      return Boolean.parseBoolean(value.textValue());
    }
    String shown = value.isValueNode() ? value.asText() : value.toString();
    throw ClaimsException.ofClaim("email_verified",
        "must be a boolean or the string \"true\" or \"false\", was '" + shown + "'");
  }

  private static String describe(JsonNode value) {
    switch (value.getNodeType()) {
      case NUMBER: return "a number";
      case BOOLEAN: return "a boolean";
      case ARRAY: return "an array";
      case OBJECT: return "an object";
      case STRING: return "a string";
      default: return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }
  }

  private static UncheckedIOException unreadable(Object source, IOException e) {
    String detail = e.getMessage() == null || e.getMessage().equals(source.toString())
        ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    return new UncheckedIOException("cannot read " + source + " (" + detail + ")", e);
  }
}
