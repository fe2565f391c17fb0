package dev.appdb.bootstrap.cli.output;

import dev.appdb.application.health.HealthReport;
import dev.appdb.application.importing.ImportReport;
import dev.appdb.application.signin.SignInResult;
import dev.appdb.bootstrap.DatabaseHealth;
import dev.appdb.bootstrap.provision.ProvisionReport;
import dev.appdb.domain.entity.Page;
import dev.appdb.domain.error.PoolStatus;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.user.User;
import dev.appdb.migrations.MigrationReport;
import java.util.List;

/**
 * How the CLI shows results: {@link HumanOutput} by default, {@link JsonOutput} with
 * {@code --json} (one JSON document per command on stdout). Errors go to stderr as one line.
 */
public interface Output {

  /** @param reports the migration run, one report per migration set, appdb's first */
  void migrated(List<MigrationReport> reports);

  /** @param user one user */
  void user(User user);

  /** @param page a page of users, with the token of the next page if any */
  void users(Page<User> page);

  /** @param what a confirmation such as {@code "deleted user 0190…"} */
  void done(String what);

  /** @param identity one identity link */
  void identity(UserIdentity identity);

  /** @param identities a user's identity links */
  void identities(List<UserIdentity> identities);

  /** @param result a sign-in's outcome */
  void signIn(SignInResult result);

  /**
   * An import entry was rejected; called while the import runs, in file order.
   *
   * @param key the entry's key, e.g. the username
   * @param reason why, naming the field
   */
  void rejected(String key, String reason);

  /** @param report the final counts of an import */
  void imported(ImportReport report);

  /**
   * @param report the application database's readiness
   * @param named the named databases' health, in order; empty when none is declared
   */
  void health(HealthReport report, List<DatabaseHealth> named);

  /** @param report what provisioning did, step by step */
  void provisioned(ProvisionReport report);

  /** @param status the pool's status */
  void poolStatus(PoolStatus status);

  /**
   * @param type the error's kind, e.g. {@code DuplicateEmailException}
   * @param message one line, without secrets
   */
  void error(String type, String message);
}
