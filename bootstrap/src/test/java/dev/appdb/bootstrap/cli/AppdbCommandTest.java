package dev.appdb.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every CLI command, its exit codes and its {@code --json} output, on a real SQLite file. */
class AppdbCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path folder;

  private Map<String, String> environment;

  @BeforeEach
  void useATemporaryDatabase() {
    environment = Map.of("DATABASE_URL", "sqlite:///" + folder.resolve("cli.db"));
  }

  private CliRun appdb(String... args) {
    return CliRun.run(environment, args);
  }

  private JsonNode json(String... args) throws Exception {
    CliRun run = appdb(args);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return JSON.readTree(run.out());
  }

  private String addUser(String first, String email) throws Exception {
    return json("users", "add", "--first-name", first, "--last-name", "Tester", "--email", email,
        "--json").get("id").asText();
  }

  @Test
  void initDbMigratesOnceAndIsIdempotent() {
    CliRun first = appdb("init-db");
    CliRun second = appdb("init-db");

    assertThat(first.exitCode()).isZero();
    assertThat(first.out()).isEqualTo("database ready: 1 migration(s) applied, schema version 1"
        + System.lineSeparator());
    assertThat(second.out()).contains("0 migration(s) applied, schema version 1");
  }

  @Test
  void usersAddGetListUpdateDelete() throws Exception {
    String id = addUser("Dana", "Dana.Lee@Example.com");

    JsonNode got = json("users", "get", id, "--json");
    assertThat(got.get("email").asText()).isEqualTo("Dana.Lee@Example.com");
    assertThat(got.get("version").asLong()).isZero();

    JsonNode updated = json("users", "update", id, "--expected-version", "0", "--first-name",
        "Danielle", "--json");
    assertThat(updated.get("first_name").asText()).isEqualTo("Danielle");
    assertThat(updated.get("email").asText()).isEqualTo("Dana.Lee@Example.com");
    assertThat(updated.get("version").asLong()).isEqualTo(1);

    CliRun human = appdb("users", "list");
    assertThat(human.exitCode()).isZero();
    assertThat(human.out()).contains("Danielle Tester <Dana.Lee@Example.com>").contains("(1 user(s))");

    CliRun deleted = appdb("users", "delete", id);
    assertThat(deleted.exitCode()).isZero();
    assertThat(deleted.out()).contains("deleted user " + id);
    assertThat(appdb("users", "get", id).exitCode()).isEqualTo(ExitCodes.REFUSED);
  }

  @Test
  void listPagesWithTheNextToken() throws Exception {
    addUser("One", "one@example.com");
    addUser("Two", "two@example.com");
    addUser("Three", "three@example.com");

    JsonNode first = json("users", "list", "--limit", "2", "--json");
    JsonNode second = json("users", "list", "--limit", "2", "--after", first.get("next").asText(),
        "--json");

    assertThat(first.get("users")).hasSize(2);
    assertThat(second.get("users")).hasSize(1);
    assertThat(second.get("users").get(0).get("first_name").asText()).isEqualTo("Three");
    assertThat(second.get("next").isNull()).isTrue();
  }

  @Test
  void refusalsExitWithOneAndOneLineOnStderr() throws Exception {
    String id = addUser("Dana", "dana@example.com");

    CliRun duplicate = appdb("users", "add", "--first-name", "X", "--last-name", "Y", "--email",
        "DANA@example.com");
    CliRun stale = appdb("users", "update", id, "--expected-version", "7", "--first-name", "Z");
    CliRun tooLong = appdb("users", "add", "--first-name", "A".repeat(101), "--last-name", "Y");
    CliRun nul = appdb("users", "add", "--first-name", "A\u0000", "--last-name", "Y");
    CliRun missing = appdb("users", "get", "0190f5a4-7c1e-7abc-8def-0123456789ab");

    assertThat(duplicate.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(duplicate.err()).isEqualTo("error: email: this address already belongs to another user"
        + System.lineSeparator());
    assertThat(stale.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(stale.err()).contains("version 7");
    assertThat(tooLong.err()).contains("firstName: must be at most 100 characters, was 101");
    assertThat(nul.err()).contains("firstName: must not contain control characters, found U+0000");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(missing.err()).contains("not found");
    assertThat(json("users", "list", "--json").get("users")).hasSize(1);
  }

  @Test
  void errorsAreJsonOnStderrWithJson() throws Exception {
    CliRun run = appdb("users", "get", "not-a-uuid", "--json");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.out()).isEmpty();
    JsonNode error = JSON.readTree(run.err()).get("error");
    assertThat(error.get("type").asText()).isEqualTo("ValidationException");
    assertThat(error.get("message").asText()).startsWith("userId: must be a UUID");
  }

  @Test
  void identitiesLinkListUnlink() throws Exception {
    String id = addUser("Sam", "sam@example.net");

    JsonNode linked = json("identities", "link", id, "--issuer",
        "http://localhost:7777/realms/dave-test2", "--subject",
        "98cfe060-f980-4a05-8612-6c609219ffe9", "--json");
    CliRun again = appdb("identities", "link", id, "--issuer",
        "http://localhost:7777/realms/dave-test2", "--subject",
        "98cfe060-f980-4a05-8612-6c609219ffe9");
    String other = addUser("Kim", "kim@example.net");
    CliRun toOther = appdb("identities", "link", other, "--issuer",
        "http://localhost:7777/realms/dave-test2", "--subject",
        "98cfe060-f980-4a05-8612-6c609219ffe9");
    JsonNode listed = json("identities", "list", id, "--json");
    CliRun unlinked = appdb("identities", "unlink", "--issuer",
        "http://localhost:7777/realms/dave-test2", "--subject",
        "98cfe060-f980-4a05-8612-6c609219ffe9");
    CliRun unlinkedAgain = appdb("identities", "unlink", "--issuer",
        "http://localhost:7777/realms/dave-test2", "--subject",
        "98cfe060-f980-4a05-8612-6c609219ffe9");

    assertThat(linked.get("user_id").asText()).isEqualTo(id);
    // linking the same identity to the same user again is idempotent; to another user, refused
    assertThat(again.exitCode()).isZero();
    assertThat(toOther.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(toOther.err()).contains("already linked");
    assertThat(listed.get("identities")).hasSize(1);
    assertThat(unlinked.exitCode()).isZero();
    assertThat(unlinkedAgain.exitCode()).isEqualTo(ExitCodes.REFUSED);
  }

  @Test
  void signInFromAClaimsFileCreatesThenFinds() throws Exception {
    Path claims = folder.resolve("claims.json");
    Files.writeString(claims, """
        {"iss": "https://accounts.google.com", "sub": 3141592653589793238,
         "email": "elisa.g.beckett@gmail.com", "email_verified": true,
         "given_name": "Elisa", "family_name": "Beckett"}
        """);

    JsonNode first = json("sign-in", "--claims", claims.toString(), "--json");
    JsonNode second = json("sign-in", "--claims", claims.toString(), "--json");

    assertThat(first.get("outcome").asText()).isEqualTo("CREATED");
    assertThat(first.at("/identity/subject").asText()).isEqualTo("3141592653589793238");
    assertThat(second.get("outcome").asText()).isEqualTo("EXISTING");
    assertThat(second.at("/user/id")).isEqualTo(first.at("/user/id"));
  }

  @Test
  void badInputFilesExitWithTwo() throws Exception {
    Path broken = folder.resolve("broken.json");
    Files.writeString(broken, "{\"iss\": \"https://x\", ");

    CliRun missingFile = appdb("sign-in", "--claims", folder.resolve("absent.json").toString());
    CliRun brokenFile = appdb("sign-in", "--claims", broken.toString());
    CliRun missingRealm = appdb("import-realm", folder.resolve("absent.json").toString());

    assertThat(missingFile.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(missingFile.err()).contains("absent.json");
    assertThat(brokenFile.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(missingRealm.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(missingRealm.err()).contains("absent.json").doesNotContain("\tat ");
  }

  @Test
  void importOfTheExampleRealmIsIdempotent() throws Exception {
    String realm = Path.of("examples/keycloak-realm-demo.json").toString();

    JsonNode first = json("import-realm", realm, "--json");
    JsonNode second = json("import-realm", realm, "--json");

    assertThat(first.get("created").asInt()).isEqualTo(4);
    assertThat(first.get("rejected").asInt()).isEqualTo(2);
    assertThat(first.get("rejections").findValuesAsText("key"))
        .containsExactly("dave", "service-account-backend");
    assertThat(second.get("created").asInt()).isZero();
    assertThat(second.get("unchanged").asInt()).isEqualTo(4);
    assertThat(second.get("rejected").asInt()).isEqualTo(2);
    assertThat(json("users", "list", "--json").get("users")).hasSize(4);
  }

  @Test
  void healthAndPoolStatus() throws Exception {
    // a fresh database is up but behind the code: not ready, and health does not migrate it
    CliRun behind = appdb("health", "--json");
    assertThat(behind.exitCode()).isEqualTo(ExitCodes.DATABASE);
    JsonNode notReady = JSON.readTree(behind.out());
    assertThat(notReady.get("status").asText()).isEqualTo("UP");
    assertThat(notReady.get("ready").asBoolean()).isFalse();
    assertThat(notReady.get("schema").get(0).get("set").asText()).isEqualTo("appdb");
    assertThat(notReady.get("schema").get(0).get("pending").asInt()).isPositive();
    assertThat(notReady.get("error").asText()).contains("behind the code");
    assertThat(appdb("health").out()).contains("NOT READY");
    assertThat(appdb("init-db").exitCode()).isZero();

    JsonNode health = json("health", "--json");
    JsonNode pool = json("pool-status", "--json");
    CliRun human = appdb("health");

    assertThat(health.get("status").asText()).isEqualTo("UP");
    assertThat(health.get("ready").asBoolean()).isTrue();
    assertThat(health.get("schema").get(0).get("pending").asInt()).isZero();
    assertThat(health.get("database").asText()).startsWith("SQLite 3.");
    assertThat(pool.get("max").asInt()).isEqualTo(5);
    // a one-shot CLI process opens connections on demand, not pool.size up front
    assertThat(pool.get("size").asInt()).isBetween(0, 1);
    assertThat(pool.get("pool").asText()).isEqualTo("appdb");
    assertThat(pool.get("scope").asText()).startsWith("the pool of this CLI process");
    assertThat(appdb("pool-status").out()).contains("(the pool of this CLI process");
    assertThat(pool.get("checkout_timeouts").asInt()).isZero();
    assertThat(pool.has("invalid") && pool.has("checkouts") && pool.has("mean_wait_ms")).isTrue();
    assertThat(human.out()).startsWith("UP  SQLite").contains("schema appdb@1")
        .doesNotContain("NOT READY");
  }

  @Test
  void anUnreachableDatabaseIsDownWithExitThreeAndNoPassword() {
    Map<String, String> unreachable = Map.of(
        "DATABASE_URL", "postgresql://appdb:s3cr3t-pw@127.0.0.1:1/appdb",
        "APPDB_POOL_TIMEOUT_SECONDS", "1");

    CliRun health = CliRun.run(unreachable, "health");
    CliRun list = CliRun.run(unreachable, "users", "list");

    assertThat(health.exitCode()).isEqualTo(ExitCodes.DATABASE);
    assertThat(health.out()).startsWith("DOWN");
    assertThat(list.exitCode()).isEqualTo(ExitCodes.DATABASE);
    assertThat(health.out() + health.err() + list.out() + list.err()).doesNotContain("s3cr3t-pw");
  }

  @Test
  void usageAndConfigurationErrorsExitWithTwo() {
    CliRun unknownOption = appdb("users", "list", "--frobnicate");
    CliRun noSubcommand = appdb("users");
    CliRun badUrl = CliRun.run(Map.of("DATABASE_URL", "mysql://root:hunter2@db/app"), "users",
        "list");
    CliRun badPool = CliRun.run(Map.of("APPDB_POOL_SIZE", "0"), "health");

    assertThat(unknownOption.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknownOption.err()).contains("--frobnicate");
    assertThat(noSubcommand.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badUrl.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badUrl.err()).contains("DATABASE_URL").doesNotContain("hunter2");
    assertThat(badPool.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badPool.err()).contains("pool.size (APPDB_POOL_SIZE) must be an integer from 1 to 1000, was '0'");
  }

  @Test
  void helpAndVersion() {
    assertThat(appdb("--help").out()).contains("import-realm").contains("Exit codes:");
    assertThat(appdb("--version").out()).startsWith("appdb ");
  }
}
