package dev.appdb.domain.error;

/** The entity addressed by an operation does not exist (any more). */
public final class NotFoundException extends AppdbException {

  private static final long serialVersionUID = 1L;

  /**
   * @param entity what was looked for, e.g. {@code "user"}
   * @param key how it was addressed, e.g. the id; printed with {@code toString()}
   */
  public NotFoundException(String entity, Object key) {
    super(entity + " " + key + " not found");
  }
}
