package dev.appdb.bootstrap.cli;

import dev.appdb.application.user.UpdateUserProfile;
import dev.appdb.domain.entity.Cursor;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code appdb users add|get|list|update|delete}. */
@Command(name = "users", description = "Register, read, list, update and delete users.")
public final class UsersCommand extends AppdbSubcommand {

  @Override
  public Integer call() {
    return missingSubcommand();
  }

  @Command(name = "add", description = "Register a user.")
  Integer add(
      @Option(names = "--first-name", required = true, description = "1-100 characters") String first,
      @Option(names = "--last-name", required = true, description = "1-100 characters") String last,
      @Option(names = "--email", description = "optional; unique ignoring case") String email) {
    output().user(appdb().registerUser().register(first, last, email));
    return ExitCodes.OK;
  }

  @Command(name = "get", description = "Show one user.")
  Integer get(@Parameters(paramLabel = "USER_ID") String id) {
    output().user(appdb().userQueries().get(UserId.parse(id)));
    return ExitCodes.OK;
  }

  @Command(name = "list", description = "List users oldest first, one keyset page at a time.")
  Integer list(
      @Option(names = "--limit", defaultValue = "50", description = "page size, 1-1000 (default 50)")
      int limit,
      @Option(names = "--after", paramLabel = "TOKEN", description = "the next-page token")
      String after) {
    output().users(appdb().userQueries().list(after == null ? null : Cursor.parse(after), limit));
    return ExitCodes.OK;
  }

  @Command(name = "update",
      description = "Change names or email, only if the user is still at --expected-version.")
  Integer update(
      @Parameters(paramLabel = "USER_ID") String id,
      @Option(names = "--expected-version", required = true,
          description = "the version you read; a newer one fails with exit code 1") long version,
      @Option(names = "--first-name") String first,
      @Option(names = "--last-name") String last,
      @Option(names = "--email", description = "new address; an empty value removes it")
      String email) {
    UserId userId = UserId.parse(id);
    UpdateUserProfile.requireExpectedVersion(version); // before touching the database
    User current = appdb().userQueries().get(userId);
    String newEmail = email != null ? email
        : current.email() == null ? null : current.email().value();
    output().user(appdb().updateUserProfile().update(userId, version,
        first != null ? first : current.firstName(), last != null ? last : current.lastName(),
        newEmail));
    return ExitCodes.OK;
  }

  @Command(name = "delete", description = "Delete a user and its identity links.")
  Integer delete(@Parameters(paramLabel = "USER_ID") String id) {
    UserId userId = UserId.parse(id);
    appdb().deleteUser().delete(userId);
    output().done("deleted user " + userId);
    return ExitCodes.OK;
  }
}
