package dev.appdb.bootstrap.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.application.importing.ImportRecord;
import dev.appdb.application.importing.ImportedUser;
import dev.appdb.application.importing.UnreadableUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which emails of an export count as verified. */
class RealmExportReaderEmailTrustTest {

  private static final String USERS = """
      {"realm": "demo", "users": [
        {"username": "yes", "email": "yes@example.org", "emailVerified": true},
        {"username": "text", "email": "text@example.org", "emailVerified": "true"},
        {"username": "no", "email": "no@example.org", "emailVerified": false},
        {"username": "absent", "email": "absent@example.org"},
        {"username": "attribute", "emailVerified": true, "attributes": {"email": ["a@example.org"]}},
        {"username": "odd", "email": "odd@example.org", "emailVerified": 1}
      ]}
      """;

  @TempDir
  Path folder;

  private List<ImportRecord> read(boolean trustEmails) throws Exception {
    Path file = Files.writeString(folder.resolve("realm.json"), USERS);
    List<ImportRecord> records = new ArrayList<>();
    try (RealmExportReader reader = RealmExportReader.open(file, null, trustEmails)) {
      reader.forEachRemaining(records::add);
    }
    return records;
  }

  private static List<String> verified(List<ImportRecord> records) {
    return records.stream().filter(r -> r instanceof ImportedUser user && user.emailVerified())
        .map(ImportRecord::key).toList();
  }

  @Test
  void onlyEmailVerifiedTrueVouchesForTheEmailField() throws Exception {
    List<ImportRecord> records = read(false);

    assertThat(verified(records)).containsExactly("yes", "text");
    assertThat(records.get(5)).isEqualTo(
        new UnreadableUser("odd", "emailVerified: must be true or false, was a number"));
  }

  @Test
  void trustEmailsVouchesForEveryAddress() throws Exception {
    assertThat(verified(read(true)))
        .containsExactly("yes", "text", "no", "absent", "attribute", "odd");
  }
}
