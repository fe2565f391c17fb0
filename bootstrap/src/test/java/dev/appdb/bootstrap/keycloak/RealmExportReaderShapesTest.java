package dev.appdb.bootstrap.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.application.importing.ExternalIdentity;
import dev.appdb.application.importing.ImportRecord;
import dev.appdb.application.importing.ImportedUser;
import dev.appdb.application.importing.UnreadableUser;
import dev.appdb.domain.error.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every odd shape of a realm export, one small inline file each. */
final class RealmExportReaderShapesTest {

  private static final String ISS = "keycloak:test";

  @TempDir
  Path dir;

  private Path write(String json) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "realm", ".json"), json);
  }

  private List<ImportRecord> read(String json) throws IOException {
    return RealmExportReaderRealFilesTest.readAll(write(json), null);
  }

  /** The records of one user object in a realm named {@code test}. */
  private List<ImportRecord> readUser(String userJson) throws IOException {
    return read("{\"realm\": \"test\", \"users\": [" + userJson + "]}");
  }

  private static ImportedUser user(String username, ExternalIdentity... more) {
    return user(username, null, null, null, more);
  }

  private static ImportedUser user(
      String username, String email, Instant createdAt, String subject, ExternalIdentity... more) {
    List<ExternalIdentity> identities = new ArrayList<>();
    identities.add(new ExternalIdentity(ISS, subject != null ? subject : username));
    identities.addAll(List.of(more));
    return new ImportedUser(username, null, null, email, false, createdAt, identities);
  }

  @Nested
  final class FileShapes {

    @Test
    void realmAfterUsersIsFoundByAFirstPass() throws IOException {
      Path file = write("{\"users\": [{\"username\": \"a\"}], \"clients\": [{\"realm\": \"no\"}],"
          + " \"realm\": \"late\"}");

      try (RealmExportReader reader = RealmExportReader.open(file, null, false)) {
        assertThat(reader.realm()).isEqualTo("late");
        assertThat(reader.issuer()).isEqualTo("keycloak:late");
        assertThat(reader).toIterable().containsExactly(new ImportedUser("a", null, null, null, false,
            null, List.of(new ExternalIdentity("keycloak:late", "a"))));
      }
    }

    @Test
    void realmAfterUsersWithAGivenIssuerMakesNoFirstPass() throws IOException {
      Path file = write("{\"users\": [{\"username\": \"a\"}], \"realm\": \"late\"}");

      try (RealmExportReader reader = RealmExportReader.open(file, "https://sso/realms/late", false)) {
        assertThat(reader.realm()).isNull();
        assertThat(reader.issuer()).isEqualTo("https://sso/realms/late");
        assertThat(reader).toIterable().extracting(r -> ((ImportedUser) r).identities())
            .containsExactly(List.of(new ExternalIdentity("https://sso/realms/late", "a")));
      }
    }

    @Test
    void aPartialUsersFileAsKeycloakWritesItPerBatch() throws IOException {
      assertThat(read("{\"realm\": \"test\", \"users\": [{\"username\": \"a\"},"
          + " {\"username\": \"b\"}]}")).containsExactly(user("a"), user("b"));
    }

    @Test
    void aBareArrayNeedsTheIssuer() throws IOException {
      Path file = write("[{\"username\": \"a\", \"id\": \"1f0\"}]");

      assertThat(RealmExportReaderRealFilesTest.readAll(file, ISS))
          .containsExactly(user("a", null, null, "1f0"));
      assertThatThrownBy(() -> RealmExportReader.open(file, null, false))
          .isInstanceOf(ImportFileException.class)
          .hasMessage(file + ": line 1, column 1: a bare array of users names no realm:"
              + " pass the issuer");
    }

    @Test
    void usersWithoutAnyRealmFieldNeedTheIssuer() throws IOException {
      Path file = write("{\"clients\": [], \"users\": [{\"username\": \"a\"}]}");

      assertThatThrownBy(() -> RealmExportReader.open(file, null, false))
          .isInstanceOf(ImportFileException.class)
          .hasMessageEndingWith("users but no top-level \"realm\" field: pass the issuer");
      assertThat(RealmExportReaderRealFilesTest.readAll(file, ISS)).containsExactly(user("a"));
    }

    @Test
    void otherTopLevelFieldsAreSkippedEvenWhenTheyNestUsersAndRealm() throws IOException {
      assertThat(read("{\"realm\": \"test\", \"clients\": [{\"realm\": \"x\", \"users\":"
          + " [{\"username\": \"nested\"}]}], \"roles\": {\"realm\": [{\"name\": \"r\"}]},"
          + " \"users\": [{\"username\": \"a\"}], \"groups\": [{\"users\": [1]}]}"))
          .containsExactly(user("a"));
    }

    @Test
    void aFileWithoutUsersGivesNoRecords() throws IOException {
      Path file = write("{\"realm\": \"test\", \"clients\": [{\"clientId\": \"app\"}]}");

      try (RealmExportReader reader = RealmExportReader.open(file, null, false)) {
        assertThat(reader.realm()).isEqualTo("test");
        assertThat(reader.hasNext()).isFalse();
        assertThatThrownBy(reader::next).isInstanceOf(NoSuchElementException.class);
      }
      assertThat(read("{\"users\": null}")).isEmpty();
      assertThat(read("{}")).isEmpty();
      assertThat(read("{\"realm\": \"test\", \"users\": []}")).isEmpty();
    }

    @Test
    void aTopLevelThatIsNeitherObjectNorArrayIsAFileError() throws IOException {
      Path text = write("\"users\"");
      Path empty = write("");

      assertThatThrownBy(() -> RealmExportReader.open(text, ISS, false))
          .isInstanceOf(ImportFileException.class)
          .hasMessage(text + ": line 1, column 1: must hold a realm export object or an array of"
              + " users, was a string");
      assertThatThrownBy(() -> RealmExportReader.open(empty, ISS, false))
          .isInstanceOf(ImportFileException.class)
          .hasMessageContaining("was nothing (the file is empty)");
    }

    @Test
    void usersOrRealmOfTheWrongTypeIsAFileError() throws IOException {
      Path users = write("{\"realm\": \"test\",\n \"users\": {\"username\": \"a\"}}");
      Path realm = write("{\"realm\": 7, \"users\": []}");

      assertThatThrownBy(() -> RealmExportReader.open(users, null, false))
          .isInstanceOf(ImportFileException.class)
          .hasMessage(users + ": line 2, column 11: users: must be an array, was an object");
      assertThatThrownBy(() -> RealmExportReader.open(realm, null, false))
          .isInstanceOf(ImportFileException.class)
          .hasMessageEndingWith("realm: must be a non-blank string, was a number");
    }

    @Test
    void aTruncatedFileFailsWithFileLineAndColumnAfterTheUsersBeforeIt() throws IOException {
      Path file = write("{\"realm\": \"test\", \"users\": [\n  {\"username\": \"a\"},\n"
          + "  {\"username\": \"b\", \"email\": \"b@exa");

      try (RealmExportReader reader = RealmExportReader.open(file, null, false)) {
        assertThat(reader.next()).isEqualTo(user("a"));
        assertThatThrownBy(reader::hasNext)
            .isInstanceOfSatisfying(ImportFileException.class, e -> {
              assertThat(e.file()).isEqualTo(file);
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.column()).isGreaterThan(30);
            })
            .hasMessageStartingWith(file + ": line 3, column ")
            .hasMessageContaining("malformed JSON: Unexpected end-of-input");
        assertThat(reader.hasNext()).as("nothing after a broken file").isFalse();
      }
    }

    @Test
    void brokenJsonBeforeOrAfterTheUsersIsAFileError() throws IOException {
      Path before = write("{\"realm\": \"test\", \"clients\": [{\"a\": }], \"users\": []}");
      Path after = write("{\"users\": [{\"username\": \"a\"}], \"realm\": \"test\", \"roles\": [");
      Path trailing = write("{\"realm\": \"test\", \"users\": []} {\"more\": 1}");

      assertThatThrownBy(() -> RealmExportReader.open(before, null, false))
          .isInstanceOf(ImportFileException.class)
          .hasMessageStartingWith(before + ": line 1, column 37: malformed JSON: ");
      try (RealmExportReader reader = RealmExportReader.open(after, ISS, false)) {
        assertThat(reader.next()).isEqualTo(user("a"));
        assertThatThrownBy(reader::hasNext).isInstanceOf(ImportFileException.class)
            .hasMessageContaining("Unexpected end-of-input");
      }
      assertThatThrownBy(() -> RealmExportReaderRealFilesTest.readAll(trailing, null))
          .isInstanceOf(ImportFileException.class)
          .hasMessage(trailing + ": line 1, column 32: unexpected content (an object) after the"
              + " top-level value");
    }

    @Test
    void anIssuerThatBreaksTheDomainRulesFailsAtOpen() throws IOException {
      Path file = write("{\"realm\": \"my realm\", \"users\": [{\"username\": \"a\"}]}");

      assertThatThrownBy(() -> RealmExportReader.open(file, null, false))
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith("issuer: must not contain whitespace");
      assertThat(RealmExportReaderRealFilesTest.readAll(file, ISS)).containsExactly(user("a"));
    }

    @Test
    void aMissingFileIsAnUncheckedIoError() {
      Path missing = dir.resolve("missing.json");

      assertThatThrownBy(() -> RealmExportReader.open(missing, ISS, false))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessage("cannot read " + missing + " (NoSuchFileException)");
    }

    @Test
    void aClosedReaderRefusesToIterate() throws IOException {
      RealmExportReader reader = RealmExportReader.open(write("[{\"username\": \"a\"}]"), ISS, false);
      reader.close();
      reader.close();

      assertThatThrownBy(reader::hasNext).isInstanceOf(IllegalStateException.class);
    }
  }

  @Nested
  final class UserShapes {

    @Test
    void createdTimestampIsEpochMillisAsNumberOrNumericString() throws IOException {
      assertThat(readUser("{\"username\": \"n\", \"createdTimestamp\": 1700000000123},"
          + "{\"username\": \"s\", \"createdTimestamp\": \"1700000000123\"},"
          + "{\"username\": \"z\", \"createdTimestamp\": null}")).containsExactly(
          user("n", null, Instant.parse("2023-11-14T22:13:20.123Z"), null),
          user("s", null, Instant.parse("2023-11-14T22:13:20.123Z"), null),
          user("z"));
    }

    @Test
    void createdTimestampThatIsNotEpochMillisMakesTheUserUnreadable() throws IOException {
      assertThat(readUser("{\"username\": \"a\", \"createdTimestamp\": \"2023-11-14\"},"
          + "{\"username\": \"b\", \"createdTimestamp\": 1.5},"
          + "{\"username\": \"c\", \"createdTimestamp\": true},"
          + "{\"username\": \"d\", \"createdTimestamp\": 99999999999999999999},"
          + "{\"username\": \"e\", \"createdTimestamp\": \"\"}")).containsExactly(
          new UnreadableUser("a", "createdTimestamp: must be epoch milliseconds, was '2023-11-14'"),
          new UnreadableUser("b", "createdTimestamp: must be epoch milliseconds, was '1.5'"),
          new UnreadableUser("c", "createdTimestamp: must be epoch milliseconds, was 'true'"),
          new UnreadableUser("d",
              "createdTimestamp: must be epoch milliseconds, was '99999999999999999999'"),
          new UnreadableUser("e", "createdTimestamp: must be epoch milliseconds, was ''"));
    }

    @Test
    void emailFallsBackToAttributesEmailAsStringOrFirstOfList() throws IOException {
      assertThat(readUser(
          "{\"username\": \"str\", \"attributes\": {\"email\": \"s@example.org\"}},"
          + "{\"username\": \"list\", \"attributes\": {\"email\": [\"l1@example.org\", \"l2@x\"]}},"
          + "{\"username\": \"empty\", \"attributes\": {\"email\": []}},"
          + "{\"username\": \"none\", \"attributes\": {\"key1\": [\"val1\"]}},"
          + "{\"username\": \"own\", \"email\": \"own@example.org\","
          + " \"attributes\": {\"email\": \"attr@example.org\"}},"
          + "{\"username\": \"blank\", \"email\": \" \", \"attributes\": {\"email\": \"b@x.org\"}}"))
          .containsExactly(
              user("str", "s@example.org", null, null),
              user("list", "l1@example.org", null, null),
              user("empty"),
              user("none"),
              user("own", "own@example.org", null, null),
              user("blank", "b@x.org", null, null));
    }

    @Test
    void namesAreTakenAsGivenAndBlankOnesBecomeNull() throws IOException {
      assertThat(readUser("{\"username\": \"a\", \"firstName\": \" Ada \", \"lastName\": \"\"}"))
          .containsExactly(new ImportedUser("a", " Ada ", null, null, false, null,
              List.of(new ExternalIdentity(ISS, "a"))));
    }

    @Test
    void theRealmIdentityUsesTheIdWhenPresent() throws IOException {
      assertThat(readUser("{\"username\": \"a\", \"id\": \"8c5f6b2e-0000-4000-8000-000000000001\"},"
          + "{\"username\": \"b\", \"id\": 42}, {\"username\": \"c\", \"id\": \"\"}"))
          .containsExactly(
              user("a", null, null, "8c5f6b2e-0000-4000-8000-000000000001"),
              user("b", null, null, "42"),
              user("c"));
    }

    @Test
    void federatedIdentitiesFollowTheRealmIdentityAndANumericUserIdIsItsText()
        throws IOException {
      assertThat(readUser("{\"username\": \"a\", \"federatedIdentities\": ["
          + "{\"identityProvider\": \"github\", \"userId\": 583231, \"userName\": \"octocat\"},"
          + "{\"identityProvider\": \"google\", \"userId\": \"1093\"},"
          + "{\"identityProvider\": \"github\", \"userId\": \"583231\"}]}"))
          .containsExactly(user("a",
              new ExternalIdentity("github", "583231"),
              new ExternalIdentity("google", "1093")));
    }

    @Test
    void aFederatedIdentityWithoutProviderOrUserIdMakesTheUserUnreadable() throws IOException {
      assertThat(readUser("{\"username\": \"a\", \"federatedIdentities\": ["
          + "{\"identityProvider\": \"google\", \"userId\": \"1\"}, {\"identityProvider\": \"x\"}]},"
          + "{\"username\": \"b\", \"federatedIdentities\": [{\"userId\": \"1\"}]},"
          + "{\"username\": \"c\", \"federatedIdentities\": [{\"identityProvider\": \"x\","
          + " \"userId\": \" \"}]}"))
          .containsExactly(
              new UnreadableUser("a", "federatedIdentities[1].userId: is required"),
              new UnreadableUser("b", "federatedIdentities[0].identityProvider: is required"),
              new UnreadableUser("c", "federatedIdentities[0].userId: is required"));
    }

    @Test
    void serviceAccountsAreNotPeople() throws IOException {
      assertThat(readUser("{\"username\": \"svc\", \"serviceAccountClientId\": \"billing\"},"
          + "{\"username\": \"service-account-admin-cli\"}"))
          .containsExactly(
              new UnreadableUser("svc", "service account of client billing: not a person"),
              new UnreadableUser("service-account-admin-cli",
                  "service account of client admin-cli: not a person"));
    }

    @Test
    void aUserWithoutUsernameIsKeyedByItsPosition() throws IOException {
      assertThat(readUser("{\"username\": \"a\"}, {\"email\": \"x@example.org\"},"
          + "{\"username\": \"  \"}, {\"username\": null}, {\"username\": 7}"))
          .containsExactly(
              user("a"),
              new UnreadableUser("#1", "username: is required"),
              new UnreadableUser("#2", "username: is required"),
              new UnreadableUser("#3", "username: is required"),
              new UnreadableUser("#4", "username: must be a string, was a number"));
    }

    @Test
    void wrongJsonTypesMakeOneUserUnreadableAndTheStreamGoesOn() throws IOException {
      assertThat(readUser("\"just-a-name\", null, [],"
          + "{\"username\": \"a\", \"firstName\": 7},"
          + "{\"username\": \"b\", \"lastName\": {\"x\": 1}},"
          + "{\"username\": \"c\", \"email\": [\"c@example.org\"]},"
          + "{\"username\": \"d\", \"attributes\": [\"email\"]},"
          + "{\"username\": \"e\", \"attributes\": {\"email\": [42]}},"
          + "{\"username\": \"f\", \"attributes\": {\"email\": true}},"
          + "{\"username\": \"g\", \"federatedIdentities\": {\"identityProvider\": \"x\"}},"
          + "{\"username\": \"h\", \"federatedIdentities\": [\"google\"]},"
          + "{\"username\": \"i\", \"federatedIdentities\": [null]},"
          + "{\"username\": \"j\", \"federatedIdentities\": [{\"identityProvider\": 1,"
          + " \"userId\": \"1\"}]},"
          + "{\"username\": \"k\", \"federatedIdentities\": [{\"identityProvider\": \"x\","
          + " \"userId\": 1.5}]},"
          + "{\"username\": \"l\", \"id\": {\"uuid\": 1}},"
          + "{\"username\": \"ok\"}"))
          .containsExactly(
              new UnreadableUser("#0", "users[0]: must be an object, was a string"),
              new UnreadableUser("#1", "users[1]: must be an object, was null"),
              new UnreadableUser("#2", "users[2]: must be an object, was an array"),
              new UnreadableUser("a", "firstName: must be a string, was a number"),
              new UnreadableUser("b", "lastName: must be a string, was an object"),
              new UnreadableUser("c", "email: must be a string, was an array"),
              new UnreadableUser("d", "attributes: must be an object, was an array"),
              new UnreadableUser("e", "attributes.email[0]: must be a string, was a number"),
              new UnreadableUser("f", "attributes.email: must be a string, was a boolean"),
              new UnreadableUser("g", "federatedIdentities: must be an array, was an object"),
              new UnreadableUser("h", "federatedIdentities[0]: must be an object, was a string"),
              new UnreadableUser("i", "federatedIdentities[0]: must be an object, was null"),
              new UnreadableUser("j",
                  "federatedIdentities[0].identityProvider: must be a string, was a number"),
              new UnreadableUser("k",
                  "federatedIdentities[0].userId: must be a string or an integer, was a number"),
              new UnreadableUser("l", "id: must be a string or an integer, was an object"),
              user("ok"));
    }

    @Test
    void positionsCountAcrossTheWholeUsersArray() throws IOException {
      assertThat(readUser("{\"username\": \"svc\", \"serviceAccountClientId\": \"c\"},"
          + "{\"username\": \"a\"}, {}"))
          .extracting(ImportRecord::key).containsExactly("svc", "a", "#2");
    }
  }
}
