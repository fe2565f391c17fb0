package dev.appdb.domain.error;

/** A unique rule of the domain would be broken: an email taken, an identity already linked. */
public abstract sealed class DuplicateException extends AppdbException
    permits DuplicateEmailException, IdentityAlreadyLinkedException {

  private static final long serialVersionUID = 1L;

  DuplicateException(String message) {
    super(message);
  }
}
