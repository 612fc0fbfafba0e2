package dev.cogent.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy in front of a server that drops one connection mid-stream: the first response that
 * contains {@code marker} is forwarded up to the end of the SSE frame holding it (the next blank
 * line), then both sides are closed, like a network that fails. Every other byte passes through.
 */
final class CuttingProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final int target;
  private final byte[] marker;
  private final AtomicBoolean cut = new AtomicBoolean();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  CuttingProxy(int targetPort, String marker) throws IOException {
    this.target = targetPort;
    this.marker = marker.getBytes(StandardCharsets.UTF_8);
    this.listener = new ServerSocket();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread acceptor = new Thread(this::accept, "cutting-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String url() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  boolean hasCut() {
    return cut.get();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
        sockets.add(client);
        sockets.add(server);
        pump(client.getInputStream(), server.getOutputStream(), null, client, server);
        pump(server.getInputStream(), client.getOutputStream(), marker, client, server);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(InputStream in, OutputStream out, byte[] watch, Socket a, Socket b) {
    Thread thread =
        new Thread(
            () -> {
              ByteArrayOutputStream seen = new ByteArrayOutputStream();
              byte[] buffer = new byte[8192];
              try {
                int n;
                while ((n = in.read(buffer)) != -1) {
                  if (watch != null && !cut.get()) {
                    int before = seen.size();
                    seen.write(buffer, 0, n);
                    int end = endOfMarkedFrame(seen.toByteArray());
                    if (end >= 0 && cut.compareAndSet(false, true)) {
                      out.write(buffer, 0, end - before);
                      out.flush();
                      a.close();
                      b.close();
                      return;
                    }
                  }
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // One side closed: close the other too.
              }
              closeQuietly(a);
              closeQuietly(b);
            },
            "cutting-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  /** The index just after the blank line that ends the frame holding the marker, or -1. */
  private int endOfMarkedFrame(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int at = text.indexOf(new String(marker, StandardCharsets.ISO_8859_1));
    if (at < 0) {
      return -1;
    }
    int end = text.indexOf("\n\n", at);
    return end < 0 ? -1 : end + 2;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Already closed.
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket socket : sockets) {
      closeQuietly(socket);
    }
  }
}
