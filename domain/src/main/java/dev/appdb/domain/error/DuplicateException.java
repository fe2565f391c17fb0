package dev.appdb.domain.error;

/**
 * A unique rule would be broken: an email taken, an identity already linked, a service's unique
 * key.
 */
public abstract sealed class DuplicateException extends AppdbException
    permits DuplicateEmailException, IdentityAlreadyLinkedException, DuplicateKeyException {

  private static final long serialVersionUID = 1L;

  DuplicateException(String message) {
    super(message);
  }
}
