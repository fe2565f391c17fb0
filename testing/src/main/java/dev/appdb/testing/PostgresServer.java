package dev.appdb.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * A running PostgreSQL server the tests may create databases on.
 *
 * @param host host name or address
 * @param port TCP port
 * @param adminUser a user allowed to create databases
 * @param adminPassword its password, may be empty
 * @param source where the server came from, for the log: environment, Testcontainers, embedded
 */
public record PostgresServer(String host, int port, String adminUser, String adminPassword,
    String source) {

  /**
   * @param database a database on this server
   * @return its JDBC URL, without credentials
   */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /**
   * @param database a database on this server
   * @return its {@code DATABASE_URL} in libpq form with the admin credentials percent-encoded,
   *     e.g. {@code postgresql://postgres:secret@localhost:5432/orders_1}; holds the password
   */
  public String databaseUrl(String database) {
    return "postgresql://" + URLEncoder.encode(adminUser, StandardCharsets.UTF_8) + ":"
        + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8) + "@" + host + ":" + port
        + "/" + database;
  }

  /** @return pgjdbc properties holding the admin credentials */
  public Properties adminProperties() {
    Properties properties = new Properties();
    properties.setProperty("user", adminUser);
    properties.setProperty("password", adminPassword);
    return properties;
  }

  @Override
  public String toString() {
    return "PostgresServer[" + source + " " + host + ":" + port + " as " + adminUser + "]";
  }
}
