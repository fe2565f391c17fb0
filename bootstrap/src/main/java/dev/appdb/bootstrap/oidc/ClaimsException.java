package dev.appdb.bootstrap.oidc;

/**
 * A claims document cannot become {@link dev.appdb.application.signin.VerifiedClaims}: a required
 * claim is missing, a claim has the wrong JSON type, or the document is not one JSON object.
 * The message starts with the claim, e.g. {@code sub: is required}, or, for the document as a
 * whole, with its source, line and column.
 */
public final class ClaimsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String claim;

  private ClaimsException(String claim, String message, Throwable cause) {
    super(message, cause);
    this.claim = claim;
  }

  /** A claim is missing or has the wrong type; the message is {@code <claim>: <problem>}. */
  static ClaimsException ofClaim(String claim, String problem) {
    return new ClaimsException(claim, claim + ": " + problem, null);
  }

  /** The document as a whole is unreadable. */
  static ClaimsException ofDocument(String message, Throwable cause) {
    return new ClaimsException(null, message, cause);
  }

  /** @return the claim at fault, e.g. {@code "sub"}; null when the document as a whole is */
  public String claim() {
    return claim;
  }
}
