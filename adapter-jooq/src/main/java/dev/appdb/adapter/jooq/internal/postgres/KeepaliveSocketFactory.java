package dev.appdb.adapter.jooq.internal.postgres;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketOption;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.SocketFactory;
import jdk.net.ExtendedSocketOptions;

/**
 * Sockets with libpq's {@code keepalives_idle}, {@code keepalives_interval} and
 * {@code keepalives_count} set, which pgjdbc has no property for. pgjdbc makes it by name from
 * its {@code socketFactory} property and passes {@code socketFactoryArg}, e.g.
 * {@code idle=60,interval=10,count=6} (seconds, seconds, probes; each optional). Keepalive itself
 * is switched on by pgjdbc's {@code tcpKeepAlive}. An option the platform does not offer is
 * skipped, as libpq does where the system lacks it.
 */
public final class KeepaliveSocketFactory extends SocketFactory {

  /** The value of pgjdbc's {@code socketFactory} property for this factory. */
  public static final String PGJDBC_NAME = KeepaliveSocketFactory.class.getName();

  /** Linux's largest {@code TCP_KEEPIDLE} and {@code TCP_KEEPINTVL}, in seconds. */
  public static final int MAX_SECONDS = 32_767;
  /** Linux's largest {@code TCP_KEEPCNT}. */
  public static final int MAX_COUNT = 127;

  private final Map<SocketOption<Integer>, Integer> options = new LinkedHashMap<>();

  /**
   * @param argument {@code idle=N,interval=N,count=N} in any order, each optional, N a whole
   *     number from 1
   * @throws IllegalArgumentException naming the part that is not of that form
   */
  public KeepaliveSocketFactory(String argument) {
    for (String part : argument.split(",")) {
      String[] nameValue = part.strip().split("=", 2);
      if (nameValue.length != 2 || !nameValue[1].matches("[0-9]{1,9}")
          || Integer.parseInt(nameValue[1]) < 1) {
        throw new IllegalArgumentException("socketFactoryArg: '" + part + "' is not idle=N,"
            + " interval=N or count=N with N a whole number from 1");
      }
      int value = Integer.parseInt(nameValue[1]);
      int limit = nameValue[0].equals("count") ? MAX_COUNT : MAX_SECONDS;
      if (value > limit) {
        throw new IllegalArgumentException("socketFactoryArg: " + nameValue[0] + " must be at"
            + " most " + limit + " (the kernel's limit), was " + value);
      }
      SocketOption<Integer> option = switch (nameValue[0]) {
        case "idle" -> ExtendedSocketOptions.TCP_KEEPIDLE;
        case "interval" -> ExtendedSocketOptions.TCP_KEEPINTERVAL;
        case "count" -> ExtendedSocketOptions.TCP_KEEPCOUNT;
        default -> throw new IllegalArgumentException("socketFactoryArg: '" + nameValue[0]
            + "' is not idle, interval or count");
      };
      options.put(option, value);
    }
  }

  /**
   * @return the keepalive options this factory sets, for tests and logs; unmodifiable
   */
  public Map<SocketOption<Integer>, Integer> options() {
    return Map.copyOf(options);
  }

  @Override
  public Socket createSocket() throws IOException {
    Socket socket = new Socket();
    for (Map.Entry<SocketOption<Integer>, Integer> option : options.entrySet()) {
      if (socket.supportedOptions().contains(option.getKey())) {
        socket.setOption(option.getKey(), option.getValue());
      }
    }
    return socket;
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    throw unconnectedOnly();
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    throw unconnectedOnly();
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    throw unconnectedOnly();
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress,
      int localPort) throws IOException {
    throw unconnectedOnly();
  }

  /** pgjdbc asks for an unconnected socket and connects it with its own timeout. */
  private static UnsupportedOperationException unconnectedOnly() {
    return new UnsupportedOperationException(
        "KeepaliveSocketFactory makes unconnected sockets only, as pgjdbc asks for");
  }
}
