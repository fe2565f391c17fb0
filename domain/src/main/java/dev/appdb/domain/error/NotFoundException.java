package dev.appdb.domain.error;

/** The entity addressed by an operation does not exist (any more). */
public sealed class NotFoundException extends AppdbException permits MissingReferenceException {

  private static final long serialVersionUID = 1L;

  /**
   * @param entity what was looked for, e.g. {@code "user"}
   * @param key how it was addressed, e.g. the id; printed with {@code toString()}
   */
  public NotFoundException(String entity, Object key) {
    super(entity + " " + key + " not found");
  }

  /** @param message what was not found, without secrets */
  NotFoundException(String message) {
    super(message);
  }
}
