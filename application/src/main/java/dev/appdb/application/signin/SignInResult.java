package dev.appdb.application.signin;

import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.user.User;

/**
 * What a sign-in did.
 *
 * @param outcome which path was taken
 * @param user the signed-in user
 * @param identity the identity link used or made
 */
public record SignInResult(Outcome outcome, User user, UserIdentity identity) {

  /** The three paths of {@link SignIn#signIn}. */
  public enum Outcome {
    /** The identity was linked already: the user signed in. */
    EXISTING,
    /** The identity was new; the verified email matched a user, and the identity was linked. */
    LINKED_BY_EMAIL,
    /** Neither matched: a user and its identity were created. */
    CREATED
  }
}
