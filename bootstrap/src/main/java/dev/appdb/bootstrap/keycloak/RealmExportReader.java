package dev.appdb.bootstrap.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appdb.application.importing.ImportRecord;
import dev.appdb.application.importing.ImportedUser;
import dev.appdb.application.importing.UnreadableUser;
import dev.appdb.domain.error.ValidationException;
import dev.appdb.domain.identity.Issuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Streams the users of a Keycloak realm export as {@link ImportRecord}s, one user in memory at a
 * time, for {@link dev.appdb.application.importing.ImportUsers}.
 *
 * <p>Accepted files (top level):
 * <ul>
 *   <li>a full realm export, {@code {"realm": "test", "users": [...], "clients": [...], ...}}, as
 *       written by {@code kc.sh export --file} or the admin console;</li>
 *   <li>a partial users file, {@code {"realm": "test", "users": [...]}}, as written by
 *       {@code kc.sh export --users different_files} (one file per batch of users);</li>
 *   <li>a bare array of user representations, {@code [{...}, {...}]}.</li>
 * </ul>
 * Every top-level field other than {@code realm} and {@code users} (clients, roles, groups…) is
 * skipped token by token without being built. The file is read to its end, so broken JSON
 * anywhere is reported.
 *
 * <p><b>The realm's own identity.</b> Each user gets, first, an identity at the realm itself:
 * issuer = the {@code issuer} passed to {@link #open}, else {@code "keycloak:" + realm}; subject =
 * the user's {@code id} (Keycloak's {@code sub} for that user), else the username. Without an
 * {@code id} (hand-written and test exports often omit it) the real {@code sub} is unknown; the
 * username keeps a re-import of the same file idempotent, and a later sign-in still finds the
 * user by its verified email. Pass the realm's issuer URL (e.g.
 * {@code https://sso.example.com/realms/test}) to link exactly what the tokens will carry.
 *
 * <p><b>When {@code realm} comes after {@code users}.</b> JSON key order is free, and some tools
 * write {@code realm} last. When no issuer is passed and the file has not named its realm before
 * the first user, {@link #open} makes one cheap extra pass over the file: it reads the top-level
 * field names only, skips every value unbuilt, and stops at {@code realm}. Memory stays constant;
 * time grows by one tokenizing pass. Passing an issuer avoids that pass. A file with users that
 * names no realm at all (always the case for a bare array) needs the issuer.
 *
 * <p><b>Mapping of one user</b> (Keycloak's {@code UserRepresentation}; the reason of an
 * {@link UnreadableUser} names the field and is shown as is; {@code #<i>} is the 0-based position
 * of the element in {@code users}):
 * <table>
 *   <caption>odd shape → what happens</caption>
 *   <tr><th>shape</th><th>result</th></tr>
 *   <tr><td>element is not an object (string, number, null…)</td>
 *       <td>{@code UnreadableUser("#<i>", "users[<i>]: must be an object, was a string")}</td></tr>
 *   <tr><td>{@code username} missing, null or blank</td>
 *       <td>{@code UnreadableUser("#<i>", "username: is required")}</td></tr>
 *   <tr><td>{@code username} not a string</td>
 *       <td>{@code UnreadableUser("#<i>", "username: must be a string, was a number")}</td></tr>
 *   <tr><td>{@code serviceAccountClientId} present (not blank), or username starting
 *       {@code service-account-}</td>
 *       <td>{@code UnreadableUser(username, "service account of client <id>: not a person")};
 *       {@code <id>} is {@code serviceAccountClientId}, else the username after the prefix</td></tr>
 *   <tr><td>{@code firstName} / {@code lastName} missing, null or blank</td>
 *       <td>null ({@code ImportUsers} derives the name from the username); otherwise as
 *       given, not trimmed</td></tr>
 *   <tr><td>{@code email} missing, null or blank</td>
 *       <td>{@code attributes.email} instead: a string, or the first element of a list of
 *       strings (Keycloak's {@code Map<String, List<String>>}; old exports wrote a plain
 *       string); empty list, null or blank → null</td></tr>
 *   <tr><td>{@code emailVerified} ({@code true}/{@code false}, or those strings)</td>
 *       <td>the email counts as verified only when {@code emailVerified} is true and the address
 *       came from {@code email} (or {@code trustEmails} is set); an unverified address is
 *       ignored by the import; another type → {@code UnreadableUser}</td></tr>
 *   <tr><td>{@code createdTimestamp} a JSON integer, or a string of digits
 *       ({@code "123655"})</td>
 *       <td>epoch milliseconds → {@code Instant}; missing or null → null ("now" on import)</td></tr>
 *   <tr><td>{@code createdTimestamp} anything else ({@code "yesterday"}, {@code 1.5},
 *       {@code true}, too large for a long)</td>
 *       <td>{@code UnreadableUser(username,
 *       "createdTimestamp: must be epoch milliseconds, was 'yesterday'")}</td></tr>
 *   <tr><td>{@code id} missing, null or blank</td>
 *       <td>the realm identity's subject is the username (see above); a JSON integer
 *       {@code id} is taken as its decimal text</td></tr>
 *   <tr><td>{@code federatedIdentities[i]}</td>
 *       <td>{@code ExternalIdentity(identityProvider, userId)} after the realm identity, in
 *       file order; {@code userName} is ignored; {@code userId} may be a string or a JSON
 *       integer (its decimal text); an identical pair given twice is kept once</td></tr>
 *   <tr><td>{@code federatedIdentities[i].identityProvider} or {@code .userId} missing, null or
 *       blank</td>
 *       <td>{@code UnreadableUser(username, "federatedIdentities[1].userId: is required")}</td></tr>
 *   <tr><td>a read field of the wrong JSON type ({@code "firstName": 7},
 *       {@code "attributes": []}, {@code "federatedIdentities": {}},
 *       {@code "federatedIdentities": ["x"]}, …)</td>
 *       <td>{@code UnreadableUser(username, "<path>: must be a string, was a number")} and the
 *       like; never an exception, the stream goes on</td></tr>
 *   <tr><td>every other field ({@code enabled}, {@code credentials},
 *       roles, groups, consents…)</td>
 *       <td>ignored; disabled users are imported too</td></tr>
 * </table>
 *
 * <p><b>Errors of the file itself</b> throw {@link ImportFileException} naming file, line and
 * column: broken JSON syntax (a truncated file), a top level that is neither an object nor an
 * array (or an empty file), {@code users} that is not an array, {@code realm} that is not a
 * non-blank string, content after the top-level value, and users without a realm name or issuer.
 * A file without {@code users} (or with {@code "users": null}) yields no records.
 *
 * <p>Not thread-safe. Close it (try-with-resources); it also closes itself after the last user.
 */
public final class RealmExportReader implements Iterator<ImportRecord>, AutoCloseable {

  private static final String ISSUER_PREFIX = "keycloak:";

  private final UsersCursor cursor;
  private final String realm;
  private final String issuer;
  private final UserRepresentationMapper mapper;
  private ImportRecord next;
  private int index;
  private boolean exhausted;
  private boolean closed;

  private RealmExportReader(UsersCursor cursor, String realm, String issuer, boolean trustEmails) {
    this.cursor = cursor;
    this.realm = realm;
    this.issuer = issuer;
    this.mapper = issuer == null ? null : new UserRepresentationMapper(issuer, trustEmails);
    this.exhausted = !cursor.atUsers();
  }

  /**
   * Opens a realm export and reads up to its first user.
   *
   * @param file the export, a JSON file in UTF-8 (or UTF-16/32, detected by Jackson)
   * @param issuer the issuer of the realm's own identity for every user, e.g. the realm's
   *     issuer URL; null for {@code "keycloak:" + realm}
   * @param trustEmails treat every {@code email} as verified, whatever {@code emailVerified} says
   *     (an operator's decision for exports whose addresses are known to be verified)
   * @return a reader positioned before the first user; close it
   * @throws UncheckedIOException when the file cannot be opened or read (the cause is the
   *     {@link IOException}, e.g. {@link java.nio.file.NoSuchFileException})
   * @throws ImportFileException when the file is not a realm export (see the class comment), or
   *     it has users but names no realm and {@code issuer} is null
   * @throws ValidationException when the issuer (given or derived from the realm) breaks the
   *     domain's {@link Issuer} rules, e.g. has whitespace
   */
  public static RealmExportReader open(Path file, String issuer, boolean trustEmails) {
    Objects.requireNonNull(file, "file");
    UsersCursor cursor;
    try {
      cursor = UsersCursor.open(file);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
    try {
      String realm = cursor.realm();
      if (cursor.atUsers() && realm == null && issuer == null && !cursor.bareArray()) {
        realm = RealmNameScanner.find(file);
      }
      String identityIssuer = issuer != null ? issuer : realm != null ? ISSUER_PREFIX + realm : null;
      if (cursor.atUsers() && identityIssuer == null) {
        throw new ImportFileException(file, cursor.location(), cursor.bareArray()
            ? "a bare array of users names no realm: pass the issuer"
            : "users but no top-level \"realm\" field: pass the issuer", null);
      }
      if (identityIssuer != null) {
        new Issuer(identityIssuer);
      }
      return new RealmExportReader(cursor, realm, identityIssuer, trustEmails);
    } catch (IOException e) {
      cursor.close();
      throw unreadable(file, e);
    } catch (RuntimeException e) {
      cursor.close();
      throw e;
    }
  }

  /**
   * @return the file's top-level {@code realm}; null for a bare array, for a file without one,
   *     and when an issuer was passed while {@code realm} comes only after {@code users} (no
   *     extra pass is made then)
   */
  public String realm() {
    return realm;
  }

  /**
   * @return the issuer of the realm identity every user gets first; null only when the file has
   *     no users and no realm, so there is nothing to import
   */
  public String issuer() {
    return issuer;
  }

  /**
   * Reads the next user from the file when none is buffered.
   *
   * @return whether a record follows
   * @throws ImportFileException when the file's JSON is broken before the next user or after
   *     the last one; the file is then released and the reader holds no more records
   * @throws UncheckedIOException when reading fails; likewise
   * @throws IllegalStateException after {@link #close()}
   */
  @Override
  public boolean hasNext() {
    if (closed) {
      throw new IllegalStateException("the realm export reader is closed");
    }
    if (next == null && !exhausted) {
      JsonNode user;
      try {
        user = cursor.nextUser();
      } catch (RuntimeException e) {
        exhausted = true;
        cursor.close();
        throw e;
      }
      if (user == null) {
        exhausted = true;
      } else {
        next = mapper.map(user, index++);
      }
    }
    return next != null;
  }

  /**
   * @return the next user: an {@link ImportedUser} or an {@link UnreadableUser}
   * @throws NoSuchElementException when the file holds no more users
   * @throws ImportFileException as {@link #hasNext()}
   */
  @Override
  public ImportRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more users in the realm export");
    }
    ImportRecord record = next;
    next = null;
    return record;
  }

  /**
   * @return how far into the file reading has come, in bytes (of the file, whatever its
   *     encoding), for progress; -1 when the parser cannot tell
   */
  public long bytesRead() {
    return cursor.bytesRead();
  }

  /** Releases the file; idempotent. */
  @Override
  public void close() {
    closed = true;
    cursor.close();
  }

  private static UncheckedIOException unreadable(Object source, IOException e) {
    String detail = e.getMessage() == null || e.getMessage().equals(source.toString())
        ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    return new UncheckedIOException("cannot read " + source + " (" + detail + ")", e);
  }
}
