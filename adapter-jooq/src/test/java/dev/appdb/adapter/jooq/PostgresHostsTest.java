package dev.appdb.adapter.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Host lists, ports and IPv6 addresses, in libpq URIs and pgjdbc URLs alike. */
final class PostgresHostsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "postgresql://h1:5432,h2:5433,h3/app          | jdbc:postgresql://h1:5432,h2:5433,h3:5432/app",
      "postgresql://[::1]:5432/app                  | jdbc:postgresql://[::1]:5432/app",
      "postgresql://[::1]/app                       | jdbc:postgresql://[::1]:5432/app",
      "postgresql://[2001:db8::7]:5433,[::1],h/app  | jdbc:postgresql://[2001:db8::7]:5433,[::1]:5432,h:5432/app",
      "postgresql://192.0.2.10:6432/app             | jdbc:postgresql://192.0.2.10:6432/app",
      "postgresql://h:/app                          | jdbc:postgresql://h:5432/app",
      "postgresql://,h2/app                         | jdbc:postgresql://localhost:5432,h2:5432/app",
      "jdbc:postgresql://h1:5432,h2:5433/app        | jdbc:postgresql://h1:5432,h2:5433/app",
      "jdbc:postgresql://[::1]:5432/app             | jdbc:postgresql://[::1]:5432/app",
      "jdbc:postgresql://db_1/app                   | jdbc:postgresql://db_1:5432/app",
  })
  void writesEveryServerWithItsPort(String url, String jdbcUrl) {
    assertThat(((PostgresTarget) DatabaseUrls.parse(url)).jdbcUrl()).isEqualTo(jdbcUrl);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "postgresql://old/app?host=new                  | jdbc:postgresql://new:5432/app",
      "postgresql://old:1111/app?host=a,b             | jdbc:postgresql://a:1111,b:1111/app",
      "postgresql:///app?host=a,b&port=6432           | jdbc:postgresql://a:6432,b:6432/app",
      "postgresql:///app?host=a,b&port=6432,6433      | jdbc:postgresql://a:6432,b:6433/app",
      "postgresql://h:1111/app?port=2222              | jdbc:postgresql://h:2222/app",
      "postgresql:///app?host=::1                     | jdbc:postgresql://[::1]:5432/app",
      "postgresql://h/old?dbname=new                  | jdbc:postgresql://h:5432/new",
      "postgresql://h/app?host=&port=                 | jdbc:postgresql://h:5432/app",
  })
  void letsHostPortAndDbnameParametersReplaceTheUriPartsAsLibpqDoes(String url, String jdbcUrl) {
    assertThat(((PostgresTarget) DatabaseUrls.parse(url)).jdbcUrl()).isEqualTo(jdbcUrl);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "postgresql://h:abc/app                 | the port 'abc' is not a number from 1 to 65535",
      "postgresql://h:0/app                   | the port '0' is not a number from 1 to 65535",
      "postgresql://h:65536/app               | the port '65536' is not a number from 1 to 65535",
      "postgresql://h:-1/app                  | the port '-1' is not a number from 1 to 65535",
      "jdbc:postgresql://h:99999/app          | the port '99999' is not a number from 1 to 65535",
      "postgresql:///app?host=a,b,c&port=1,2  | there are 2 ports for 3 hosts",
      "postgresql://::1/app                   | the host '::1' has more than one ':'",
      "postgresql://[::1/app                  | the IPv6 address '[::1' misses its closing ']'",
      "postgresql://[::1]x/app                | 'x' follows an IPv6 address",
      "postgresql://[zz::1]/app               | the host 'zz::1' is not a host name",
      "postgresql://h%20x/app                 | the host 'h x' is not a host name",
  })
  void refusesBadHostsAndPorts(String url, String problem) {
    assertThatThrownBy(() -> DatabaseUrls.parse(url))
        .isInstanceOf(InvalidDatabaseUrlException.class)
        .hasMessageContaining(problem);
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql://h:1/app", "postgresql://h:65535/app"})
  void acceptsTheWholePortRange(String url) {
    assertThat(DatabaseUrls.parse(url)).isInstanceOf(PostgresTarget.class);
  }
}
