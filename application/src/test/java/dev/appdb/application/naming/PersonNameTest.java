package dev.appdb.application.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonNameTest {

  private static final String EMOJI = "\uD83D\uDE00"; // one code point, two UTF-16 units

  @Test
  void explicitPartsWinOverTheFullNameAndAreStripped() {
    assertThat(PersonName.derive("  Ada ", "\tLovelace\n", "Someone Else", "handle"))
        .isEqualTo(new PersonName("Ada", "Lovelace"));
  }

  @ParameterizedTest(name = "given ''{0}'', family ''{1}''")
  @CsvSource(value = {"NULL,NULL", "'',''", "'   ','\t'", "'\u2003','\u3000 '"}, nullValues = "NULL")
  void missingOrBlankPartsComeFromTheFullName(String given, String family) {
    assertThat(PersonName.derive(given, family, "Ada Lovelace", "handle"))
        .isEqualTo(new PersonName("Ada", "Lovelace"));
  }

  @Test
  void theFullNameSplitsAtItsLastSpace() {
    assertThat(PersonName.derive(null, null, "Ada King Lovelace", "h"))
        .isEqualTo(new PersonName("Ada King", "Lovelace"));
  }

  @Test
  void theFullNameIsStrippedAndSpacesAroundTheSplitAreDropped() {
    assertThat(PersonName.derive(null, null, "  Ada   Lovelace  ", "h"))
        .isEqualTo(new PersonName("Ada", "Lovelace"));
  }

  @Test
  void theFullNameFillsOnlyTheMissingPart() {
    assertThat(PersonName.derive("Augusta", null, "Ada Lovelace", "h"))
        .isEqualTo(new PersonName("Augusta", "Lovelace"));
    assertThat(PersonName.derive(null, "King", "Ada Lovelace", "h"))
        .isEqualTo(new PersonName("Ada", "King"));
  }

  @Test
  void aOneWordFullNameIsAFirstNameOnlyAndTheHandleIsTheLastName() {
    assertThat(PersonName.derive(null, null, "Cher", "cher99"))
        .isEqualTo(new PersonName("Cher", "cher99"));
    assertThat(PersonName.derive(null, "Sarkisian", "Cher", "cher99"))
        .isEqualTo(new PersonName("Cher", "Sarkisian"));
  }

  @Test
  void aOneWordFullNameNeverReplacesAGivenName() {
    assertThat(PersonName.derive("Ada", null, "Cher", "h"))
        .isEqualTo(new PersonName("Ada", "h"));
  }

  @Test
  void onlyAnAsciiSpaceSplitsTheFullName() {
    assertThat(PersonName.derive(null, null, "Ada\u00A0Lovelace", "h"))
        .isEqualTo(new PersonName("Ada\u00A0Lovelace", "h"));
    assertThat(PersonName.derive(null, null, "Ada\tLovelace", "h"))
        .isEqualTo(new PersonName("Ada\tLovelace", "h"));
  }

  /**
   * Blank as the domain means it (TextRules): white space of any kind, no-break spaces included,
   * and invisible format characters; such a part would only be refused by {@code User}.
   */
  @ParameterizedTest(name = "given ''{0}''")
  @CsvSource({"'\u00A0'", "'\u202F \u2007'", "'\u200B'", "'\u00A0\u200D '"})
  void partsBlankOrInvisibleToTheDomainCountAsMissing(String given) {
    assertThat(PersonName.derive(given, given, "Ada Lovelace", "h"))
        .isEqualTo(new PersonName("Ada", "Lovelace"));
    assertThat(PersonName.derive(null, null, given, "h"))
        .isEqualTo(new PersonName("h", "h"));
  }

  @ParameterizedTest(name = "full name ''{0}''")
  @CsvSource(value = {"NULL", "''", "'   '"}, nullValues = "NULL")
  void withNothingElseTheHandleIsBothNames(String fullName) {
    assertThat(PersonName.derive(null, " ", fullName, "bare"))
        .isEqualTo(new PersonName("bare", "bare"));
  }

  @Test
  void fitToKeepsPartsThatFit() {
    PersonName name = new PersonName("Ada", "L".repeat(100));

    assertThat(name.fitTo(100)).isEqualTo(name);
  }

  @Test
  void fitToCutsEachLongPartToTheLimit() {
    assertThat(new PersonName("G".repeat(150), "x".repeat(101)).fitTo(100))
        .isEqualTo(new PersonName("G".repeat(100), "x".repeat(100)));
  }

  @Test
  void fitToNeverCutsInsideASurrogatePair() {
    // the limit falls between the two halves: the whole character goes
    assertThat(new PersonName("a".repeat(99) + EMOJI, "b").fitTo(100).firstName())
        .isEqualTo("a".repeat(99));
    // the limit falls after the pair: it stays
    assertThat(new PersonName("a".repeat(98) + EMOJI + "z", "b").fitTo(100).firstName())
        .isEqualTo("a".repeat(98) + EMOJI);
  }

  @Test
  void fitToStripsWhiteSpaceTheCutLeftAtTheEnd() {
    assertThat(new PersonName("abcd efgh", "ijkl  mnop").fitTo(5))
        .isEqualTo(new PersonName("abcd", "ijkl"));
  }
}
