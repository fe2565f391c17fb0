package dev.appdb.application.importing;

import java.time.Instant;
import java.util.List;

/**
 * A user read from an import source, as raw values; {@link ImportUsers} applies the domain rules.
 *
 * @param key how the source names the user (e.g. the username)
 * @param firstName the first name, or null
 * @param lastName the last name, or null
 * @param email the address, or null
 * @param emailVerified whether the source vouches that the address belongs to the user; an
 *     unverified address is neither stored nor used to match an existing user
 * @param createdAt the creation time in the source, or null for "now"
 * @param identities the user's identities; the first one that is already linked
 *     decides which existing user this entry is
 */
public record ImportedUser(
    String key,
    String firstName,
    String lastName,
    String email,
    boolean emailVerified,
    Instant createdAt,
    List<ExternalIdentity> identities) implements ImportRecord {

  /** Copies {@code identities} into an unmodifiable list. */
  public ImportedUser {
    identities = List.copyOf(identities);
  }
}
