package dev.appdb.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.adapter.jooq.Profile;
import dev.appdb.adapter.jooq.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code META-INF/spring-configuration-metadata.json}, which IDEs read from the jar to complete
 * and document {@code appdb.*} keys, is generated from {@link Setting} (key, default, limits;
 * the description as {@link AppdbSettings#describe} adapts it) for {@link AppdbSettings#SUPPORTED}: this test fails when the two differ and
 * writes the expected file to {@code target/spring-configuration-metadata.json}.
 */
class AppdbConfigurationMetadataTest {

  static String expected() {
    StringBuilder json = new StringBuilder("{\n  \"groups\": [\n    {\n      \"name\": \"appdb\",\n"
        + "      \"description\": \"appdb on the application's DataSource (appdb-spring-boot-starter)\"\n"
        + "    }\n  ],\n  \"properties\": [\n");
    for (int i = 0; i < AppdbSettings.SUPPORTED.size(); i++) {
      Setting setting = AppdbSettings.SUPPORTED.get(i);
      String type = setting.kind() == Setting.Kind.BOOLEAN ? "java.lang.Boolean"
          : "java.lang.Integer";
      String limits = setting.kind() == Setting.Kind.BOOLEAN ? ""
          : " (" + setting.minimum() + "-" + setting.maximum()
              + (setting.kind() == Setting.Kind.MILLISECONDS ? " ms" : " s") + ")";
      String defaultValue = setting == Setting.MIGRATE_ON_START
          ? String.valueOf(setting.defaultBoolean(Profile.DEV))
          : setting.defaultValue(Profile.DEV).orElseThrow();
      json.append("    {\n")
          .append("      \"name\": \"appdb.").append(setting.key()).append("\",\n")
          .append("      \"type\": \"").append(type).append("\",\n")
          .append("      \"description\": \"").append(escape(AppdbSettings.describe(setting) + limits))
          .append(".\",\n")
          .append("      \"defaultValue\": ").append(defaultValue).append("\n")
          .append(i == AppdbSettings.SUPPORTED.size() - 1 ? "    }\n" : "    },\n");
    }
    return json.append("  ]\n}\n").toString();
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  @Test
  void theMetadataIsSettingsOwn() throws IOException {
    String shipped;
    try (InputStream in = getClass().getResourceAsStream(
        "/META-INF/spring-configuration-metadata.json")) {
      shipped = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String expected = expected();
    if (!expected.equals(shipped)) {
      Files.writeString(Path.of("target", "spring-configuration-metadata.json"), expected);
    }
    assertThat(shipped).as("src/main/resources/META-INF/spring-configuration-metadata.json"
        + " (expected written to target/)").isEqualTo(expected);
  }
}
