package dev.appdb.adapter.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;


import org.junit.jupiter.api.Test;

/** pgjdbc URLs: https://jdbc.postgresql.org/documentation/use/#connecting-to-the-database */
final class PostgresJdbcUrlTest {

  private static PostgresTarget postgres(String url) {
    return (PostgresTarget) DatabaseUrls.parse(url);
  }

  @Test
  void movesUserAndPasswordOutOfTheQuery() {
    PostgresTarget target = postgres(
        "jdbc:postgresql://db.example.com:5432/appdb?user=appdb&password=s3cret&sslmode=require");

    assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/appdb");
    assertThat(target.properties()).containsExactly(entry("sslmode", "require"));
    assertThat(target.user()).isEqualTo("appdb");
    assertThat(target.password()).isEqualTo("s3cret");
  }

  @Test
  void readsTheShortFormAsLocalhost() {
    PostgresTarget target = postgres("jdbc:postgresql:appdb");

    assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/appdb");
    assertThat(target.properties()).isEmpty();
    assertThat(target.user()).isNull();
  }

  @Test
  void passesPgjdbcPropertiesThroughAsWritten() {
    assertThat(postgres("jdbc:postgresql://db/app?ApplicationName=api&connectTimeout=5"
        + "&targetServerType=primary&sslrootcert=/etc/ssl/root.crt").properties())
        .containsExactly(
            entry("ApplicationName", "api"),
            entry("connectTimeout", "5"),
            entry("targetServerType", "primary"),
            entry("sslrootcert", "/etc/ssl/root.crt"));
  }

  @Test
  void decodesValuesAsPgjdbcDoesWithUrlDecoder() {
    PostgresTarget target = postgres("jdbc:postgresql://db/my%20db?user=app&password=p%40ss+w");

    assertThat(target.password()).isEqualTo("p@ss w");
    assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/my%20db");
  }

  @Test
  void acceptsAMissingDatabaseAndAnyCaseInThePrefix() {
    assertThat(postgres("JDBC:PostgreSQL://db?user=app").jdbcUrl())
        .isEqualTo("jdbc:postgresql://db:5432/app");
  }

  @Test
  void refusesCredentialsInTheHostPart() {
    assertThatThrownBy(() -> DatabaseUrls.parse("jdbc:postgresql://app:s3cret@db/app"))
        .isInstanceOf(InvalidDatabaseUrlException.class)
        .hasMessageContaining("a pgjdbc URL takes the user and password as ?user=...&password=...")
        .hasMessageContaining("jdbc:postgresql://app:****@db/app")
        .hasMessageNotContaining("s3cret");
  }
}
