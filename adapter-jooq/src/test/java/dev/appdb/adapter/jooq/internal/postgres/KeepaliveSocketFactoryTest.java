package dev.appdb.adapter.jooq.internal.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.testing.PostgresServer;
import dev.appdb.testing.PostgresTestServer;
import java.io.IOException;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.Test;

class KeepaliveSocketFactoryTest {

  @Test
  void setsTheKeepaliveTimingsOnTheSocketsItMakes() throws IOException {
    KeepaliveSocketFactory factory = new KeepaliveSocketFactory("idle=30,interval=5,count=4");
    try (Socket socket = factory.createSocket()) {
      if (socket.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE)) {
        assertThat(socket.getOption(ExtendedSocketOptions.TCP_KEEPIDLE)).isEqualTo(30);
        assertThat(socket.getOption(ExtendedSocketOptions.TCP_KEEPINTERVAL)).isEqualTo(5);
        assertThat(socket.getOption(ExtendedSocketOptions.TCP_KEEPCOUNT)).isEqualTo(4);
      }
    }
  }

  @Test
  void pgjdbcConnectsThroughItByName() throws SQLException {
    PostgresServer server = PostgresTestServer.get();
    Properties properties = server.adminProperties();
    properties.setProperty("tcpKeepAlive", "true");
    properties.setProperty("socketFactory", KeepaliveSocketFactory.PGJDBC_NAME);
    properties.setProperty("socketFactoryArg", "idle=30,interval=5,count=4");
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"),
        properties)) {
      assertThat(connection.isValid(2)).isTrue();
    }
  }

  @Test
  void refusesAMalformedArgumentNamingThePart() {
    assertThatThrownBy(() -> new KeepaliveSocketFactory("idle=30,pace=5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'pace' is not idle, interval or count");
    assertThatThrownBy(() -> new KeepaliveSocketFactory("count=128"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("count must be at most 127");
    assertThatThrownBy(() -> new KeepaliveSocketFactory("idle=0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'idle=0'");
  }
}
