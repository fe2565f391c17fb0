package dev.appdb.domain.error;

/** The (issuer, subject) pair is already linked to a user; a pair links to at most one user. */
public final class IdentityAlreadyLinkedException extends DuplicateException {

  private static final long serialVersionUID = 1L;

  /**
   * @param issuer the issuer or provider alias
   * @param subject the subject
   */
  public IdentityAlreadyLinkedException(String issuer, String subject) {
    super("identity (" + issuer + ", " + subject + ") is already linked to a user");
  }
}
