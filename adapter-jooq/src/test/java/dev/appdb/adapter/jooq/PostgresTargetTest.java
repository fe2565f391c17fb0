package dev.appdb.adapter.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;


import org.junit.jupiter.api.Test;

/** The parsed PostgreSQL target: display, copies for configuration overrides, value semantics. */
final class PostgresTargetTest {

  private static final PostgresTarget TARGET = (PostgresTarget) DatabaseUrls.parse(
      "postgresql://appdb:s3cret@db.example.com/appdb?sslmode=require");

  @Test
  void displaysTheUserButNeverThePasswordNorItsLength() {
    assertThat(TARGET.display())
        .isEqualTo("postgresql://appdb:****@db.example.com:5432/appdb?sslmode=require");
    assertThat(TARGET.withPassword("a-much-longer-password").display())
        .isEqualTo(TARGET.display());
    assertThat(TARGET.withPassword(null).display())
        .isEqualTo("postgresql://appdb@db.example.com:5432/appdb?sslmode=require");
    assertThat(TARGET.toString()).isEqualTo(TARGET.display());
  }

  @Test
  void displaysPasswordPropertiesMasked() {
    assertThat(TARGET.withProperty("sslpassword", "k3y").display())
        .endsWith("?sslmode=require&sslpassword=****")
        .doesNotContain("k3y");
  }

  @Test
  void copiesWithAnotherUserPasswordOrProperty() {
    PostgresTarget changed = TARGET.withUser("migrator").withPassword("from-a-secret-file")
        .withProperty("sslmode", "verify-full").withProperty("ApplicationName", "appdb");

    assertThat(changed.user()).isEqualTo("migrator");
    assertThat(changed.password()).isEqualTo("from-a-secret-file");
    assertThat(changed.properties()).containsExactly(
        entry("sslmode", "verify-full"), entry("ApplicationName", "appdb"));
    assertThat(changed.jdbcUrl()).isEqualTo(TARGET.jdbcUrl());
    assertThat(TARGET.user()).isEqualTo("appdb");
    assertThat(TARGET.password()).isEqualTo("s3cret");
    assertThat(TARGET.properties()).containsExactly(entry("sslmode", "require"));
  }

  @Test
  void removesAPropertySetToNull() {
    assertThat(TARGET.withProperty("sslmode", null).properties()).isEmpty();
  }

  @Test
  void refusesCredentialsAsProperties() {
    assertThatThrownBy(() -> TARGET.withProperty("password", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("withPassword");
    assertThatThrownBy(() -> TARGET.withProperty("user", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("withUser");
    assertThatThrownBy(() -> TARGET.withProperty(" ", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hasUnmodifiableProperties() {
    assertThatThrownBy(() -> TARGET.properties().put("ssl", "true"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equalsTheSameTargetWrittenInAnotherForm() {
    PostgresTarget jdbc = (PostgresTarget) DatabaseUrls.parse(
        "jdbc:postgresql://db.example.com:5432/appdb?user=appdb&password=s3cret&sslmode=require");

    assertThat(jdbc).isEqualTo(TARGET).hasSameHashCodeAs(TARGET);
    assertThat(jdbc.withPassword("other")).isNotEqualTo(TARGET);
  }
}
