package dev.appdb.adapter.jooq;

import dev.appdb.adapter.jooq.internal.postgres.KeepaliveSocketFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGProperty;

/**
 * libpq's connection parameters, as given in a libpq URI's query, translated to pgjdbc connection
 * properties. The translation, per
 * <a href="https://www.postgresql.org/docs/16/libpq-connect.html#LIBPQ-PARAMKEYWORDS">libpq</a>
 * and <a href="https://jdbc.postgresql.org/documentation/use/">pgjdbc</a>:
 * <ul>
 *   <li>{@code sslmode} to {@code sslmode}: one of disable, allow, prefer, require, verify-ca,
 *       verify-full, which pgjdbc reads as libpq does;</li>
 *   <li>{@code sslrootcert}, {@code sslcert}, {@code sslkey}, {@code sslpassword},
 *       {@code options} keep their names (pgjdbc wants {@code sslkey} as PKCS-8 DER or PKCS-12,
 *       not PEM);</li>
 *   <li>{@code sslrootcert=system} (libpq 16: trust the system's CAs) becomes pgjdbc's
 *       {@code sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory} (trust the JVM's CAs) and, like
 *       libpq, implies {@code sslmode=verify-full} and refuses a weaker one;</li>
 *   <li>{@code application_name} to {@code ApplicationName};</li>
 *   <li>{@code connect_timeout} to {@code connectTimeout}, seconds in both, 0 (or, as libpq,
 *       negative) meaning no limit and 1 read as 2, libpq's minimum;</li>
 *   <li>{@code keepalives} to {@code tcpKeepAlive}: 0 off, any other number on;</li>
 *   <li>{@code keepalives_idle}, {@code keepalives_interval} (seconds) and
 *       {@code keepalives_count} to pgjdbc's {@code socketFactory}
 *       {@link KeepaliveSocketFactory} with {@code socketFactoryArg}
 *       {@code idle=…,interval=…,count=…}; 0, as in libpq, leaves the system's default;</li>
 *   <li>{@code pooler} ({@code none} or {@code transaction}, appdb's own, see {@link Pooler})
 *       is kept for appdb and never reaches pgjdbc;</li>
 *   <li>{@code target_session_attrs} to {@code targetServerType}: any to any, read-write and
 *       primary to primary, read-only and standby to secondary, prefer-standby to
 *       preferSecondary.</li>
 * </ul>
 * {@code user}, {@code password}, {@code dbname}, {@code host} and {@code port} are read by
 * {@link LibpqUri}. Any of pgjdbc's own connection properties (e.g. {@code prepareThreshold},
 * {@code targetServerType}), spelt exactly as pgjdbc spells it, passes through unchanged, as in the
 * {@code jdbc:} form. Every other parameter is refused rather than passed to pgjdbc, which would
 * ignore it silently.
 */
final class LibpqParameters {

  /** Every query parameter a libpq URI may have, in the order of libpq's documentation. */
  static final List<String> SUPPORTED = List.of(
      "host", "port", "dbname", "user", "password", "connect_timeout", "options",
      "application_name", "keepalives", "keepalives_idle", "keepalives_interval",
      "keepalives_count", "sslmode", "sslcert", "sslkey", "sslpassword", "sslrootcert",
      "target_session_attrs", "pooler");

  /** appdb's own parameter: what sits between the pool and the server ({@link Pooler}). */
  static final String POOLER = "pooler";

  static final String SYSTEM_TRUST_FACTORY = "org.postgresql.ssl.DefaultJavaSSLFactory";

  private static final List<String> SSL_MODES =
      List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

  private static final Map<String, String> TARGET_SERVER_TYPES = orderedMap(
      "any", "any",
      "read-write", "primary",
      "read-only", "secondary",
      "primary", "primary",
      "standby", "secondary",
      "prefer-standby", "preferSecondary");

  private LibpqParameters() {}

