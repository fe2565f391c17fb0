package dev.appdb.adapter.jooq;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A PostgreSQL database on one or more servers, split the way pgjdbc and HikariCP take it: a JDBC
 * URL with only servers and database, connection properties, and the credentials apart. Built by
 * {@link DatabaseUrls#parse(String)}; immutable (the {@code with...} methods return copies).
 * {@link #toString()} is {@link #display()}: it never shows the password.
 */
public final class PostgresTarget implements DatabaseTarget {

  private final List<PostgresHost> hosts;
  private final String database;
  private final Map<String, String> properties;
  private final String user;
  private final String password;

  /**
   * @param hosts the servers, at least one
   * @param database the database name, {@code ""} when not given (then it is the user's name)
   * @param properties pgjdbc properties, without user and password
   * @param user the user name, {@code null} when not given
   * @param password the password, {@code null} when not given
   */
  PostgresTarget(List<PostgresHost> hosts, String database, Map<String, String> properties,
      String user, String password) {
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("a PostgreSQL target needs at least one host");
    }
    this.hosts = List.copyOf(hosts);
    this.database = Objects.requireNonNull(database, "database");
    this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    this.user = user;
    this.password = password;
  }

  /**
   * pgjdbc's URL form ({@code jdbc:postgresql://host1[:port1][,host2[:port2]...]/database}, see
   * <a href="https://jdbc.postgresql.org/documentation/use/#connecting-to-the-database">
   * pgjdbc</a>),
   * always with explicit ports, IPv6 addresses in brackets and the database name percent-encoded.
   * When the URL named no database, it is the user's name, as libpq defaults it.
   *
   * @return e.g. {@code jdbc:postgresql://db1:5432,db2:5433/appdb}; never with user, password or
   *     query parameters
   */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + serverList() + "/" + PercentEncoding.encode(effectiveDatabase());
  }

  /**
   * @return pgjdbc connection properties in the URL's order (e.g. {@code sslmode},
   *     {@code sslrootcert}, {@code connectTimeout}, {@code ApplicationName}); unmodifiable, never
   *     {@code null}, never {@code user} or {@code password}; may hold {@code sslpassword}
   */
  public Map<String, String> properties() {
    return properties;
  }

  /**
   * @return a new copy of {@link #properties()} but {@code pooler}, plus {@code user} and
   *     {@code password} when set: what pgjdbc takes with {@link #jdbcUrl()}; holds secrets,
   *     never log it
   */
  public Properties driverProperties() {
    Properties driver = new Properties();
    driver.putAll(properties);
    driver.remove(LibpqParameters.POOLER);
    if (user != null) {
      driver.setProperty("user", user);
    }
    if (password != null) {
      driver.setProperty("password", password);
    }
    return driver;
  }

  /**
   * @return the URL's {@code pooler} parameter ({@link Pooler}), or null when it has none
   */
  public Pooler pooler() {
    String pooler = properties.get(LibpqParameters.POOLER);
    return pooler == null ? null : Pooler.parse(pooler, LibpqParameters.POOLER);
  }

  /** @return the database's name: the URL's, else (as libpq defaults it) the user's */
  public String database() {
    return effectiveDatabase();
  }

  /**
   * @param newDatabase another database on the same servers, e.g. {@code postgres}; not blank
   * @return a copy naming it, with the same credentials and properties
   * @throws IllegalArgumentException when the name is null or blank
   */
  public PostgresTarget withDatabase(String newDatabase) {
    if (newDatabase == null || newDatabase.isBlank()) {
      throw new IllegalArgumentException("a database name must not be blank");
    }
    return new PostgresTarget(hosts, newDatabase, properties, user, password);
  }

  /** @return the user name, percent-decoded; {@code null} when the URL gave none */
  public String user() {
    return user;
  }

  /** @return the password, percent-decoded; {@code null} when the URL gave none */
  public String password() {
    return password;
  }

  /**
   * @param newUser the user name, e.g. from configuration; {@code null} for none
   * @return a copy with that user
   */
  public PostgresTarget withUser(String newUser) {
    return new PostgresTarget(hosts, database, properties, newUser, password);
  }

  /**
   * @param newPassword the password, e.g. read from a secret file; {@code null} for none
   * @return a copy with that password
   */
  public PostgresTarget withPassword(String newPassword) {
    return new PostgresTarget(hosts, database, properties, user, newPassword);
  }

  /**
   * @param name a pgjdbc property name, e.g. {@code sslmode}; not {@code user} nor
   *     {@code password} (use {@link #withUser} and {@link #withPassword})
   * @param value its value; {@code null} removes the property
   * @return a copy with that property set (in its place if it was set, else last) or removed
   * @throws IllegalArgumentException when the name is blank, {@code user} or {@code password}
   */
  public PostgresTarget withProperty(String name, String value) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a property name must not be blank");
    }
    if (name.equals("user") || name.equals("password")) {
      throw new IllegalArgumentException(
          "set " + name + " with with" + (name.equals("user") ? "User" : "Password") + "(...)");
    }
    Map<String, String> changed = new LinkedHashMap<>(properties);
    if (value == null) {
      changed.remove(name);
    } else {
      changed.put(name, value);
    }
    return new PostgresTarget(hosts, database, changed, user, password);
  }

  /**
   * @return a libpq-style URI with pgjdbc's property names, e.g.
   *     {@code postgresql://appdb:****@db.example.com:5432/appdb?sslmode=require}: the user when
   *     set, {@code ****} in place of a password when one is set, and {@code ****} as the value of
   *     every property whose name contains "password"
   */
  @Override
  public String display() {
    StringBuilder shown = new StringBuilder("postgresql://");
    if (user != null || password != null) {
      shown.append(user == null ? "" : PercentEncoding.encode(user))
          .append(password == null ? "" : ":" + PasswordMask.MASK).append('@');
    }
    shown.append(serverList()).append('/').append(PercentEncoding.encode(effectiveDatabase()));
    if (!properties.isEmpty()) {
      shown.append('?').append(properties.entrySet().stream()
          .map(p -> p.getKey() + "=" + (isSecret(p.getKey()) ? PasswordMask.MASK : p.getValue()))
          .collect(Collectors.joining("&")));
    }
    return shown.toString();
  }

  /** @return {@link #display()}: never the password */
  @Override
  public String toString() {
    return display();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PostgresTarget that
        && hosts.equals(that.hosts)
        && database.equals(that.database)
        && properties.equals(that.properties)
        && Objects.equals(user, that.user)
        && Objects.equals(password, that.password);
  }

  @Override
  public int hashCode() {
    return Objects.hash(hosts, database, properties, user, password);
  }

  private String serverList() {
    return hosts.stream().map(PostgresHost::uriForm).collect(Collectors.joining(","));
  }

  private String effectiveDatabase() {
    return database.isEmpty() && user != null ? user : database;
  }

  private static boolean isSecret(String property) {
    return property.toLowerCase(Locale.ROOT).contains("password");
  }
}
