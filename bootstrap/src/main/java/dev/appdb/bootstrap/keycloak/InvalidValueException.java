package dev.appdb.bootstrap.keycloak;

/**
 * One value of one user representation has the wrong JSON type or shape. Internal control flow:
 * {@link UserRepresentationMapper} turns it into an
 * {@link dev.appdb.application.importing.UnreadableUser} whose reason is this message.
 * Carries no stack trace, because a bad export may hold many such users.
 */
final class InvalidValueException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * @param path the JSON path of the value inside the user, e.g. {@code federatedIdentities[1].userId}
   * @param problem what is wrong, e.g. {@code is required}
   */
  InvalidValueException(String path, String problem) {
    super(path + ": " + problem, null, false, false);
  }
}
