package dev.appdb.adapter.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import org.junit.jupiter.api.Test;

/**
 * libpq connection URIs:
 * https://www.postgresql.org/docs/16/libpq-connect.html#LIBPQ-CONNSTRING-URIS
 */
final class LibpqUriTest {

  private static PostgresTarget postgres(String url) {
    return (PostgresTarget) DatabaseUrls.parse(url);
  }

  @Test
  void readsEveryPartOfAFullUri() {
    PostgresTarget target =
        postgres("postgresql://appdb:secret@db.example.com:6432/appdb?sslmode=require");

    assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6432/appdb");
    assertThat(target.properties()).containsExactly(java.util.Map.entry("sslmode", "require"));
    assertThat(target.user()).isEqualTo("appdb");
    assertThat(target.password()).isEqualTo("secret");
  }

  @Test
  void acceptsThePostgresSchemeToo() {
    assertThat(postgres("postgres://appdb@db.example.com/appdb").jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.example.com:5432/appdb");
  }

  @Test
  void defaultsToLocalhostAndPort5432() {
    PostgresTarget target = postgres("postgresql:///appdb");

    assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/appdb");
    assertThat(target.user()).isNull();
    assertThat(target.password()).isNull();
    assertThat(target.properties()).isEmpty();
  }

  @Test
  void takesTheUserNameAsDatabaseWhenNoneIsGivenAsLibpqDoes() {
    assertThat(postgres("postgresql://appdb@db.example.com").jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.example.com:5432/appdb");
    assertThat(postgres("postgresql://").jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/");
  }

  @Test
  void percentDecodesUserPasswordAndDatabase() {
    PostgresTarget target = postgres("postgresql://app%2Buser:p%40ss%3Aw%2Frd@db/my%20db");

    assertThat(target.user()).isEqualTo("app+user");
    assertThat(target.password()).isEqualTo("p@ss:w/rd");
    assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/my%20db");
  }

  @Test
  void keepsAPlusSignAsWrittenUnlikeFormDecoding() {
    assertThat(postgres("postgresql://u:pa+ss@db/app").password()).isEqualTo("pa+ss");
  }

  @Test
  void keepsColonsAndRawAtSignsInThePassword() {
    PostgresTarget target = postgres("postgresql://u:p:w@ss@db/app");

    assertThat(target.user()).isEqualTo("u");
    assertThat(target.password()).isEqualTo("p:w@ss");
    assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/app");
  }

  @Test
  void treatsAnEmptyUserOrPasswordAsNotGiven() {
    PostgresTarget target = postgres("postgresql://:@db/app");

    assertThat(target.user()).isNull();
    assertThat(target.password()).isNull();
  }

  @Test
  void refusesAMalformedPercentEncoding() {
    assertThatThrownBy(() -> DatabaseUrls.parse("postgresql://u@db/app%zz"))
        .isInstanceOf(InvalidDatabaseUrlException.class)
        .hasMessageContaining("the database name has a malformed percent-encoding");
    assertThatThrownBy(() -> DatabaseUrls.parse("postgresql://u@db/app%00"))
        .isInstanceOf(InvalidDatabaseUrlException.class);
  }

  @Test
  void refusesAUnixDomainSocketHost() {
    assertThatThrownBy(() -> DatabaseUrls.parse("postgresql://%2Fvar%2Frun%2Fpostgresql/app"))
        .isInstanceOf(InvalidDatabaseUrlException.class)
        .hasMessageContaining("the host '/var/run/postgresql' is a Unix-domain socket");
  }
}
