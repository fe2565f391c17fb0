package dev.appdb.domain.error;

import java.util.Objects;

/**
 * A row refers, through a foreign key, to a row that does not exist (an order for an unknown
 * user). Named by the foreign key's constraint name. Nothing was written. An HTTP API answers
 * 404, or 422 when the reference came in the request body.
 */
public final class MissingReferenceException extends NotFoundException {

  private static final long serialVersionUID = 1L;

  private final String constraint;

  /**
   * @param constraint the foreign key's name, e.g. {@code orders_user_id_fkey}; where the
   *     database names none (SQLite) and the table's generated classes do not hold exactly one
   *     foreign key (a key to appdb's {@code users} is not in a service's generated classes), a
   *     description naming the table instead, {@code a foreign key of orders}
   */
  public MissingReferenceException(String constraint) {
    super("the row that " + Objects.requireNonNull(constraint, "constraint")
        + " refers to does not exist");
    this.constraint = constraint;
  }

  /**
   * @return the foreign key's name; on SQLite possibly {@code a foreign key of <table>} (see the
   *     constructor), so compare it to a name only on PostgreSQL
   */
  public String constraint() {
    return constraint;
  }
}
