package dev.appdb.application.naming;

/**
 * A first and last name derived from whatever an identity provider or an export offers, because
 * the domain requires both while real sources often lack them.
 *
 * <p>Rules, in order, for each part separately:
 * <ol>
 *   <li>the explicit part ({@code given_name} / {@code firstName}, {@code family_name} /
 *       {@code lastName}) when not blank (blank as the domain means it: only white space, of any
 *       kind, and invisible characters; the same for the full name);</li>
 *   <li>else, when the full name ({@code name}) has a space, the text before the last space
 *       for the first name and after it for the last name; a one-word full name is used for
 *       the first name only;</li>
 *   <li>else the handle (username, {@code preferred_username}, email or subject), so a user is
 *       never left nameless.</li>
 * </ol>
 *
 * @param firstName the derived first name (may still break the domain's limits)
 * @param lastName the derived last name
 */
public record PersonName(String firstName, String lastName) {

  /**
   * @param given the explicit first name, may be null
   * @param family the explicit last name, may be null
   * @param fullName a display name such as {@code "Ada Linwick"}, may be null
   * @param handle the fallback
   * @return the derived names
   */
  public static PersonName derive(String given, String family, String fullName, String handle) {
    String first = blankToNull(given);
    String last = blankToNull(family);
    String full = blankToNull(fullName);
    if (full != null) {
      int space = full.lastIndexOf(' ');
      if (space > 0) {
        first = first != null ? first : full.substring(0, space).strip();
        last = last != null ? last : full.substring(space + 1).strip();
      } else if (first == null) {
        first = full;
      }
    }
    return new PersonName(first != null ? first : handle, last != null ? last : handle);
  }

  /**
   * For names that come from an identity provider, where refusing a sign-in over a long name
   * would lock the person out: each part cut to at most {@code maxLength} characters, never
   * inside a surrogate pair.
   *
   * @param maxLength the longest part allowed, at least 2
   * @return this name with both parts fitting
   */
  public PersonName fitTo(int maxLength) {
    return new PersonName(cut(firstName, maxLength), cut(lastName, maxLength));
  }

  private static String cut(String text, int maxLength) {
    if (text.length() <= maxLength) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
    return text.substring(0, end).strip();
  }

  /**
   * Blank as the domain means it ({@code TextRules.requiredStripped}, which {@code User} applies):
   * nothing but white space of any kind, no-break spaces included, and invisible format
   * characters such as U+200B. {@link String#isBlank} misses those, and a part made only of them
   * was taken, then refused by {@code User}, instead of falling back.
   */
  private static String blankToNull(String value) {
    return value == null || value.chars().allMatch(PersonName::blankOrInvisible)
        ? null : value.strip();
  }

  private static boolean blankOrInvisible(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c)
        || Character.getType(c) == Character.FORMAT;
  }
}
