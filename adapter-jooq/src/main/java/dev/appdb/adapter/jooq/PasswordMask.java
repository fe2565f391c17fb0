package dev.appdb.adapter.jooq;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the passwords in URL text that may not parse, for error messages. Generous by design:
 * when in doubt it hides more than the password, never less. Hidden are
 * <ul>
 *   <li>the value of every {@code password=} and {@code sslpassword=} query parameter (any case),
 *       up to the next {@code &name=} or the end;</li>
 *   <li>after {@code ://user:}, everything up to the last {@code @} before the first {@code ?}
 *       that follows the first such {@code @}; so a password holding a raw {@code @}, {@code /},
 *       {@code :} or {@code ?} is hidden whole.</li>
 * </ul>
 */
final class PasswordMask {

  static final String MASK = "****";

  private static final Pattern QUERY_PASSWORD = Pattern.compile(
      "[?&](?:ssl)?password=(.*?)(?=&[A-Za-z_][A-Za-z0-9_.]*=|$)",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  /** A hidden part of the URL, {@code [start, end)}. */
  private record Range(int start, int end) {
    boolean overlaps(int from, int to) {
      return from < end && start < to;
    }
  }

  private final String url;
  private final List<Range> hidden;
  private final List<String> secrets;

  private PasswordMask(String url, List<Range> hidden) {
    this.url = url;
    this.hidden = List.copyOf(hidden);
    List<String> found = new ArrayList<>();
    for (Range range : hidden) {
      String secret = url.substring(range.start(), range.end());
      found.add(secret);
      PercentEncoding.decode(secret).ifPresent(found::add);
      try {
        found.add(URLDecoder.decode(secret, UTF_8));
      } catch (IllegalArgumentException malformed) {
        // the raw form is enough
      }
    }
    this.secrets = List.copyOf(found);
  }

  /**
   * @param url any text, not {@code null}
   * @return the parts of it to hide
   */
  static PasswordMask of(String url) {
    List<Range> hidden = new ArrayList<>();
    Matcher matcher = QUERY_PASSWORD.matcher(url);
    while (matcher.find()) {
      if (matcher.end(1) > matcher.start(1)) {
        hidden.add(new Range(matcher.start(1), matcher.end(1)));
      }
    }
    StringBuilder blanked = new StringBuilder(url);
    hidden.forEach(range -> blanked.replace(range.start(), range.end(),
        "*".repeat(range.end() - range.start())));
    userinfoPassword(blanked.toString()).ifPresent(hidden::add);
    hidden.sort(Comparator.comparingInt(Range::start));
    return new PasswordMask(url, merged(hidden));
  }

  /** @return the URL with every hidden part replaced by {@code ****} */
  String text() {
    StringBuilder masked = new StringBuilder();
    int shown = 0;
    for (Range range : hidden) {
      masked.append(url, shown, range.start()).append(MASK);
      shown = range.end();
    }
    return masked.append(url.substring(shown)).toString();
  }

  /**
   * @param fragment a piece of the URL (maybe decoded) an error message wants to quote
   * @return whether quoting it could reveal any part of a password: when the fragment occurs in
   *     the URL, whether an occurrence overlaps a hidden part (else {@link #text()} shows it
   *     anyway); when it does not, whether it shares two consecutive characters (one, for a
   *     one-character password) with a hidden part, raw or decoded
   */
  boolean reveals(String fragment) {
    if (fragment.isEmpty()) {
      return false;
    }
    int at = url.indexOf(fragment);
    if (at < 0) {
      return secrets.stream().anyMatch(secret -> sharesRun(fragment, secret));
    }
    for (; at >= 0; at = url.indexOf(fragment, at + 1)) {
      int from = at;
      if (hidden.stream().anyMatch(range -> range.overlaps(from, from + fragment.length()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean sharesRun(String fragment, String secret) {
    int run = Math.min(2, secret.length());
    for (int i = 0; i + run <= secret.length(); i++) {
      if (fragment.contains(secret.substring(i, i + run))) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Range> userinfoPassword(String url) {
    int schemeEnd = url.indexOf("://");
    if (schemeEnd < 0) {
      return Optional.empty();
    }
    int userEnd = schemeEnd + 3;
    while (userEnd < url.length() && url.charAt(userEnd) != ':' && url.charAt(userEnd) != '@') {
      userEnd++;
    }
    int firstAt = userEnd < url.length() && url.charAt(userEnd) == ':'
        ? url.indexOf('@', userEnd + 1) : -1;
    if (firstAt < 0) {
      return Optional.empty();
    }
    // The last '@' anywhere: a raw '@' followed by '?' in a password must not end the mask early.
    // A query value holding '@' then hides the host too, which errs on the safe side.
    int lastAt = url.lastIndexOf('@');
    return lastAt > userEnd + 1
        ? Optional.of(new Range(userEnd + 1, lastAt)) : Optional.empty();
  }

  private static List<Range> merged(List<Range> sorted) {
    List<Range> merged = new ArrayList<>();
    for (Range range : sorted) {
      Range last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && range.start() <= last.end()) {
        merged.set(merged.size() - 1, new Range(last.start(), Math.max(last.end(), range.end())));
      } else {
        merged.add(range);
      }
    }
    return merged;
  }
}
