package dev.appdb.bootstrap.keycloak;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A realm export file as a whole cannot be read: its JSON syntax is broken (for example the file
 * was truncated), its top level is neither an object nor an array, {@code users} or {@code realm}
 * has the wrong JSON type, or the file names no realm while the caller passed no issuer.
 *
 * <p>Problems of one user are never reported this way; they become an
 * {@link dev.appdb.application.importing.UnreadableUser} and the stream goes on. When this
 * exception is thrown from {@link RealmExportReader#hasNext()} or {@link RealmExportReader#next()},
 * the records returned before it were read from well-formed JSON and stay valid.
 *
 * <p>The message reads {@code <file>: line <n>, column <m>: <problem>}.
 */
public final class ImportFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;
  private final int column;

  ImportFileException(Path file, JsonLocation location, String problem, Throwable cause) {
    super(Objects.requireNonNull(file, "file") + ": line " + location.getLineNr()
        + ", column " + location.getColumnNr() + ": " + problem, cause);
    this.file = file;
    this.line = location.getLineNr();
    this.column = location.getColumnNr();
  }

  /** Reports broken JSON syntax at the location Jackson gives. */
  static ImportFileException malformed(Path file, JsonProcessingException e) {
    JsonLocation location = e.getLocation() != null ? e.getLocation() : JsonLocation.NA;
    return new ImportFileException(file, location, "malformed JSON: " + e.getOriginalMessage(), e);
  }

  /** @return the file that cannot be read (null only after deserialization) */
  public Path file() {
    return file;
  }

  /** @return the 1-based line of the problem, or -1 when unknown */
  public int line() {
    return line;
  }

  /** @return the 1-based column of the problem, or -1 when unknown */
  public int column() {
    return column;
  }
}
