package dev.appdb.bootstrap.realinput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.application.importing.ImportListener;
import dev.appdb.application.importing.ImportReport;
import dev.appdb.application.signin.SignInResult;
import dev.appdb.application.signin.SignInResult.Outcome;
import dev.appdb.bootstrap.Appdb;
import dev.appdb.bootstrap.keycloak.RealmExportReader;
import dev.appdb.bootstrap.oidc.ClaimsReader;
import dev.appdb.bootstrap.testdata.SharedData;
import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Imports every Keycloak realm file of {@code ../shared/data/keycloak} twice and signs in with
 * every claims file of {@code ../shared/data/oidc} twice, then checks the counts and the rows.
 * Skipped, with a message, when the shared folder is absent. A subclass says which database.
 */
public abstract class RealInputScenario {

  /** @return a started, migrated, empty appdb */
  protected abstract Appdb startEmpty();

  private static List<Path> filesIn(String folder) throws IOException {
    try (Stream<Path> files = Files.list(SharedData.dataDir().resolve(folder))) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    }
  }

  /** Keycloak's test realm with names vouches for its addresses; the other realm does not. */
  private static ImportReport importFile(Appdb appdb, Path file, Map<String, String> rejections) {
    boolean trustEmails = file.getFileName().toString().equals("testrealm-users-with-names.json");
    try (RealmExportReader reader = RealmExportReader.open(file, null, trustEmails)) {
      return appdb.importUsers().importUsers(reader, new ImportListener() {
        @Override
        public void rejected(String key, String reason) {
          rejections.put(key, reason);
        }
      });
    }
  }

  @Test
  void everyRealmImportsTwiceAndEveryClaimsFileSignsInTwice() throws Exception {
    try (Appdb appdb = startEmpty()) {
      Map<String, ImportReport> firstImports = new LinkedHashMap<>();
      Map<String, ImportReport> secondImports = new LinkedHashMap<>();
      Map<String, String> rejections = new LinkedHashMap<>();
      for (Path realm : filesIn("keycloak")) {
        firstImports.put(realm.getFileName().toString(), importFile(appdb, realm, rejections));
      }
      for (Path realm : filesIn("keycloak")) {
        secondImports.put(realm.getFileName().toString(), importFile(appdb, realm, rejections));
      }

      assertThat(firstImports).containsExactlyInAnyOrderEntriesOf(Map.of(
          "model-testrealm-federated-identities.json", new ImportReport(4, 0, 0, 1),
          "testrealm-users-with-names.json", new ImportReport(10, 0, 0, 0)));
      assertThat(secondImports).containsExactlyInAnyOrderEntriesOf(Map.of(
          "model-testrealm-federated-identities.json", new ImportReport(0, 0, 4, 1),
          "testrealm-users-with-names.json", new ImportReport(0, 0, 10, 0)));
      assertThat(rejections).containsExactly(Map.entry("my-service-user",
          "service account of client OtherApp: not a person"));

      Map<String, SignInResult> first = new LinkedHashMap<>();
      Map<String, SignInResult> second = new LinkedHashMap<>();
      for (Path claims : filesIn("oidc")) {
        first.put(claims.getFileName().toString(), appdb.signIn().signIn(ClaimsReader.read(claims)));
      }
      for (Path claims : filesIn("oidc")) {
        second.put(claims.getFileName().toString(), appdb.signIn().signIn(ClaimsReader.read(claims)));
      }
      assertThat(first.values()).extracting(SignInResult::outcome).containsOnly(Outcome.CREATED);
      assertThat(second.values()).extracting(SignInResult::outcome).containsOnly(Outcome.EXISTING);
      first.forEach((file, result) ->
          assertThat(second.get(file).user()).as(file).isEqualTo(result.user()));

      assertThat(appdb.userQueries().count()).isEqualTo(4 + 10 + 3);
      assertRows(appdb, first);
    }
  }

  private static void assertRows(Appdb appdb, Map<String, SignInResult> signIns) {
    User wburke = byIdentity(appdb, "keycloak:test-realm", "wburke");
    assertThat(wburke.email()).as("attributes.email is not verified: not stored").isNull();
    Optional<User> aliceAddress = appdb.transactions().readOnly(
        tx -> tx.users().findByEmail(new Email("alice@example.org")));
    assertThat(aliceAddress).isEmpty();
    assertThat(wburke.firstName()).isEqualTo("wburke");
    assertThat(wburke.lastName()).isEqualTo("wburke");
    assertThat(wburke.createdAt()).isEqualTo(Instant.ofEpochMilli(123_654));

    User ted = byEmail(appdb, "TEST-USER@localhost");
    assertThat(ted.firstName()).isEqualTo("Ted");
    assertThat(ted.lastName()).isEqualTo("Brannock");
    assertThat(ted.email().value()).isEqualTo("test-user@localhost");
    assertThat(byEmail(appdb, "special-character@localhost").lastName()).isEqualTo("Character");

    User social = byIdentity(appdb, "google1", "google1");
    assertThat(social.firstName()).isEqualTo("mySocialUser");
    assertThat(appdb.identityLinks().listForUser(social.id()))
        .extracting(identity -> identity.issuer().value() + "|" + identity.subject().value())
        .containsExactlyInAnyOrder("keycloak:test-realm|mySocialUser", "facebook1|facebook1",
            "twitter1|twitter1", "google1|google1");

    User elisa = signIns.get("google-id-token-claims.json").user();
    assertThat(elisa.email().value()).isEqualTo("elisa.g.beckett@gmail.com");
    assertThat(elisa.firstName() + " " + elisa.lastName()).isEqualTo("Elisa Beckett");

    User sam = signIns.get("keycloak-id-token-claims.json").user();
    assertThat(sam.email()).as("email_verified is false: not stored").isNull();
    assertThat(sam.firstName() + " " + sam.lastName()).isEqualTo("sam porter");

    SignInResult ada = signIns.get("microsoft-entra-id-token-claims.json");
    assertThat(ada.user().email()).isNull();
    assertThat(ada.user().firstName() + " " + ada.user().lastName()).isEqualTo("Ada Linwick");
    List<UserIdentity> adaIdentities = appdb.identityLinks().listForUser(ada.user().id());
    assertThat(adaIdentities).singleElement().satisfies(identity -> {
      assertThat(identity.issuer().value()).isEqualTo(
          "https://login.microsoftonline.com/9122040d-6c67-4c5b-b112-36a304b66dad/v2.0");
      assertThat(identity.subject().value()).isEqualTo("AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ");
    });
  }

  private static User byIdentity(Appdb appdb, String issuer, String subject) {
    return appdb.transactions().readOnly(tx -> tx.identities()
            .find(new Issuer(issuer), new Subject(subject)))
        .map(identity -> appdb.userQueries().get(identity.userId()))
        .orElseThrow(() -> new AssertionError("no identity (" + issuer + ", " + subject + ")"));
  }

  private static User byEmail(Appdb appdb, String email) {
    return appdb.transactions().readOnly(tx -> tx.users().findByEmail(new Email(email)))
        .orElseThrow(() -> new AssertionError("no user with email " + email));
  }
}
