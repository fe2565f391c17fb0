package dev.appdb.bootstrap.cli;

import dev.appdb.application.signin.VerifiedClaims;
import dev.appdb.bootstrap.oidc.ClaimsReader;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code appdb sign-in --claims FILE}: sign in from the decoded claims of an ID token that the
 * caller already verified (signature, audience, expiry); appdb does not verify tokens.
 */
@Command(name = "sign-in",
    description = "Sign in from verified ID-token claims: find, link by verified email, or create.")
public final class SignInCommand extends AppdbSubcommand {

  @Option(names = "--claims", required = true, paramLabel = "FILE",
      description = "JSON file of decoded, verified ID-token claims (iss, sub, email, ...)")
  Path claims;

  @Override
  public Integer call() {
    VerifiedClaims verified = ClaimsReader.read(claims);
    output().signIn(appdb().signIn().signIn(verified));
    return ExitCodes.OK;
  }
}
