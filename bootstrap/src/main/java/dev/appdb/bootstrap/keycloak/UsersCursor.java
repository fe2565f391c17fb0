package dev.appdb.bootstrap.keycloak;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Walks the token stream of a realm export and hands out the elements of {@code users} one tree
 * at a time. Every other top-level field is skipped token by token, so memory holds one user,
 * whatever the size of the file. The whole file is read to its end, so broken syntax anywhere in
 * it is reported, as an {@link ImportFileException}.
 */
final class UsersCursor implements AutoCloseable {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path file;
  private final JsonParser parser;
  private final boolean bareArray;
  private String realm;
  private boolean inUsers;
  private boolean done;

  private UsersCursor(Path file, JsonParser parser, boolean bareArray) {
    this.file = file;
    this.parser = parser;
    this.bareArray = bareArray;
  }

  /**
   * Opens {@code file} and moves to the first {@code users} array, reading the top-level fields
   * before it (among them {@code realm}).
   *
   * @throws IOException when the file cannot be opened
   * @throws ImportFileException when the top level is not an object or an array, or the JSON up
   *     to the first user is broken
   */
  static UsersCursor open(Path file) throws IOException {
    JsonParser parser = MAPPER.createParser(Files.newInputStream(file));
    try {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
        throw new ImportFileException(file, parser.currentTokenLocation(),
            "must hold a realm export object or an array of users, was "
                + JsonValues.describe(first), null);
      }
      UsersCursor cursor = new UsersCursor(file, parser, first == JsonToken.START_ARRAY);
      cursor.inUsers = cursor.bareArray || cursor.advanceToUsers();
      return cursor;
    } catch (JsonProcessingException e) {
      parser.close();
      throw ImportFileException.malformed(file, e);
    } catch (RuntimeException | IOException e) {
      parser.close();
      throw e;
    }
  }

  /** @return whether the top level is an array of users rather than a realm export object */
  boolean bareArray() {
    return bareArray;
  }

  /**
   * @return whether the cursor stands inside a {@code users} array; right after opening, whether
   *     the file has a {@code users} array at all
   */
  boolean atUsers() {
    return inUsers;
  }

  /** @return the last top-level {@code realm} read so far, or null */
  String realm() {
    return realm;
  }

  /** @return where the parser stands, for messages */
  JsonLocation location() {
    return parser.currentTokenLocation();
  }

  /**
   * @return the next element of {@code users} (any JSON value; JSON {@code null} as
   *     {@link NullNode}), or null when the file holds no more
   * @throws ImportFileException when the JSON is broken or {@code users} is not an array
   * @throws UncheckedIOException when reading fails
   */
  JsonNode nextUser() {
    try {
      while (!done) {
        if (!inUsers && !advanceToUsers()) {
          return null;
        }
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
          inUsers = false;
          if (bareArray) {
            finish();
          }
          continue;
        }
        JsonNode user = parser.readValueAsTree();
        return user != null ? user : NullNode.getInstance();
      }
      return null;
    } catch (JsonProcessingException e) {
      throw ImportFileException.malformed(file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " (" + e + ")", e);
    }
  }

  /** Reads top-level fields up to the next non-null {@code users} array; false at the end. */
  private boolean advanceToUsers() throws IOException {
    while (!done) {
      JsonToken token = parser.nextToken();
      if (token == JsonToken.END_OBJECT) {
        finish();
        return false;
      }
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if ("realm".equals(name)) {
        realm = realmName(file, parser);
      } else if ("users".equals(name)) {
        if (value == JsonToken.START_ARRAY) {
          return true;
        }
        if (value != JsonToken.VALUE_NULL) {
          throw new ImportFileException(file, parser.currentTokenLocation(),
              "users: must be an array, was " + JsonValues.describe(value), null);
        }
      } else {
        parser.skipChildren();
      }
    }
    return false;
  }

  /**
   * Reads the value of a top-level {@code realm} field at which {@code parser} stands.
   *
   * @throws ImportFileException when it is not a non-blank string
   */
  static String realmName(Path file, JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING || parser.getText().isBlank()) {
      throw new ImportFileException(file, parser.currentTokenLocation(),
          "realm: must be a non-blank string, was "
              + JsonValues.describe(parser.currentToken()), null);
    }
    return parser.getText();
  }

  /** Checks that nothing but whitespace follows the top-level value, then releases the file. */
  private void finish() throws IOException {
    JsonToken trailing = parser.nextToken();
    if (trailing != null) {
      throw new ImportFileException(file, parser.currentTokenLocation(),
          "unexpected content (" + JsonValues.describe(trailing) + ") after the top-level value",
          null);
    }
    done = true;
    parser.close();
  }

  /** @return bytes of the file the parser has consumed so far (-1 when it cannot tell) */
  long bytesRead() {
    return parser.currentLocation().getByteOffset();
  }

  @Override
  public void close() {
    done = true;
    try {
      parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + file, e);
    }
  }
}
