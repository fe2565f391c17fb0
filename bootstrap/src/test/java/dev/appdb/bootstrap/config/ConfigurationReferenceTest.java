package dev.appdb.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.adapter.jooq.Profile;
import dev.appdb.adapter.jooq.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/CONFIGURATION.md}'s table is {@link Setting} rendered: every key, variable, URL
 * parameter, default, limit and meaning once, in the registry. Run with
 * {@code -Dappdb.docs.write=true} to write the table after changing a setting.
 */
class ConfigurationReferenceTest {

  static final Path PAGE = Path.of("..", "docs", "CONFIGURATION.md");
  static final String BEGIN = "<!-- settings table: generated from Setting by"
      + " ConfigurationReferenceTest -->\n";
  static final String END = "<!-- end of settings table -->\n";

  @Test
  void theTableIsTheRegistry() throws IOException {
    String page = Files.readString(PAGE);
    int begin = page.indexOf(BEGIN);
    int end = page.indexOf(END);
    assertThat(begin).as("the table's begin marker in " + PAGE).isNotNegative();
    assertThat(end).as("the table's end marker in " + PAGE).isGreaterThan(begin);
    String rendered = table();
    String written = page.substring(begin + BEGIN.length(), end);
    if (Boolean.getBoolean("appdb.docs.write") && !written.equals(rendered)) {
      Files.writeString(PAGE, page.substring(0, begin + BEGIN.length()) + rendered
          + page.substring(end));
      return;
    }
    assertThat(written).as(PAGE + " differs from Setting; run this test with"
        + " -Dappdb.docs.write=true to write it").isEqualTo(rendered);
  }

  @Test
  void everyKeyAndVariableIsUnique() {
    assertThat(Arrays.stream(Setting.values()).map(Setting::key)).doesNotHaveDuplicates();
    assertThat(Arrays.stream(Setting.values()).map(Setting::environmentVariable)
        .flatMap(Optional::stream)).doesNotHaveDuplicates();
  }

  static String table() {
    StringBuilder table = new StringBuilder("| YAML key | environment variable | URL parameter"
        + " | default (dev / prod) | limits | meaning |\n|---|---|---|---|---|---|\n");
    for (Setting setting : Setting.values()) {
      table.append("| `").append(setting.key()).append("` | ")
          .append(setting.environmentVariable().map(v -> "`" + v + "`").orElse("(YAML only)"))
          .append(" | ").append(setting.urlParameter().map(v -> "`" + v + "`").orElse(""))
          .append(" | ").append(defaults(setting))
          .append(" | ").append(limits(setting))
          .append(" | ").append(setting.description().replace("|", "\\|")).append(" |\n");
      if (setting == Setting.POOL_LEAK_DETECTION_SECONDS) {
        table.append("| `").append(Setting.HIKARI_PREFIX).append("<property>` | (YAML only) |  |"
            + " none |  | any other HikariCP property by its bean name, e.g. `"
            + Setting.HIKARI_PREFIX + "validationTimeout: 3000`; the properties above, the URL,"
            + " credentials and auto-commit are refused: each has one setting |\n");
      }
    }
    return table.toString();
  }

  private static String defaults(Setting setting) {
    String dev = setting.defaultValue(Profile.DEV).map(v -> "`" + v + "`").orElse("none");
    String prod = setting.defaultValue(Profile.PROD).map(v -> "`" + v + "`").orElse("none");
    return dev.equals(prod) ? dev : dev + " / " + prod;
  }

  private static String limits(Setting setting) {
    return switch (setting.kind()) {
      case INTEGER -> setting.minimum() + "–" + setting.maximum();
      case SECONDS -> setting.minimum() + "–" + setting.maximum() + " s";
      case MILLISECONDS -> setting.minimum() + "–" + setting.maximum() + " ms";
      case CHOICE -> setting.choices().stream().map(c -> "`" + c + "`")
          .collect(Collectors.joining(", "));
      case BOOLEAN -> "`true`, `false`";
      case FILE, SECRET_FILE -> "a readable file";
      default -> "";
    };
  }
}
