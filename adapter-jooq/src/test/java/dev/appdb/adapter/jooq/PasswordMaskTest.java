package dev.appdb.adapter.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Masking URL text that may not parse: between ://user: and the last @ before the host part. */
final class PasswordMaskTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "postgresql://u:pw@host/db                       | postgresql://u:****@host/db",
      "postgresql://u:p@ss@host/db                     | postgresql://u:****@host/db",
      "postgresql://u:pa/s?s@host/db?sslmode=x@y       | postgresql://u:****@y",
      "jdbc:postgresql://h/db?user=u&password=pw&a=1   | jdbc:postgresql://h/db?user=u&password=****&a=1",
      "jdbc:postgresql://h:1/db?password=p@x&PASSWORD=q | jdbc:postgresql://h:1/db?password=****&PASSWORD=****",
      "postgresql://h/db?sslpassword=k&x&sslmode=a     | postgresql://h/db?sslpassword=****&sslmode=a",
      "postgresql://u:pw@h/db?password=pw2             | postgresql://u:****@h/db?password=****",
      "postgresql://u@host/db                          | postgresql://u@host/db",
      "postgresql://host:5432/db                       | postgresql://host:5432/db",
      "postgresql://u:@host/db                         | postgresql://u:@host/db",
      "not a url                                       | not a url",
  })
  void hidesEveryPassword(String url, String masked) {
    assertThat(PasswordMask.of(url).text()).isEqualTo(masked);
  }

  @Test
  void saysWhetherAFragmentWouldRevealAPassword() {
    PasswordMask mask = PasswordMask.of("postgresql://u:pa/ss@host:5x/db?sslmode=pass");

    assertThat(mask.reveals("pa")).as("overlaps the password").isTrue();
    assertThat(mask.reveals("5x")).as("shown in the masked URL anyway").isFalse();
    assertThat(mask.reveals("pass")).as("occurs outside the password").isFalse();
    assertThat(mask.reveals("a/s")).as("decoded or not, shares characters").isTrue();
    assertThat(mask.reveals("zz/szz")).as("does not occur, shares '/s'").isTrue();
    assertThat(mask.reveals("other")).isFalse();
  }
}
