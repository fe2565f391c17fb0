package dev.appdb.adapter.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;


import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SQLAlchemy URLs: https://docs.sqlalchemy.org/en/20/core/engines.html#database-urls */
final class SqlalchemyUrlTest {

  @ParameterizedTest
  @ValueSource(strings = {"psycopg", "psycopg2", "psycopg2cffi", "asyncpg", "pg8000"})
  void readsPostgresqlWithADriverAsALibpqUri(String driver) {
    PostgresTarget target = (PostgresTarget) DatabaseUrls.parse(
        "postgresql+" + driver + "://appdb:p%40ss@db.example.com:6432/appdb?sslmode=require");

    assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6432/appdb");
    assertThat(target.properties()).containsExactly(entry("sslmode", "require"));
    assertThat(target.user()).isEqualTo("appdb");
    assertThat(target.password()).isEqualTo("p@ss");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "sqlite:///./database.db           | ./database.db",
      "sqlite:///relative.db             | relative.db",
      "sqlite:///data/app.db             | data/app.db",
      "sqlite:////abs/path.db            | /abs/path.db",
      "sqlite+pysqlite:///relative.db    | relative.db",
      "sqlite+aiosqlite:////abs/path.db  | /abs/path.db",
      "SQLite:///relative.db             | relative.db",
  })
  void readsThreeSlashesAsRelativeAndFourAsAbsolute(String url, String file) {
    assertThat(DatabaseUrls.parse(url)).isEqualTo(new SqliteTarget(Path.of(file)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite://", "sqlite:///", "sqlite:///:memory:", "sqlite+pysqlite://"})
  void refusesInMemoryDatabases(String url) {
    assertThatThrownBy(() -> DatabaseUrls.parse(url))
        .isInstanceOf(InvalidDatabaseUrlException.class)
        .hasMessageContaining("an in-memory SQLite database is not supported: every pooled"
            + " connection would open its own, empty database");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "sqlite://localhost/app.db            | a SQLite URL has no host",
      "sqlite:///app.db?mode=ro             | query parameters are not supported for SQLite",
      "sqlite:///file:app.db?uri=true       | 'file:' paths are not supported",
      "sqlite+pysqlcipher://:k@/app.db      | the scheme 'sqlite+pysqlcipher' is not supported",
      "postgresql+psycopg3://db/app         | the scheme 'postgresql+psycopg3' is not supported",
  })
  void refusesWhatItCannotOpen(String url, String problem) {
    assertThatThrownBy(() -> DatabaseUrls.parse(url))
        .isInstanceOf(InvalidDatabaseUrlException.class)
        .hasMessageContaining(problem);
  }
}
