package dev.appdb.bootstrap.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.application.signin.VerifiedClaims;
import dev.appdb.bootstrap.testdata.SharedData;
import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import org.junit.jupiter.api.Test;

/** The exact claims read from the real ID-token payloads in {@code shared/data/oidc}. */
final class ClaimsReaderRealFilesTest {

  @Test
  void googleSendsAVerifiedEmailAndAllNamesButNoPreferredUsername() {
    assertThat(ClaimsReader.read(SharedData.file("oidc/google-id-token-claims.json")))
        .isEqualTo(new VerifiedClaims(
            new Issuer("https://accounts.google.com"),
            new Subject("3141592653589793238"),
            "elisa.g.beckett@gmail.com", true, "Elisa", "Beckett", "Elisa Beckett", null));
  }

  @Test
  void keycloakSendsAnUnverifiedEmailAndAllNames() {
    assertThat(ClaimsReader.read(SharedData.file("oidc/keycloak-id-token-claims.json")))
        .isEqualTo(new VerifiedClaims(
            new Issuer("http://localhost:7777/realms/dave-test2"),
            new Subject("98cfe060-f980-4a05-8612-6c609219ffe9"),
            "sam.porter@example.net", false, "sam", "porter", "sam porter",
            "sam.porter@example.net"));
  }

  @Test
  void microsoftEntraSendsNoEmailOnlyANameAndAPreferredUsername() {
    assertThat(ClaimsReader.read(SharedData.file("oidc/microsoft-entra-id-token-claims.json")))
        .isEqualTo(new VerifiedClaims(
            new Issuer("https://login.microsoftonline.com/9122040d-6c67-4c5b-b112-36a304b66dad/v2.0"),
            new Subject("AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ"),
            null, false, null, null, "Ada Linwick", "AdaLi@example.com"));
  }
}
