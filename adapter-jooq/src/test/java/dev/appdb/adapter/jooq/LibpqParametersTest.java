package dev.appdb.adapter.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** libpq query parameters translated to pgjdbc connection properties. */
final class LibpqParametersTest {

  private static PostgresTarget postgres(String url) {
    return (PostgresTarget) DatabaseUrls.parse(url);
  }

  @Test
  void translatesEverySupportedParameterInOrder() {
    PostgresTarget target = postgres("postgresql://db/app?sslmode=verify-full"
        + "&sslrootcert=/etc/ssl/root.crt&sslcert=/etc/ssl/client.crt&sslkey=/etc/ssl/client.pk8"
        + "&application_name=appdb%20api&connect_timeout=10&options=-c%20search_path%3Dapp"
        + "&target_session_attrs=read-write");

    assertThat(target.properties()).containsExactly(
        entry("sslmode", "verify-full"),
        entry("sslrootcert", "/etc/ssl/root.crt"),
        entry("sslcert", "/etc/ssl/client.crt"),
        entry("sslkey", "/etc/ssl/client.pk8"),
        entry("ApplicationName", "appdb api"),
        entry("connectTimeout", "10"),
        entry("options", "-c search_path=app"),
        entry("targetServerType", "primary"));
    assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/app");
  }

  @ParameterizedTest
  @ValueSource(strings = {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"})
  void passesEverySslModeThrough(String mode) {
    assertThat(postgres("postgresql://db/app?sslmode=" + mode).properties())
        .containsExactly(entry("sslmode", mode));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "any, any", "read-write, primary", "read-only, secondary", "primary, primary",
      "standby, secondary", "prefer-standby, preferSecondary"})
  void mapsTargetSessionAttrsToTargetServerType(String libpq, String pgjdbc) {
    assertThat(postgres("postgresql://h1,h2/app?target_session_attrs=" + libpq).properties())
        .containsExactly(entry("targetServerType", pgjdbc));
  }

  @Test
  void readsANegativeConnectTimeoutAsNoLimitAsLibpqDoes() {
    assertThat(postgres("postgresql://db/app?connect_timeout=-5").properties())
        .containsExactly(entry("connectTimeout", "0"));
  }

  @Test
  void readsAConnectTimeoutOfOneAsTwoAsLibpqDoes() {
    assertThat(postgres("postgresql://db/app?connect_timeout=1").properties())
        .containsExactly(entry("connectTimeout", "2"));
  }

  @Test
  void mapsKeepalivesToTcpKeepAliveAndItsTimingsToTheKeepaliveSocketFactory() {
    assertThat(postgres("postgresql://db/app?keepalives=0").properties())
        .containsExactly(entry("tcpKeepAlive", "false"));
    assertThat(postgres("postgresql://db/app?keepalives=1&keepalives_idle=30"
        + "&keepalives_interval=5&keepalives_count=0").properties()).containsExactly(
            entry("tcpKeepAlive", "true"),
            entry("socketFactory", "dev.appdb.adapter.jooq.internal.postgres.KeepaliveSocketFactory"),
            entry("socketFactoryArg", "idle=30,interval=5"));
    assertThatThrownBy(() -> DatabaseUrls.parse("postgresql://db/app?keepalives_count=-1"))
        .isInstanceOf(InvalidDatabaseUrlException.class)
        .hasMessageContaining("keepalives_count '-1' must not be negative");
  }

  @Test
  void keepsSslpasswordAsAProperty() {
    assertThat(postgres("postgresql://db/app?sslpassword=k3y").properties())
        .containsExactly(entry("sslpassword", "k3y"));
  }

  @Test
  void readsAnEmptyValueAsNotSet() {
    assertThat(postgres("postgresql://db/app?sslmode=&application_name=").properties()).isEmpty();
  }

  @Test
  void letsTheLastOfARepeatedParameterWin() {
    assertThat(postgres("postgresql://db/app?sslmode=disable&sslmode=require").properties())
        .containsExactly(entry("sslmode", "require"));
  }

  @Test
  void trustsTheJvmCasForSslrootcertSystemAndRequiresVerifyFullAsLibpq16Does() {
    assertThat(postgres("postgresql://db/app?sslrootcert=system").properties()).containsExactly(
        entry("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory"),
        entry("sslmode", "verify-full"));
    assertThat(postgres("postgresql://db/app?sslmode=verify-full&sslrootcert=system").properties())
        .containsEntry("sslmode", "verify-full");
    String weak = "postgresql://db/app?sslmode=require&sslrootcert=system";
    assertThatThrownBy(() -> DatabaseUrls.parse(weak))
        .isInstanceOf(InvalidDatabaseUrlException.class)
        .hasMessageContaining("sslmode 'require' may not be used with sslrootcert=system");
  }

  @Test
  void refusesAnUnknownParameterNamingItAndTheSupportedOnes() {
    assertThatThrownBy(() -> DatabaseUrls.parse("postgresql://db/app?sslnegotiation=direct"))
        .isInstanceOf(InvalidDatabaseUrlException.class)
        .hasMessageContaining("the query parameter 'sslnegotiation' is neither libpq's (host,"
            + " port, dbname, user, password, connect_timeout, options, application_name,"
            + " keepalives, keepalives_idle, keepalives_interval, keepalives_count, sslmode,"
            + " sslcert, sslkey, sslpassword, sslrootcert, target_session_attrs, pooler) nor a"
            + " pgjdbc connection property");
  }

  @Test
  void takesPgjdbcPropertiesAsTheJdbcFormDoesAndNamesAWrongCase() {
    PostgresTarget target = (PostgresTarget) DatabaseUrls.parse(
        "postgresql://db/app?prepareThreshold=0&targetServerType=primary&sslmode=require");
    assertThat(target.properties()).containsEntry("prepareThreshold", "0")
        .containsEntry("targetServerType", "primary").containsEntry("sslmode", "require");
    assertThat(target).isEqualTo(DatabaseUrls.parse(
        "jdbc:postgresql://db/app?prepareThreshold=0&targetServerType=primary&sslmode=require"));
    for (String url : new String[] {"postgresql://db/app?PREPARETHRESHOLD=0",
        "jdbc:postgresql://db/app?PREPARETHRESHOLD=0"}) {
      assertThatThrownBy(() -> DatabaseUrls.parse(url))
          .isInstanceOf(InvalidDatabaseUrlException.class)
          .hasMessageContaining("'PREPARETHRESHOLD' is neither libpq's")
          .hasMessageContaining("pgjdbc spells it prepareThreshold");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "sslmode=required            | 'required' is not a valid sslmode; use one of disable, allow,"
          + " prefer, require, verify-ca, verify-full",
      "target_session_attrs=master | 'master' is not a valid target_session_attrs",
      "connect_timeout=10s         | connect_timeout '10s' is not a whole number",
      "keepalives_idle=1m          | keepalives_idle '1m' is not a whole number",
      "sslmode                     | the query parameter 'sslmode' has no '=value'",
      "sslmode=%zz                 | the query parameter 'sslmode' has a malformed percent-encoding",
  })
  void refusesValuesLibpqWouldRefuse(String query, String problem) {
    assertThatThrownBy(() -> DatabaseUrls.parse("postgresql://db/app?" + query))
        .isInstanceOf(InvalidDatabaseUrlException.class)
        .hasMessageContaining(problem);
  }
}
