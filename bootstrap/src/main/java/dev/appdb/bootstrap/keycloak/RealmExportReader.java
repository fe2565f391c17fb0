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
 * time, for {@link dev.appdb.application.importing.ImportUsers}: a full realm export, a
 * {@code --users different_files} users file, or a bare array of users. Every other top-level
 * field is skipped unbuilt; when {@code realm} comes after {@code users} and no issuer is given,
 * {@link #open} makes one extra tokenizing pass to find it. Each user's first identity is the
 * realm's own (issuer: the one given, else {@code keycloak:<realm>}; subject: its {@code id}, else
 * its username), then its {@code federatedIdentities}. How each field maps, and which odd shapes
 * become an {@link UnreadableUser} with the field named, is in {@code docs/OPERATIONS.md}
 * ("Importing a Keycloak realm"); a user that cannot be read never stops the stream.
 *
 * <p>Errors of the file itself (broken JSON, a top level that is neither object nor array,
 * {@code users} not an array, {@code realm} not a non-blank string, content after the top-level
 * value, users without a realm or issuer) throw {@link ImportFileException} naming the file, line
 * and column. Not thread-safe; close it (it also closes itself after the last user).
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
