package dev.appdb.adapter.jooq;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The servers of a PostgreSQL URL, as libpq keeps them: a list of host names and a list of port
 * texts. A URL's {@code host[:port][,host[:port]...]} gives one port text per host ({@code ""}
 * when absent); libpq's {@code host=} and {@code port=} query parameters replace either list. A
 * single port applies to every host; otherwise there must be one per host. An empty host is
 * {@code localhost}, an empty port 5432.
 *
 * @param names host names, IPv6 addresses without brackets
 * @param ports port texts, not yet checked
 */
record HostList(List<String> names, List<String> ports) {

  static final String DEFAULT_HOST = "localhost";
  static final int DEFAULT_PORT = 5432;

  private static final Pattern HOST_NAME = Pattern.compile("[\\p{L}\\p{N}._-]+");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[\\p{Alnum}._-]+)?");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

  HostList {
    names = List.copyOf(names);
    ports = List.copyOf(ports);
  }

  /**
   * @param url the whole URL, for error messages
   * @param netloc {@code host[:port][,host[:port]...]}, IPv6 addresses in brackets; may be empty
   * @return the names (raw, not decoded) and port texts
   * @throws InvalidDatabaseUrlException on an unclosed bracket or an IPv6 address without brackets
   */
  static HostList split(String url, String netloc) {
    List<String> names = new ArrayList<>();
    List<String> ports = new ArrayList<>();
    for (String entry : netloc.split(",", -1)) {
      int colon;
      if (entry.startsWith("[")) {
        int close = entry.indexOf(']');
        if (close < 0) {
          throw InvalidDatabaseUrlException.of(
              url, "the IPv6 address {} misses its closing ']'", entry);
        }
        names.add(entry.substring(1, close));
        colon = close + 1;
        if (colon < entry.length() && entry.charAt(colon) != ':') {
          throw InvalidDatabaseUrlException.of(
              url, "{} follows an IPv6 address where only ':port' may", entry.substring(colon));
        }
      } else {
        colon = entry.indexOf(':');
        if (colon >= 0 && entry.indexOf(':', colon + 1) >= 0) {
          throw InvalidDatabaseUrlException.of(url, "the host {} has more than one ':'; write an"
              + " IPv6 address in brackets, e.g. [::1]:5432", entry);
        }
        names.add(colon < 0 ? entry : entry.substring(0, colon));
      }
      ports.add(colon < 0 || colon >= entry.length() ? "" : entry.substring(colon + 1));
    }
    return new HostList(names, ports);
  }

  /**
   * libpq's {@code host=} and {@code port=} query parameters: comma-separated lists that replace
   * the URI's hosts or ports.
   *
   * @param hostParameter the {@code host=} value, {@code null} to keep the names
   * @param portParameter the {@code port=} value, {@code null} to keep the ports
   * @return the hosts with the given lists replaced
   */
  HostList replacedBy(String hostParameter, String portParameter) {
    return new HostList(hostParameter == null ? names : items(hostParameter),
        portParameter == null ? ports : items(portParameter));
  }

  private static List<String> items(String csv) {
    List<String> items = new ArrayList<>();
    for (String item : csv.split(",", -1)) {
      boolean bracketed = item.startsWith("[") && item.endsWith("]");
      items.add(bracketed ? item.substring(1, item.length() - 1) : item);
    }
    return items;
  }

  /**
   * @param decoder applied to every name (libpq percent-decodes host names)
   * @return these hosts with the names replaced
   */
  HostList mapNames(UnaryOperator<String> decoder) {
    return new HostList(names.stream().map(decoder).toList(), ports);
  }

  /**
   * @param url the whole URL, for error messages
   * @return the servers, in order; at least one
   * @throws InvalidDatabaseUrlException on a bad host name, a port that is not a number from 1 to
   *     65535, a port count that is neither 1 nor the host count, or a Unix-domain socket path
   */
  List<PostgresHost> resolve(String url) {
    if (ports.size() != 1 && ports.size() != names.size()) {
      throw InvalidDatabaseUrlException.of(url, "there are " + ports.size() + " ports for "
          + names.size() + " hosts; give one port for all hosts or one per host");
    }
    List<PostgresHost> hosts = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String port = ports.size() == 1 ? ports.get(0) : ports.get(i);
      hosts.add(new PostgresHost(host(url, names.get(i)), port(url, port)));
    }
    return List.copyOf(hosts);
  }

  private static String host(String url, String name) {
    if (name.isEmpty()) {
      return DEFAULT_HOST;
    }
    if (name.startsWith("/") || name.startsWith("@")) {
      throw InvalidDatabaseUrlException.of(url, "the host {} is a Unix-domain socket, which pgjdbc"
          + " cannot use; give a TCP host name or address", name);
    }
    Pattern valid = name.indexOf(':') >= 0 ? IPV6 : HOST_NAME;
    if (!valid.matcher(name).matches()) {
      throw InvalidDatabaseUrlException.of(url, "the host {} is not a host name, IPv4 address or"
          + " IPv6 address in brackets", name);
    }
    return name;
  }

  private static int port(String url, String text) {
    if (text.isEmpty()) {
      return DEFAULT_PORT;
    }
    int port = PORT.matcher(text).matches() ? Integer.parseInt(text) : 0;
    if (port < 1 || port > 65535) {
      throw InvalidDatabaseUrlException.of(
          url, "the port {} is not a number from 1 to 65535", text);
    }
    return port;
  }
}
