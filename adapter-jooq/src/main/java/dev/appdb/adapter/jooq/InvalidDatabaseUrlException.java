package dev.appdb.adapter.jooq;


/**
 * {@code DATABASE_URL} is empty, in no accepted form, or malformed. The message says what is
 * wrong, shows the URL with every password replaced by {@code ****} (also when parsing stopped
 * halfway, see {@link #maskedUrl()}) and lists the accepted forms. No message, field or
 * {@code toString} of this exception holds a password.
 */
public final class InvalidDatabaseUrlException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The forms {@link DatabaseUrls#parse(String)} accepts, one per line, for messages and docs. */
  public static final String ACCEPTED_FORMS = String.join("\n",
      "  postgresql://[user[:password]@][host][:port][,host2[:port2]...]/[dbname][?param=value&...]"
          + "   (libpq URI; also postgres://)",
      "  postgresql+psycopg://..., postgresql+psycopg2://..., postgresql+asyncpg://...,"
          + " postgresql+pg8000://...   (SQLAlchemy, read as libpq URI)",
      "  jdbc:postgresql://host[:port][,host2[:port2]...]/dbname[?property=value&...]   (pgjdbc)",
      "  jdbc:postgresql:dbname   (pgjdbc, localhost:5432)",
      "  sqlite:///relative/path.db or sqlite:////absolute/path.db   (SQLAlchemy;"
          + " also sqlite+pysqlite://)",
      "  jdbc:sqlite:path/to/file.db   (sqlite-jdbc)",
      "libpq query parameters: " + String.join(", ", LibpqParameters.SUPPORTED) + ".",
      "Percent-encode special characters in user names and passwords:"
          + " @ as %40, : as %3A, / as %2F, ? as %3F, # as %23, % as %25.");

  /** The URL with its passwords masked; {@code null} when it was empty. */
  private final String maskedUrl;
  private final String problem;

  private InvalidDatabaseUrlException(String maskedUrl, String problem, String message) {
    super(message);
    this.maskedUrl = maskedUrl;
    this.problem = problem;
  }

  /**
   * @param url the URL as given (it is masked here, never stored raw)
   * @param problem what is wrong; each {@code {}} is replaced by the next fragment, quoted, or by
   *     {@code '****'} when that fragment could be (part of) a password
   * @param fragments pieces of the URL to quote
   */
  static InvalidDatabaseUrlException of(String url, String problem, String... fragments) {
    PasswordMask mask = PasswordMask.of(url);
    StringBuilder detail = new StringBuilder();
    int next = 0;
    for (String fragment : fragments) {
      int slot = problem.indexOf("{}", next);
      if (slot < 0) {
        break;
      }
      String shown = mask.reveals(fragment) ? PasswordMask.MASK : fragment;
      detail.append(problem, next, slot).append('\'').append(shown).append('\'');
      next = slot + 2;
    }
    detail.append(problem.substring(next));
    String message = "DATABASE_URL '" + mask.text() + "' is not valid: " + detail
        + "\nAccepted forms:\n" + ACCEPTED_FORMS;
    return new InvalidDatabaseUrlException(mask.text(), detail.toString(), message);
  }

  /** @return the exception for a {@code null} or blank {@code DATABASE_URL} */
  static InvalidDatabaseUrlException empty() {
    String problem = "DATABASE_URL is empty";
    return new InvalidDatabaseUrlException(
        null, problem, problem + "; set it to one of the accepted forms:\n" + ACCEPTED_FORMS);
  }

  /**
   * @return the URL as given, with every password (and, where the URL is too broken to tell,
   *     everything that might be one) replaced by {@code ****}; {@code null} when it was empty
   */
  public String maskedUrl() {
    return maskedUrl;
  }

  /** @return what is wrong, in one sentence without the accepted forms; never a password */
  public String problem() {
    return problem;
  }
}
