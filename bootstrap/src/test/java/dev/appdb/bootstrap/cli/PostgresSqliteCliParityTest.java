package dev.appdb.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.bootstrap.testdata.PostgresUrls;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same CLI session on SQLite and on PostgreSQL, switched by {@code DATABASE_URL} alone,
 * prints the same results and exit codes once ids, timestamps and the server name are masked.
 */
class PostgresSqliteCliParityTest {

  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  private static final String INSTANT = "\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z";

  @TempDir
  Path folder;

  private static List<String> session(Map<String, String> environment) {
    String realm = "examples/keycloak-realm-demo.json";
    String claims = "examples/google-id-token-claims.json";
    List<String[]> commands = List.of(
        new String[] {"init-db"},
        new String[] {"import-realm", realm},
        new String[] {"import-realm", realm, "--json"},
        new String[] {"sign-in", "--claims", claims},
        new String[] {"sign-in", "--claims", claims, "--json"},
        new String[] {"users", "list", "--limit", "2"},
        new String[] {"users", "list", "--json"},
        new String[] {"users", "add", "--first-name", "Dup", "--last-name", "Licate", "--email",
            "ALICE.liddell@example.com"},
        new String[] {"users", "get", "0190f5a4-7c1e-7abc-8def-0123456789ab", "--json"},
        new String[] {"identities", "unlink", "--issuer", "github", "--subject", "583231"},
        new String[] {"identities", "unlink", "--issuer", "github", "--subject", "583231"},
        new String[] {"health"},
        new String[] {"pool-status", "--json"});
    List<String> transcript = new ArrayList<>();
    for (String[] command : commands) {
      CliRun run = CliRun.run(environment, command);
      transcript.add("$ appdb " + String.join(" ", command) + " -> " + run.exitCode());
      transcript.add(mask(run.out()));
      transcript.add(mask(run.err()));
    }
    return transcript;
  }

  private static String mask(String text) {
    return text.replaceAll(UUID, "<id>")
        .replaceAll(INSTANT, "<instant>")
        .replaceAll("UP  (SQLite|PostgreSQL) \\S+  round trip [0-9.]+ ms", "UP  <database>")
        .replaceAll("\"size\":\\d+,\"checked_in\":\\d+", "\"size\":<n>,\"checked_in\":<n>");
  }

  @Test
  void sqliteAndPostgresPrintTheSameSession() {
    List<String> sqlite = session(Map.of(
        "DATABASE_URL", "sqlite:///" + folder.resolve("parity.db"), "APPDB_POOL_SIZE", "4"));
    List<String> postgres = session(Map.of(
        "DATABASE_URL", PostgresUrls.freshDatabase("cli_parity"), "APPDB_POOL_SIZE", "4"));

    assertThat(postgres).containsExactlyElementsOf(sqlite);
    assertThat(String.join("\n", sqlite))
        .contains("import done: 4 created, 0 linked, 0 unchanged, 2 rejected (6 read)")
        .contains("\"created\":0,\"linked\":0,\"unchanged\":4,\"rejected\":2")
        .contains("$ appdb users add --first-name Dup --last-name Licate --email "
            + "ALICE.liddell@example.com -> 1")
        .contains("UP  <database>");
  }
}
