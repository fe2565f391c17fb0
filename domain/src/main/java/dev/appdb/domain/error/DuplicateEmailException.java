package dev.appdb.domain.error;

/**
 * Another user already has this email address. Email uniqueness ignores case, so
 * {@code dana.lee@example.com} collides with {@code Dana.Lee@Example.com}. The message names the
 * field, not the address (an exception's message ends up in logs); {@link #email()} has it.
 */
public final class DuplicateEmailException extends DuplicateException {

  private static final long serialVersionUID = 1L;

  private final String email;

  /** @param email the address as the caller spelled it */
  public DuplicateEmailException(String email) {
    super("email: this address already belongs to another user");
    this.email = email;
  }

  /** @return the address as the caller spelled it */
  public String email() {
    return email;
  }
}