  /**
   * @param url the whole URL, for error messages
   * @param parameters libpq parameters other than user, password, dbname, host and port; an empty
   *     value means "not set", as in libpq
   * @return pgjdbc properties, in the parameters' order
   * @throws InvalidDatabaseUrlException on an unsupported parameter or a value libpq would refuse
   */
  static Map<String, String> toPgjdbc(String url, Map<String, String> parameters) {
    Map<String, String> properties = new LinkedHashMap<>();
    List<String> keepalive = new ArrayList<>();
    boolean systemTrust = false;
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      String name = parameter.getKey();
      String value = parameter.getValue();
      if (value.isEmpty()) {
        continue;
      }
      switch (name) {
        case "sslmode" -> properties.put("sslmode", oneOf(url, name, value, SSL_MODES));
        case "sslrootcert" -> {
          systemTrust = value.equals("system");
          properties.put(systemTrust ? "sslfactory" : "sslrootcert",
              systemTrust ? SYSTEM_TRUST_FACTORY : value);
        }
        case "sslcert", "sslkey", "sslpassword", "options" -> properties.put(name, value);
        case "application_name" -> properties.put("ApplicationName", value);
        case "connect_timeout" -> properties.put("connectTimeout", connectTimeout(url, value));
        case "keepalives" -> properties.put("tcpKeepAlive",
            Boolean.toString(number(url, name, value) != 0));
        case "keepalives_idle", "keepalives_interval", "keepalives_count" -> {
          int number = number(url, name, value);
          int limit = name.equals("keepalives_count") ? KeepaliveSocketFactory.MAX_COUNT
              : KeepaliveSocketFactory.MAX_SECONDS;
          if (number > limit) {
            throw InvalidDatabaseUrlException.of(url, name + " {} must be at most " + limit
                + " (the kernel's limit)", value);
          }
          if (number > 0) {
            keepalive.add(name.substring("keepalives_".length()) + "=" + number);
          } else if (number < 0) {
            throw InvalidDatabaseUrlException.of(url, name + " {} must not be negative", value);
          }
        }
        case POOLER -> properties.put(POOLER, pooler(url, value));
        case "target_session_attrs" -> properties.put("targetServerType", TARGET_SERVER_TYPES.get(
            oneOf(url, name, value, List.copyOf(TARGET_SERVER_TYPES.keySet()))));
        default -> properties.put(pgjdbcProperty(url, name), value);
      }
    }
    if (!keepalive.isEmpty()) {
      properties.put("socketFactory", KeepaliveSocketFactory.PGJDBC_NAME);
      properties.put("socketFactoryArg", String.join(",", keepalive));
    }
    if (systemTrust) {
      String mode = properties.putIfAbsent("sslmode", "verify-full");
      if (mode != null && !mode.equals("verify-full")) {
        throw InvalidDatabaseUrlException.of(url, "sslmode {} may not be used with"
            + " sslrootcert=system; use verify-full, as libpq requires", mode);
      }
    }
    return properties;
  }

  /**
   * @param url the whole URL, for error messages
   * @param name a query parameter that is not libpq's
   * @return {@code name}, when it is one of pgjdbc's connection properties
   * @throws InvalidDatabaseUrlException naming the parameter otherwise, and the property spelt
   *     as pgjdbc spells it when only its case differs
   */
  static String pgjdbcProperty(String url, String name) {
    if (PGProperty.forName(name) != null) {
      return name;
    }
    String sameButCase = java.util.Arrays.stream(PGProperty.values()).map(PGProperty::getName)
        .filter(known -> known.equalsIgnoreCase(name)).findFirst().orElse(null);
    throw InvalidDatabaseUrlException.of(url, "the query parameter {} is neither libpq's ("
        + String.join(", ", SUPPORTED) + ") nor a pgjdbc connection property"
        + (sameButCase == null ? "" : "; pgjdbc spells it " + sameButCase), name);
  }

  /**
   * @return the {@link Pooler}'s key for {@code value}
   * @throws InvalidDatabaseUrlException naming the accepted values
   */
  static String pooler(String url, String value) {
    try {
      return Pooler.parse(value, POOLER).key();
    } catch (IllegalArgumentException e) {
      throw InvalidDatabaseUrlException.of(url, "{} is not a valid pooler; use one of "
          + java.util.Arrays.stream(Pooler.values()).map(Pooler::key)
              .collect(java.util.stream.Collectors.joining(", ")), value);
    }
  }

  private static String oneOf(String url, String name, String value, List<String> allowed) {
    if (!allowed.contains(value)) {
      throw InvalidDatabaseUrlException.of(url, "{} is not a valid " + name + "; use one of "
          + String.join(", ", allowed), value);
    }
    return value;
  }

  private static String connectTimeout(String url, String value) {
    int seconds = number(url, "connect_timeout", value);
    return seconds <= 0 ? "0" : String.valueOf(Math.max(2, seconds));
  }

  private static int number(String url, String name, String value) {
    if (!value.matches("-?[0-9]{1,9}")) {
      throw InvalidDatabaseUrlException.of(url, name + " {} is not a whole number", value);
    }
    return Integer.parseInt(value);
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }
}
