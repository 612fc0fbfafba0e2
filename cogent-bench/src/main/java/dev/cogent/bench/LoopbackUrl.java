package dev.cogent.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The base URL of the server under load. The benchmarks generate heavy traffic, so they only ever
 * send it to this machine: the host must be a loopback address or resolve only to loopback
 * addresses.
 *
 * @param base {@code http(s)://host:port} plus an optional path prefix, without a trailing slash
 */
record LoopbackUrl(URI base) {

  LoopbackUrl {
    if (base == null) {
      throw new IllegalArgumentException("a URL is required");
    }
    String scheme = String.valueOf(base.getScheme()).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("URL must start with http:// or https://: " + base);
    }
    if (base.getHost() == null) {
      throw new IllegalArgumentException("URL has no host: " + base);
    }
    if (base.getRawQuery() != null || base.getRawFragment() != null) {
      throw new IllegalArgumentException("URL must not have a query or fragment: " + base);
    }
    if (base.getRawPath() != null && base.getRawPath().endsWith("/")) {
      throw new IllegalArgumentException("URL must not end with a slash: " + base);
    }
    requireLoopback(base.getHost());
  }

  /** Parses a URL given on the command line; a trailing slash is dropped. */
  static LoopbackUrl parse(String url) {
    String trimmed = url.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    try {
      return new LoopbackUrl(new URI(trimmed));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + url, e);
    }
  }

  /** The URI of {@code path} (starting with a slash) on this server. */
  URI resolve(String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with a slash: " + path);
    }
    return URI.create(base + path);
  }

  @Override
  public String toString() {
    return base.toString();
  }

  private static void requireLoopback(String host) {
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown host " + host, e);
    }
    if (!Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress)) {
      throw new IllegalArgumentException(
          "the benchmark only sends load to this machine; "
              + host
              + " is not a loopback address ("
              + Arrays.toString(addresses)
              + ")");
    }
  }
}
