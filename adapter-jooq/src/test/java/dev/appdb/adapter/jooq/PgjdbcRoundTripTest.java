package dev.appdb.adapter.jooq;

import static org.assertj.core.api.Assertions.assertThat;


import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.Driver;

/** pgjdbc's own URL parser reads every jdbcUrl() back to the servers and database meant. */
final class PgjdbcRoundTripTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "postgresql://db.example.com/appdb             | db.example.com | 5432      | appdb",
      "postgresql://h1:5432,h2:5433/appdb            | h1,h2          | 5432,5433 | appdb",
      "postgresql://[::1]:6432/appdb                 | [::1]          | 6432      | appdb",
      "postgresql://db/my%20db%2Bx%2Fy%25            | db             | 5432      | my db+x/y%",
      "jdbc:postgresql://db/caf%C3%A9                | db             | 5432      | café",
      "jdbc:postgresql:appdb                         | localhost      | 5432      | appdb",
  })
  void pgjdbcReadsTheSameServersAndDatabase(String url, String host, String port, String db) {
    PostgresTarget target = (PostgresTarget) DatabaseUrls.parse(url);

    Properties read = Driver.parseURL(target.jdbcUrl(), new Properties());

    assertThat(read).isNotNull();
    assertThat(read.getProperty("PGHOST")).isEqualTo(host);
    assertThat(read.getProperty("PGPORT")).isEqualTo(port);
    assertThat(read.getProperty("PGDBNAME")).isEqualTo(db);
    assertThat(read.stringPropertyNames()).containsOnly("PGHOST", "PGPORT", "PGDBNAME");
  }
}
