package dev.appdb.domain.error;

/**
 * The database role lacks a privilege the work needs (PostgreSQL {@code 42501}): a
 * misconfiguration of roles or grants, never retried. Raised at once, before any migration runs,
 * when the migration role cannot create objects in the schema; and for a statement the server
 * refused with {@code permission denied}. An HTTP API maps it to 500 (the service is
 * misconfigured); an operator fixes the grants or runs the work as the right role.
 */
public final class MissingPrivilegeException extends InfrastructureException {

  private static final long serialVersionUID = 1L;

  private final String role;
  private final String privilege;
  private final String object;

  /**
   * @param role the role that lacks it, e.g. {@code appuser}; null when the server did not say
   * @param privilege the privilege, e.g. {@code CREATE}; null when the server did not say
   * @param object what it is needed on, e.g. {@code schema app}; null when the server did not
   *     say
   * @param message the whole sentence (names the role, the privilege and the object), no secrets
   * @param cause the driver's error, may be null
   */
  public MissingPrivilegeException(String role, String privilege, String object, String message,
      Throwable cause) {
    super(message, cause);
    this.role = role;
    this.privilege = privilege;
    this.object = object;
  }

  /** @return the role that lacks the privilege; null when unknown */
  public String role() {
    return role;
  }

  /** @return the missing privilege, e.g. {@code CREATE}; null when unknown */
  public String privilege() {
    return privilege;
  }

  /** @return what it is needed on, e.g. {@code schema app}; null when unknown */
  public String object() {
    return object;
  }
}
