package dev.appdb.domain.error;

import java.util.Objects;

/**
 * A value broke a rule of the domain, for example a first name longer than 100 characters or an
 * email address with a control character. Thrown by the constructors of entities and value
 * objects, before anything reaches the database, so nothing is written.
 */
public final class ValidationException extends AppdbException {

  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * @param field the name of the offending field as the caller knows it, e.g. {@code "firstName"}
   * @param problem what is wrong, naming the limit, e.g. {@code "must be at most 100 characters"}
   */
  public ValidationException(String field, String problem) {
    super(Objects.requireNonNull(field, "field") + ": " + problem);
    this.field = field;
  }

  /** @return the name of the field that broke the rule */
  public String field() {
    return field;
  }
}
