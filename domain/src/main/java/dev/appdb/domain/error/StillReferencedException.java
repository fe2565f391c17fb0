package dev.appdb.domain.error;

import java.util.Objects;

/**
 * A row cannot be deleted (or its key changed) because other rows still refer to it through a
 * foreign key without {@code ON DELETE CASCADE}. Nothing was deleted. An HTTP API answers 409.
 */
public final class StillReferencedException extends AppdbException {

  private static final long serialVersionUID = 1L;

  private final String constraint;

  /**
   * @param constraint the foreign key's name, e.g. {@code orders_user_id_fkey}; where the
   *     database names none (SQLite), a description naming the table referred to instead,
   *     {@code a foreign key referring to users}
   */
  public StillReferencedException(String constraint) {
    super("the row is still referenced through " + Objects.requireNonNull(constraint,
        "constraint") + "; delete or re-point the referring rows first");
    this.constraint = constraint;
  }

  /**
   * @return the foreign key's name; on SQLite {@code a foreign key referring to <table>}, so
   *     compare it to a name only on PostgreSQL
   */
  public String constraint() {
    return constraint;
  }
}
