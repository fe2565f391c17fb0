package dev.appdb.domain.error;

import java.util.Objects;

/**
 * A row would break a unique constraint or a primary key of a service's table, named by the
 * database's constraint name (PostgreSQL's, or on SQLite the one declared in the schema jOOQ
 * generated from). appdb's own unique rules raise their specific subtypes instead
 * ({@link DuplicateEmailException}, {@link IdentityAlreadyLinkedException}). An HTTP API answers
 * 409.
 */
public final class DuplicateKeyException extends DuplicateException {

  private static final long serialVersionUID = 1L;

  private final String constraint;

  /**
   * @param constraint the constraint's name, e.g. {@code orders_number_key}, or, when the
   *     database does not name it, the table and columns, e.g. {@code orders(number)}; never
   *     null
   */
  public DuplicateKeyException(String constraint) {
    super("a row with the same key already exists (" + Objects.requireNonNull(constraint,
        "constraint") + ")");
    this.constraint = constraint;
  }

  /** @return the violated constraint's name, or table and columns when unnamed */
  public String constraint() {
    return constraint;
  }
}
