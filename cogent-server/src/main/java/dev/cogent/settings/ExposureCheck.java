package dev.cogent.settings;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Safe by default: with authentication off, anyone who can reach the server acts as the built-in
 * default user, so the server listens on a loopback address only, unless the operator says a
 * trusted gateway stands in front ({@code server.allow_unauthenticated}).
 */
public final class ExposureCheck {

  private ExposureCheck() {}

  /**
   * @throws SettingsException naming both ways out when authentication is off, the host is not a
   *     loopback address and unauthenticated exposure was not allowed
   */
  public static void verify(Settings settings) {
    ServerSettings server = settings.server();
    if (settings.auth().requireAuthentication()
        || server.allowUnauthenticated()
        || isLoopback(server.host())) {
      return;
    }
    throw new SettingsException(
        "Refusing to listen on "
            + server.host()
            + " with authentication off: anyone who can reach that address would act as the"
            + " default user. Either turn authentication on (COGENT_REQUIRE_AUTHENTICATION=true,"
            + " auth.require_authentication: true), or, if a trusted gateway authenticates callers,"
            + " pass --allow-unauthenticated (COGENT_ALLOW_UNAUTHENTICATED=true,"
            + " server.allow_unauthenticated: true). Listening on 127.0.0.1 needs neither.");
  }

  /** Whether the host names a loopback interface; an unresolvable name does not. */
  static boolean isLoopback(String host) {
    String bare = host.strip();
    if (bare.startsWith("[") && bare.endsWith("]")) {
      bare = bare.substring(1, bare.length() - 1);
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(bare)) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException | SecurityException e) {
      return false;
    }
  }
}
