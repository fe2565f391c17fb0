package dev.appdb.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Secrets set by mistake in the wrong place: every configuration error's whole stack trace
 * (message, causes, suppressed) is printed and searched for the secret.
 */
class SecretsInStackTracesTest {

  private static final String SECRET = "Hunter2-s3cret";

  static List<Map<String, String>> mistakes() {
    String url = "postgresql://appuser@db.example.com:5432/appdb";
    return List.of(
        Map.of("DATABASE_URL", url, "DATABASE_PASSWORD_FILE", SECRET),
        Map.of("DATABASE_URL", url, "DATABASE_PASSWORD_FILE", "pa/ss:" + SECRET),
        Map.of("DATABASE_URL", url, "DATABASE_PASSWORD_FILE", SECRET + "\u0000"),
        Map.of("DATABASE_URL", url, "APPDB_MIGRATION_USER", "appmigrator",
            "APPDB_MIGRATION_PASSWORD_FILE", SECRET),
        Map.of("DATABASE_URL", url, "APPDB_SSL_KEY_PASSWORD_FILE", SECRET),
        Map.of("DATABASE_URL", url, "APPDB_PROVISION_ADMIN_URL",
            "postgresql://db.example.com/postgres", "APPDB_PROVISION_ADMIN_PASSWORD_FILE",
            SECRET),
        // the password in the URL where the profile refuses it, or breaking the URL's form
        Map.of("APPDB_PROFILE", "prod", "DATABASE_URL",
            "postgresql://appuser:" + SECRET + "@db.example.com/appdb"),
        Map.of("DATABASE_URL", "postgresql://appuser:" + SECRET + "@db.example.com:notaport/x"),
        Map.of("DATABASE_URL", "postgresql://appuser:" + SECRET + "@db.example.com/x?sslmode=no"),
        Map.of("DATABASE_URL", "jdbc:postgresql://db.example.com/x?user=appuser&password="
            + SECRET + "&pooler=sometimes"),
        Map.of("DATABASE_URL", "postgresql://appuser:" + SECRET + "@db.example.com/x",
            "APPDB_POOLER", "sometimes"));
  }

  @ParameterizedTest
  @MethodSource("mistakes")
  void noConfigurationErrorShowsTheSecret(Map<String, String> environment) {
    Map<String, String> env = new HashMap<>(environment);

    Throwable error = catchThrowable(() -> {
      if (env.containsKey("APPDB_PROVISION_ADMIN_URL")) {
        SettingsLoader.loadProvisioning(null, env, Map.of());
      } else {
        SettingsLoader.load(null, env, Map.of());
      }
    });

    assertThat(error).as("a configuration error for %s", env.keySet()).isNotNull();
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(SECRET).doesNotContain("s3cret");
  }
}
