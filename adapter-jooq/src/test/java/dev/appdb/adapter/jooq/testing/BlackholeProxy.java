package dev.appdb.adapter.jooq.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 that forwards to one upstream port until told to {@link #blackhole()}:
 * then it stops forwarding in both directions and stops accepting, without closing anything (no
 * RST, no FIN), as a network that silently drops packets. Bytes read while blackholed are held
 * and delivered when the network {@link #restore() returns}, as TCP would retransmit them. Its
 * threads are daemons and end at {@link #close()}.
 */
public final class BlackholeProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final int upstreamPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final Object gate = new Object();
  private volatile boolean blackholed;
  private volatile boolean closed;

  /**
   * @param upstreamPort the port on 127.0.0.1 to forward to
   * @throws IOException when no local port can be bound
   */
  public BlackholeProxy(int upstreamPort) throws IOException {
    this.upstreamPort = upstreamPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "blackhole-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** @return the local port clients connect to */
  public int port() {
    return listener.getLocalPort();
  }

  /** Stops forwarding and accepting; nothing is closed. */
  public void blackhole() {
    blackholed = true;
  }

  /** Forwards again, held bytes first, and accepts the connections that waited. */
  public void restore() {
    synchronized (gate) {
      blackholed = false;
      gate.notifyAll();
    }
  }

  private void awaitNetwork() throws InterruptedException {
    synchronized (gate) {
      while (blackholed && !closed) {
        gate.wait();
      }
    }
  }

  private void accept() {
    while (!closed) {
      try {
        awaitNetwork();
        Socket client = listener.accept();
        awaitNetwork(); // a connection that arrives as the network drops waits for its return
        Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        sockets.add(client);
        sockets.add(server);
        pump(client, server, "up");
        pump(server, client, "down");
      } catch (IOException | InterruptedException e) {
        if (!closed) {
          continue;
        }
        return;
      }
    }
  }

  private void pump(Socket from, Socket to, String direction) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int read;
        while ((read = in.read(buffer)) >= 0) {
          awaitNetwork();
          out.write(buffer, 0, read);
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        // one side went away; close both below
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "blackhole-proxy-" + direction);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() {
    closed = true;
    restore();
    closeQuietly(listener);
    sockets.forEach(BlackholeProxy::closeQuietly);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // closing anyway
    }
  }

  /** @return an address for messages */
  @Override
  public String toString() {
    return new InetSocketAddress(listener.getInetAddress(), port()) + " -> 127.0.0.1:"
        + upstreamPort + (blackholed ? " (blackholed)" : "");
  }
}
