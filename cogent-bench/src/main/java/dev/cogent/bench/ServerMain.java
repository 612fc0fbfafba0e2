package dev.cogent.bench;

import dev.cogent.CogentServer;
import dev.cogent.settings.Settings;
import dev.cogent.settings.SettingsLoader;
import dev.cogent.settings.SettingsSources;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;

/**
 * The server a {@link ServerProcess} runs in a JVM of its own: {@code CogentServer} on a free
 * loopback port with the folder given as its only argument as home, project and data dir, and the
 * process environment's {@code COGENT_*} variables. It prints {@value #READY} and its URL on stdout
 * once it listens, and stops when its stdin closes (the benchmark ended or died).
 */
final class ServerMain {

  static final String READY = "cogent-bench-server-ready ";

  private ServerMain() {}

  public static void main(String[] args) throws IOException {
    Path directory = Path.of(args[0]);
    Map<String, String> flags =
        Map.of("host", "127.0.0.1", "port", "0", "data-dir", directory.resolve("data").toString());
    Settings settings =
        new SettingsLoader()
            .load(new SettingsSources(directory, directory, System.getenv(), flags));
    try (CogentServer server = CogentServer.start(settings, InstantSource.system())) {
      System.out.println(READY + server.url());
      System.out.flush();
      InputStream in = System.in;
      while (in.read() != -1) {
        // Nothing is sent; end of input means the parent is gone.
      }
    }
  }
}
