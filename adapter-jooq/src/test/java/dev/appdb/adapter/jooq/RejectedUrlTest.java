package dev.appdb.adapter.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What is not a database URL, and how the refusal reads. */
final class RejectedUrlTest {

  private static InvalidDatabaseUrlException refusal(String url) {
    return catchThrowableOfType(InvalidDatabaseUrlException.class, () -> DatabaseUrls.parse(url));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\n"})
  void saysAnEmptyUrlIsEmptyAndListsTheAcceptedForms(String url) {
    InvalidDatabaseUrlException refusal = refusal(url);

    assertThat(refusal).hasMessageStartingWith("DATABASE_URL is empty")
        .hasMessageContaining(InvalidDatabaseUrlException.ACCEPTED_FORMS);
    assertThat(refusal.maskedUrl()).isNull();
    assertThat(refusal.problem()).isEqualTo("DATABASE_URL is empty");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "mysql://app:pw@db/app           | the scheme 'mysql' is not supported",
      "http://example.com/             | the scheme 'http' is not supported",
      "jdbc:mysql://db/app             | the JDBC driver 'jdbc:mysql' is not supported",
      "garbage                         | it is not a database URL",
      "postgresql:app                  | it is not a database URL",
      "://db/app                       | it is not a database URL",
  })
  void namesWhatIsWrong(String url, String problem) {
    InvalidDatabaseUrlException refusal = refusal(url);

    assertThat(refusal.problem()).startsWith(problem);
    assertThat(refusal).hasMessageContaining(problem);
  }

  @Test
  void showsTheMaskedUrlTheProblemAndTheAcceptedForms() {
    InvalidDatabaseUrlException refusal = refusal("postgresql://app:s3cret@db:54x2/app");

    assertThat(refusal).hasMessage("DATABASE_URL 'postgresql://app:****@db:54x2/app' is not"
        + " valid: the port '54x2' is not a number from 1 to 65535\nAccepted forms:\n"
        + InvalidDatabaseUrlException.ACCEPTED_FORMS);
    assertThat(refusal.maskedUrl()).isEqualTo("postgresql://app:****@db:54x2/app");
    assertThat(InvalidDatabaseUrlException.ACCEPTED_FORMS).contains(
        "postgresql://", "postgres://", "postgresql+psycopg://", "jdbc:postgresql://",
        "jdbc:postgresql:dbname", "sqlite:///relative/path.db", "sqlite:////absolute/path.db",
        "jdbc:sqlite:");
  }

  @Test
  void quotesWhatLiesOutsideThePasswordEvenWhenItSharesLetters() {
    assertThat(refusal("postgresql://app:s3cret@db/app?sslmode=requir").problem())
        .startsWith("'requir' is not a valid sslmode");
  }

  @Test
  void isAnIllegalArgumentException() {
    assertThat(refusal("mysql://db/app")).isInstanceOf(IllegalArgumentException.class);
  }
}
