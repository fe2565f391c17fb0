package dev.appdb.adapter.jooq.internal.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstantTextTest {

  /** The definition of the form; InstantText writes and reads the digits itself. */
  private static final DateTimeFormatter DEFINITION =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999Z");

  @Test
  void formatsAsTheDefinitionAndParsesBackOverTheWholeRange() {
    SplittableRandom random = new SplittableRandom(20261129);
    for (int i = 0; i < 100_000; i++) {
      Instant instant = Instant.ofEpochSecond(
          random.nextLong(FIRST.getEpochSecond(), LAST.getEpochSecond() + 1),
          random.nextInt(1_000_000_000));
      String text = InstantText.format(instant);
      assertThat(text).hasSize(27).isEqualTo(DEFINITION.format(instant));
      assertThat(InstantText.parse(text)).isEqualTo(instant.truncatedTo(ChronoUnit.MICROS));
    }
  }

  @Test
  void truncatesNanosecondsAndKeepsTheEdgesOfTheRange() {
    assertThat(InstantText.format(Instant.parse("2024-03-10T23:59:59.999999999Z")))
        .isEqualTo("2024-03-10T23:59:59.999999Z");
    assertThat(InstantText.format(FIRST)).isEqualTo("0001-01-01T00:00:00.000000Z");
    assertThat(InstantText.format(LAST)).isEqualTo("9999-12-31T23:59:59.999999Z");
    assertThat(InstantText.parse("0001-01-01T00:00:00.000000Z")).isEqualTo(FIRST);
    assertThat(InstantText.parse("9999-12-31T23:59:59.999999Z")).isEqualTo(LAST);
    assertThat(InstantText.parse("2024-02-29T12:00:00.000001Z"))
        .isEqualTo(Instant.parse("2024-02-29T12:00:00.000001Z"));
    assertThat(InstantText.parse(null)).isNull();
  }

  @Test
  void refusesYearsOutsideTheRange() {
    assertThatThrownBy(() -> InstantText.format(FIRST.minusNanos(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("instant: must be in years 0001–9999 (UTC), was 0000-12-31T23:59:59.999999999Z");
    assertThatThrownBy(() -> InstantText.format(LAST.plusNanos(1000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("instant: must be in years 0001–9999 (UTC), was +10000-01-01T00:00:00Z");
    assertThatThrownBy(() -> InstantText.format(Instant.MAX))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InstantText.format(Instant.MIN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "2024-03-10T23:59:59.999999",
      "2024-03-10T23:59:59.9999999Z",
      "2024-03-10 23:59:59.999999Z",
      "2024-03-10T23:59:59,999999Z",
      "2024-3-10T23:59:59.9999999Z",
      "+024-03-10T23:59:59.999999Z",
      "2024-03-1aT23:59:59.999999Z",
      "2024-03-10T23:59:59.99999９Z",
      "0000-01-01T00:00:00.000000Z",
      "2023-02-29T00:00:00.000000Z",
      "2024-02-30T00:00:00.000000Z",
      "2024-13-01T00:00:00.000000Z",
      "2024-00-01T00:00:00.000000Z",
      "2024-01-00T00:00:00.000000Z",
      "2024-01-01T24:00:00.000000Z",
      "2024-01-01T23:60:00.000000Z",
      "2024-01-01T23:59:60.000000Z",
      "2024-03-10T23:59:59.999999z"})
  void refusesTextNotInTheFormOrNamingNoRealTime(String text) {
    assertThatThrownBy(() -> InstantText.parse(text))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("stored timestamp '" + text + "' is not in the form uuuu-MM-ddTHH:mm:ss.SSSSSSZ");
  }
}
