package dev.cogent.tools.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What tests ask about host processes. */
final class Processes {

  private Processes() {}

  /**
   * Whether process {@code pid} still runs. A zombie (dead, not yet reaped by its parent, which in
   * a container may be an init that never reaps) does not count as running.
   */
  static boolean isRunning(long pid) {
    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        char state = stat.charAt(stat.lastIndexOf(')') + 2);
        return state != 'Z' && state != 'X';
      } catch (IOException e) {
        return false;
      }
    }
    return false;
  }
}
