package dev.cogent.tools.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class LocalSandboxTest extends SandboxContract {

  @Override
  Sandbox sandbox(Sandboxes sandboxes) {
    return sandboxes.find("local").orElseThrow();
  }

  @Test
  void is_a_plain_subprocess_with_the_host_network_and_file_system() throws IOException {
    try (ServerSocket listener = new ServerSocket(0)) {
      CommandResult result =
          run(
              "bash -c 'echo > /dev/tcp/127.0.0.1/"
                  + listener.getLocalPort()
                  + "' && echo connected; test -r /etc/passwd && echo host-etc");

      assertThat(result.output()).contains("connected", "host-etc");
    }
  }

  @Test
  void keeps_the_host_path_and_lang() {
    CommandResult result = run("echo $PATH; echo $LANG");

    assertThat(result.output())
        .isEqualTo(
            System.getenv().getOrDefault("PATH", LocalSandbox.DEFAULT_PATH)
                + "\n"
                + System.getenv().getOrDefault("LANG", "C.UTF-8")
                + "\n");
  }

  @Test
  void a_missing_workspace_is_exit_code_127_with_the_reason() throws IOException {
    Files.delete(workspace);

    CommandResult result = run("true");

    assertThat(result.exitCode()).isEqualTo(CommandResult.NOT_STARTED_EXIT_CODE);
    assertThat(result.output()).startsWith("cannot start /bin/sh");
  }
}
