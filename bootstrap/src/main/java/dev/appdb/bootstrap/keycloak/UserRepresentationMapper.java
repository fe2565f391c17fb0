package dev.appdb.bootstrap.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appdb.application.importing.ExternalIdentity;
import dev.appdb.application.importing.ImportRecord;
import dev.appdb.application.importing.ImportedUser;
import dev.appdb.application.importing.UnreadableUser;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Maps one Keycloak {@code UserRepresentation} (as a Jackson tree) to an {@link ImportRecord}.
 * The rules are the table in {@link RealmExportReader}; this class never throws for bad content.
 */
final class UserRepresentationMapper {

  /** The prefix Keycloak gives the username of a client's service account. */
  static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

  private final String realmIssuer;
  private final boolean trustEmails;

  /**
   * @param realmIssuer the issuer of the realm's own identity
   * @param trustEmails treat every {@code email} as verified, whatever {@code emailVerified} says
   */
  UserRepresentationMapper(String realmIssuer, boolean trustEmails) {
    this.realmIssuer = Objects.requireNonNull(realmIssuer, "realmIssuer");
    this.trustEmails = trustEmails;
  }

  /**
   * @param user one element of {@code users}
   * @param index its 0-based position among all users of the file
   * @return the user, or why it cannot be imported
   */
  ImportRecord map(JsonNode user, int index) {
    String fallbackKey = "#" + index;
    if (!user.isObject()) {
      return new UnreadableUser(fallbackKey,
          "users[" + index + "]: must be an object, was " + JsonValues.describe(user));
    }
    String username;
    try {
      username = JsonValues.text(user, "username", "username");
    } catch (InvalidValueException e) {
      return new UnreadableUser(fallbackKey, e.getMessage());
    }
    if (username == null) {
      return new UnreadableUser(fallbackKey, "username: is required");
    }
    String client = serviceAccountClient(user, username);
    if (client != null) {
      return new UnreadableUser(username, "service account of client " + client + ": not a person");
    }
    try {
      String email = email(user);
      return new ImportedUser(username,
          JsonValues.text(user, "firstName", "firstName"),
          JsonValues.text(user, "lastName", "lastName"),
          email,
          email != null && (trustEmails || verified(user)),
          createdAt(user),
          identities(user, username));
    } catch (InvalidValueException e) {
      return new UnreadableUser(username, e.getMessage());
    }
  }

  private static String serviceAccountClient(JsonNode user, String username) {
    JsonNode client = user.get("serviceAccountClientId");
    if (client != null && !client.isNull()) {
      String id = client.isValueNode() ? client.asText() : client.toString();
      if (!id.isBlank()) {
        return id;
      }
    }
    return username.startsWith(SERVICE_ACCOUNT_PREFIX)
        ? username.substring(SERVICE_ACCOUNT_PREFIX.length())
        : null;
  }

  /**
   * Keycloak's {@code emailVerified} vouches for {@code email} only; an address found in
   * {@code attributes} is never verified.
   */
  private static boolean verified(JsonNode user) throws InvalidValueException {
    return JsonValues.text(user, "email", "email") != null
        && JsonValues.flag(user, "emailVerified", "emailVerified");
  }

  private static String email(JsonNode user) throws InvalidValueException {
    String email = JsonValues.text(user, "email", "email");
    if (email != null) {
      return email;
    }
    JsonNode attributes = user.get("attributes");
    if (attributes == null || attributes.isNull()) {
      return null;
    }
    if (!attributes.isObject()) {
      throw new InvalidValueException(
          "attributes", "must be an object, was " + JsonValues.describe(attributes));
    }
    JsonNode value = attributes.get("email");
    if (value != null && value.isArray()) {
      return value.isEmpty() ? null : JsonValues.text(value.get(0), "attributes.email[0]");
    }
    return JsonValues.text(value, "attributes.email");
  }

  private static Instant createdAt(JsonNode user) throws InvalidValueException {
    JsonNode value = user.get("createdTimestamp");
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return Instant.ofEpochMilli(value.longValue());
    }
    if (value.isTextual()) {
      try {
        return Instant.ofEpochMilli(Long.parseLong(value.textValue()));
      } catch (NumberFormatException notMillis) {
        // reported below
      }
    }
    String shown = value.isValueNode() ? value.asText() : value.toString();
    throw new InvalidValueException(
        "createdTimestamp", "must be epoch milliseconds, was '" + shown + "'");
  }

  private List<ExternalIdentity> identities(JsonNode user, String username)
      throws InvalidValueException {
    Set<ExternalIdentity> identities = new LinkedHashSet<>();
    String id = JsonValues.identifier(user, "id", "id");
    identities.add(new ExternalIdentity(realmIssuer, id != null ? id : username));
    JsonNode federated = user.get("federatedIdentities");
    if (federated == null || federated.isNull()) {
      return List.copyOf(identities);
    }
    if (!federated.isArray()) {
      throw new InvalidValueException(
          "federatedIdentities", "must be an array, was " + JsonValues.describe(federated));
    }
    for (int i = 0; i < federated.size(); i++) {
      identities.add(federatedIdentity(federated.get(i), "federatedIdentities[" + i + "]"));
    }
    return List.copyOf(identities);
  }

  private static ExternalIdentity federatedIdentity(JsonNode link, String path)
      throws InvalidValueException {
    if (!link.isObject()) {
      throw new InvalidValueException(path, "must be an object, was " + JsonValues.describe(link));
    }
    String provider = JsonValues.text(link, "identityProvider", path + ".identityProvider");
    if (provider == null) {
      throw new InvalidValueException(path + ".identityProvider", "is required");
    }
    String userId = JsonValues.identifier(link, "userId", path + ".userId");
    if (userId == null) {
      throw new InvalidValueException(path + ".userId", "is required");
    }
    return new ExternalIdentity(provider, userId);
  }
}
