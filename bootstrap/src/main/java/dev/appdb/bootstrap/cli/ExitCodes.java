package dev.appdb.bootstrap.cli;

/** The exit codes of the {@code appdb} command. */
public final class ExitCodes {

  /** The command did what was asked (for {@code health}: the database is up). */
  public static final int OK = 0;
  /**
   * The request was refused by a domain rule: validation, duplicate, not found, concurrent update.
   */
  public static final int REFUSED = 1;
  /** Bad usage or configuration: unknown option, malformed setting, unreadable input file. */
  public static final int USAGE = 2;
  /**
   * The database could not do its part: unavailable, pool exhausted, timeout, unexpected error
   * (for {@code health}: the database is down).
   */
  public static final int DATABASE = 3;
  /** A bug in appdb: an exception nobody expected (BSD {@code EX_SOFTWARE}). */
  public static final int INTERNAL = 70;

  private ExitCodes() {}
}
