package dev.appdb.domain.user;

import java.util.List;

/**
 * One page of users in listing order ({@code createdAt}, then {@code id}).
 *
 * @param users the users of this page, never null, at most the requested limit
 * @param next where the next page starts, or null when this is the last page
 */
public record UserPage(List<User> users, UserCursor next) {

  /** Copies {@code users} into an unmodifiable list. */
  public UserPage {
    users = List.copyOf(users);
  }
}
