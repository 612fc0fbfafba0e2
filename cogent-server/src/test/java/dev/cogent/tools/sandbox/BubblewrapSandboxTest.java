package dev.cogent.tools.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cogent.tools.ManualCancellation;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sandbox contract through {@code bwrap}, plus what only it promises: no network, and nothing
 * writable but the workspace and {@code /tmp}. Skipped, with the probe's reason, where bubblewrap
 * is not installed or cannot create namespaces (a container without user namespaces, say); {@code
 * .ci/run} installs it so CI runs these.
 */
class BubblewrapSandboxTest extends SandboxContract {

  /** Probed once: whether bubblewrap works here does not change during the run. */
  private static final SandboxProbe PROBE = new Sandboxes(System.getenv()).probe("bubblewrap");

  @Override
  Sandbox sandbox(Sandboxes sandboxes) {
    assumeTrue(PROBE.works(), () -> "bubblewrap does not work on this machine: " + PROBE.problem());
    return sandboxes.find("bubblewrap").orElseThrow();
  }

  @Test
  void has_no_network_not_even_the_hosts_loopback() throws IOException {
    try (ServerSocket listener = new ServerSocket(0)) {
      CommandResult result =
          run(
              "bash -c 'echo > /dev/tcp/127.0.0.1/"
                  + listener.getLocalPort()
                  + "' 2>/dev/null && echo connected || echo refused");

      assertThat(result.output()).contains("refused").doesNotContain("connected");
    }
  }

  @Test
  void cannot_write_outside_the_workspace() throws IOException {
    Path beside = Files.createDirectories(dir.resolve("beside"));

    CommandResult result =
        run(
            "touch /usr/cogent-test 2>/dev/null && echo usr-written;"
                + " touch /etc/cogent-test 2>/dev/null && echo etc-written;"
                + " touch "
                + beside.resolve("x")
                + " 2>/dev/null && echo beside-written;"
                + " touch /tmp/scratch && echo tmp-ok; touch ws-file && echo ws-ok");

    assertThat(result.output())
        .doesNotContain("usr-written", "etc-written", "beside-written")
        .contains("tmp-ok", "ws-ok");
    assertThat(beside.resolve("x")).doesNotExist();
    assertThat(Path.of("/usr/cogent-test")).doesNotExist();
    assertThat(workspace.resolve("ws-file")).exists();
  }

  @Test
  void sees_only_essential_etc_files_and_no_host_processes() {
    CommandResult result =
        run("test -e /etc/shadow && echo shadow-visible; ls /proc | grep -c '^[0-9]'; id -u");

    assertThat(result.output()).doesNotContain("shadow-visible");
    int processes = Integer.parseInt(result.output().lines().findFirst().orElseThrow().strip());
    assertThat(processes).as("only the sandbox's own processes").isLessThan(6);
  }

  @Test
  void an_interpreter_outside_the_system_folders_runs_from_its_read_only_prefix()
      throws IOException {
    Path bin = Files.createDirectories(dir.resolve("opt/lang-1.0/bin"));
    Path interpreter = bin.resolve("lang");
    Files.writeString(interpreter, "#!/bin/sh\necho lang-ran\n");
    Files.setPosixFilePermissions(interpreter, PosixFilePermissions.fromString("rwxr-xr-x"));
    Sandbox withPrefix =
        new Sandboxes(hostEnvironment(), List.of(interpreter.toString()))
            .find("bubblewrap")
            .orElseThrow();
    String command =
        interpreter + "; touch " + bin.resolve("new") + " 2>/dev/null && echo prefix-written";

    CommandResult bound =
        withPrefix.run(command, workspace, TIMEOUT, MAX_OUTPUT, new ManualCancellation());
    CommandResult unbound = run(interpreter.toString());

    assertThat(bound.output()).contains("lang-ran").doesNotContain("prefix-written");
    assertThat(bin.resolve("new")).doesNotExist();
    assertThat(unbound.exitCode()).as("not visible without the setting").isEqualTo(127);
  }
}
