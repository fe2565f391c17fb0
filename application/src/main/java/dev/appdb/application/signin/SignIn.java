package dev.appdb.application.signin;

import dev.appdb.application.naming.PersonName;
import dev.appdb.application.port.RetryPolicy;
import dev.appdb.application.port.Transactions;
import dev.appdb.application.port.UnitOfWork;
import dev.appdb.domain.error.DuplicateException;
import dev.appdb.domain.error.ValidationException;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case: sign a user in from verified OpenID Connect claims, in one unit of work.
 *
 * <ol>
 *   <li>The identity (issuer, subject) is linked: that user signs in.</li>
 *   <li>Else, when {@code email_verified} is true and a user has that email (ignoring case): the
 *       identity is linked to that user. An unverified email never links, which closes the
 *       pre-account-takeover hole of trusting an address the provider did not check.</li>
 *   <li>Else a user and its identity are created. The email is stored only when verified, for
 *       the same reason; names are derived as {@link PersonName} describes, with
 *       {@code preferred_username}, then the verified email, then the subject as handle, and
 *       cut to 100 characters (a long name from the provider must not lock the person out).</li>
 * </ol>
 *
 * <p>Two sign-ins for the same new identity at once: one creates, the other's insert collides on
 * the unique (issuer, subject) or email key, its unit of work rolls back, and it runs once more,
 * now finding the link. Both return the same user.
 */
public final class SignIn {


  private final Transactions transactions;
  private final Clock clock;

  /**
   * @param transactions the unit-of-work port
   * @param clock the source of timestamps
   */
  public SignIn(Transactions transactions, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param claims verified claims
   * @return what happened and to whom
   * @throws ValidationException when a claim breaks a rule (for example a name over 100
   *     characters, or an email with whitespace); nothing is written
   */
  public SignInResult signIn(VerifiedClaims claims) {
    return RetryPolicy.DEFAULT.rerunLostRaces(
        () -> transactions.inTransaction(tx -> signIn(tx, claims, clock.instant())),
        DuplicateException.class::isInstance);
  }

  private static SignInResult signIn(UnitOfWork tx, VerifiedClaims claims, Instant now) {
    Optional<UserIdentity> linked = tx.identities().find(claims.issuer(), claims.subject());
    if (linked.isPresent()) {
      User user = tx.users().findById(linked.get().userId()).orElseThrow();
      return new SignInResult(SignInResult.Outcome.EXISTING, user, linked.get());
    }
    Email verifiedEmail = claims.emailVerified() ? Email.ofNullable(claims.email()) : null;
    Optional<User> byEmail =
        verifiedEmail == null ? Optional.empty() : tx.users().findByEmail(verifiedEmail);
    if (byEmail.isPresent()) {
      UserIdentity identity = tx.identities().link(
          new UserIdentity(claims.issuer(), claims.subject(), byEmail.get().id(), now));
      return new SignInResult(SignInResult.Outcome.LINKED_BY_EMAIL, byEmail.get(), identity);
    }
    PersonName name = PersonName.derive(claims.givenName(), claims.familyName(), claims.name(),
        handle(claims)).fitTo(User.MAX_NAME_LENGTH);
    User user = tx.users().create(
        User.register(name.firstName(), name.lastName(), verifiedEmail, now));
    UserIdentity identity =
        tx.identities().link(new UserIdentity(claims.issuer(), claims.subject(), user.id(), now));
    return new SignInResult(SignInResult.Outcome.CREATED, user, identity);
  }

  /** An unverified email is never shown as a name: it could be someone else's address. */
  private static String handle(VerifiedClaims claims) {
    if (claims.preferredUsername() != null && !claims.preferredUsername().isBlank()) {
      return claims.preferredUsername();
    }
    if (claims.emailVerified() && claims.email() != null && !claims.email().isBlank()) {
      return claims.email();
    }
    return claims.subject().value();
  }
}
