package dev.appdb.bootstrap.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.application.importing.ExternalIdentity;
import dev.appdb.application.importing.ImportRecord;
import dev.appdb.application.importing.ImportedUser;
import dev.appdb.application.importing.UnreadableUser;
import dev.appdb.bootstrap.testdata.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact records read from the real Keycloak exports in {@code shared/data/keycloak}. */
final class RealmExportReaderRealFilesTest {

  private static final String FEDERATED = "keycloak/model-testrealm-federated-identities.json";
  private static final String WITH_NAMES = "keycloak/testrealm-users-with-names.json";

  static List<ImportRecord> readAll(Path file, String issuer) throws IOException {
    List<ImportRecord> records = new ArrayList<>();
    try (RealmExportReader reader = RealmExportReader.open(file, issuer, false)) {
      reader.forEachRemaining(records::add);
    }
    return records;
  }

  private static ExternalIdentity realm(String issuer, String subject) {
    return new ExternalIdentity(issuer, subject);
  }

  @Test
  void modelTestrealmGivesUsersWithTimestampsAttributeEmailFederatedIdentitiesAndAServiceAccount()
      throws IOException {
    Path file = SharedData.file(FEDERATED);
    String iss = "keycloak:test-realm";

    try (RealmExportReader reader = RealmExportReader.open(file, null, false)) {
      assertThat(reader.realm()).isEqualTo("test-realm");
      assertThat(reader.issuer()).isEqualTo(iss);
    }
    assertThat(readAll(file, null)).containsExactly(
        new ImportedUser("wburke", null, null, "alice@example.org", false,
            Instant.ofEpochMilli(123654), List.of(realm(iss, "wburke"))),
        new ImportedUser("loginclient", null, null, null, false,
            Instant.ofEpochMilli(123655), List.of(realm(iss, "loginclient"))),
        new ImportedUser("admin", null, null, null, false, null, List.of(realm(iss, "admin"))),
        new ImportedUser("mySocialUser", null, null, null, false, null, List.of(
            realm(iss, "mySocialUser"),
            new ExternalIdentity("facebook1", "facebook1"),
            new ExternalIdentity("twitter1", "twitter1"),
            new ExternalIdentity("google1", "google1"))),
        new UnreadableUser("my-service-user",
            "service account of client OtherApp: not a person"));
  }

  @Test
  void testrealmGivesTenUsersWithEmailsAndNamesWhereGiven() throws IOException {
    Path file = SharedData.file(WITH_NAMES);
    String iss = "keycloak:test";

    assertThat(readAll(file, null)).containsExactly(
        user(iss, "test-user@localhost", "Ted", "Brannock", "test-user@localhost"),
        user(iss, "john-doh@localhost", "John", "Doh", "john-doh@localhost"),
        user(iss, "keycloak-user@localhost", null, null, "keycloak-user@localhost"),
        user(iss, "topGroupUser", null, null, "top@redhat.com"),
        user(iss, "level2GroupUser", null, null, "level2@redhat.com"),
        user(iss, "roleRichUser", null, null, "rich.roles@redhat.com"),
        user(iss, "non-duplicate-email-user", "Brian", "Cohen",
            "non-duplicate-email-user@localhost"),
        user(iss, "user-with-one-configured-otp", null, null, "otp1@redhat.com"),
        user(iss, "user-with-two-configured-otp", null, null, "otp2@redhat.com"),
        user(iss, "special>>character", "Special", "Character", "special-character@localhost"));
  }

  @Test
  void aGivenIssuerNamesTheRealmIdentityInsteadOfTheRealmName() throws IOException {
    Path file = SharedData.file(WITH_NAMES);
    String iss = "https://sso.example.com/realms/test";

    List<ImportRecord> records = readAll(file, iss);

    assertThat(records).hasSize(10).first().isEqualTo(
        user(iss, "test-user@localhost", "Ted", "Brannock", "test-user@localhost"));
    assertThat(records).allSatisfy(record -> assertThat(((ImportedUser) record).identities())
        .containsExactly(realm(iss, record.key())));
  }

  private static ImportedUser user(
      String iss, String username, String first, String last, String email) {
    return new ImportedUser(username, first, last, email, false, null, List.of(realm(iss, username)));
  }
}
