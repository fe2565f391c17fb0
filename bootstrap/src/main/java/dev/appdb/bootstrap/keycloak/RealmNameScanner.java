package dev.appdb.bootstrap.keycloak;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cheap first pass over a realm export whose {@code realm} field comes after {@code users}:
 * it reads the top-level field names only, skipping every value without building it, and stops
 * at {@code realm}. Memory stays constant; time is one tokenizing pass up to that field.
 */
final class RealmNameScanner {

  private static final JsonFactory JSON = new JsonFactory();

  private RealmNameScanner() {}

  /**
   * @param file a realm export whose top level is an object
   * @return the top-level {@code realm}, or null when there is none
   * @throws IOException when the file cannot be read
   * @throws ImportFileException when the JSON is broken before {@code realm}, or {@code realm}
   *     is not a non-blank string
   */
  static String find(Path file) throws IOException {
    try (JsonParser parser = JSON.createParser(Files.newInputStream(file))) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        if ("realm".equals(name)) {
          return UsersCursor.realmName(file, parser);
        }
        parser.skipChildren();
      }
      return null;
    } catch (JsonProcessingException e) {
      throw ImportFileException.malformed(file, e);
    }
  }
}
