package dev.appdb.bootstrap.cli;

import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import dev.appdb.domain.user.UserId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code appdb identities link|list|unlink}. */
@Command(name = "identities", description = "Link, list and unlink OpenID Connect identities.")
public final class IdentitiesCommand extends AppdbSubcommand {

  @Override
  public Integer call() {
    return missingSubcommand();
  }

  @Command(name = "link", description = "Link (issuer, subject) to a user.")
  Integer link(
      @Parameters(paramLabel = "USER_ID") String userId,
      @Option(names = "--issuer", required = true, description = "iss claim or provider alias")
      String issuer,
      @Option(names = "--subject", required = true, description = "sub claim") String subject) {
    output().identity(appdb().identityLinks()
        .link(UserId.parse(userId), new Issuer(issuer), new Subject(subject)));
    return ExitCodes.OK;
  }

  @Command(name = "list", description = "List a user's identities.")
  Integer list(@Parameters(paramLabel = "USER_ID") String userId) {
    output().identities(appdb().identityLinks().listForUser(UserId.parse(userId)));
    return ExitCodes.OK;
  }

  @Command(name = "unlink", description = "Remove the link of (issuer, subject).")
  Integer unlink(
      @Option(names = "--issuer", required = true) String issuer,
      @Option(names = "--subject", required = true) String subject) {
    appdb().identityLinks().unlink(new Issuer(issuer), new Subject(subject));
    output().done("unlinked (" + issuer + ", " + subject + ")");
    return ExitCodes.OK;
  }
}
