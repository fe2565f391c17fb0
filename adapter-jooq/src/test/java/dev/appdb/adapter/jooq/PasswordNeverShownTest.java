package dev.appdb.adapter.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;


import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The password {@code Xq7Kp9Lm}, written raw or percent-encoded, valid or in a URL that fails
 * halfway, never shows in a message, display or toString; nor do three characters of it in a row.
 */
final class PasswordNeverShownTest {

  private static final String SECRET = "Xq7Kp9Lm";

  @ParameterizedTest
  @ValueSource(strings = {
      "postgresql://app:Xq7Kp9Lm@db/app",
      "postgresql://app:Xq7%4Bp9Lm@db/app",
      "postgresql://app:Xq7Kp9Lm@db/app?sslmode=require&application_name=api",
      "postgresql://db/app?user=app&password=Xq7Kp9Lm",
      "postgresql://db/app?sslpassword=Xq7Kp9Lm",
      "postgresql://app:Xq7@Kp9Lm@db/app",
      "postgresql://app:Xq7Kp9Lm@@db/app",
      "jdbc:postgresql://db/app?user=app&password=Xq7Kp9Lm&sslmode=require",
      "jdbc:postgresql://db/app?sslpassword=Xq7Kp9Lm",
  })
  void notInTheDisplayOrToStringOfAParsedTarget(String url) {
    DatabaseTarget target = DatabaseUrls.parse(url);

    assertThat(target.display()).contains("****");
    assertThat(target.toString()).isEqualTo(target.display());
    assertNoSecret(target.display());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "postgresql://app:Xq7Kp9Lm@db:99999/app",
      "postgresql://app:Xq7Kp9Lm@db/app?unknown=1",
      "postgresql://app:Xq7Kp9Lm@db/app?sslmode=bogus",
      "postgresql://app:Xq7Kp/9Lm@db/app",
      "postgresql://app:Xq7/Kp9Lm@db:5432/app",
      "postgresql://app:Xq7K?p9Lm@db/app",
      "postgresql://app:Xq7K@p?9Lm@db.example.com/appdb",
      "postgresql://app:Xq7@Kp9?Lm&#%20@127.0.0.1:5432/appdb",
      "postgresql://app:Xq7Kp9Lm@db:99x/app?x",
      "postgresql://app:Xq7Kp9Lm%zz@db/app",
      "postgresql://app:Xq7Kp9Lm@[::1/app",
      "postgresql://app:Xq7Kp9Lm@db,x:y:z/app",
      "postgresql://db/app?password=Xq7Kp9Lm&unknown=1",
      "postgresql://db/app?password=Xq7K&p9Lm",
      "postgresql://db/app?sslpassword=Xq7Kp9Lm&sslmode=bogus",
      "jdbc:postgresql://app:Xq7Kp9Lm@db/app",
      "jdbc:postgresql://db/app?password=Xq7K&p9Lm",
      "jdbc:postgresql://db:0/app?password=Xq7Kp9Lm",
      "jdbc:postgresql://db/app?password=Xq7Kp9Lm%zz",
      "mysql://app:Xq7Kp9Lm@db/app",
      "jdbc:mysql://db/app?password=Xq7Kp9Lm",
      "postgresql+foo://app:Xq7Kp9Lm@db/app",
      "sqlite+pysqlcipher://:Xq7Kp9Lm@/app.db",
      "http://app:Xq7Kp9Lm@db",
  })
  void notInTheRefusalOfAUrlThatFailsHalfway(String url) {
    InvalidDatabaseUrlException refusal =
        catchThrowableOfType(InvalidDatabaseUrlException.class, () -> DatabaseUrls.parse(url));

    assertThat(refusal).isNotNull();
    assertThat(refusal.maskedUrl()).contains("****");
    assertNoSecret(refusal.getMessage());
    assertNoSecret(refusal.problem());
    assertNoSecret(refusal.maskedUrl());
    assertNoSecret(refusal.toString());
  }

  private static void assertNoSecret(String text) {
    List<String> pieces = new ArrayList<>();
    for (int i = 0; i + 3 <= SECRET.length(); i++) {
      pieces.add(SECRET.substring(i, i + 3));
    }
    assertThat(text).doesNotContain(pieces);
  }
}
