package dev.appdb.adapter.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** sqlite-jdbc URLs, jdbc:sqlite:path: https://github.com/xerial/sqlite-jdbc#usage */
final class SqliteJdbcUrlTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "jdbc:sqlite:database.db          | database.db",
      "jdbc:sqlite:./data/app.db        | ./data/app.db",
      "jdbc:sqlite:/var/lib/appdb/app.db | /var/lib/appdb/app.db",
  })
  void readsTheFilePathAsWritten(String url, String file) {
    assertThat(DatabaseUrls.parse(url)).isEqualTo(new SqliteTarget(Path.of(file)));
  }

  @Test
  void displaysTheFile() {
    assertThat(DatabaseUrls.parse("jdbc:sqlite:./database.db").display())
        .isEqualTo("sqlite:./database.db");
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdbc:sqlite::memory:", "jdbc:sqlite:", "  jdbc:sqlite::memory:\n"})
  void refusesInMemoryDatabasesBecauseEachPooledConnectionWouldSeeItsOwn(String url) {
    assertThatThrownBy(() -> DatabaseUrls.parse(url))
        .isInstanceOf(InvalidDatabaseUrlException.class)
        .hasMessageContaining("an in-memory SQLite database is not supported");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "jdbc:sqlite:file:app.db?mode=memory  | 'file:' paths are not supported",
      "jdbc:sqlite::resource:app.db         | ':resource:' paths are not supported",
      "jdbc:sqlite:app.db?journal_mode=WAL  | query parameters are not supported for SQLite",
  })
  void refusesUriFilenamesResourcesAndPragmas(String url, String problem) {
    assertThatThrownBy(() -> DatabaseUrls.parse(url))
        .isInstanceOf(InvalidDatabaseUrlException.class)
        .hasMessageContaining(problem);
  }

  @Test
  void aTargetCannotBeBuiltInMemoryEither() {
    assertThatThrownBy(() -> new SqliteTarget(Path.of(":memory:")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
