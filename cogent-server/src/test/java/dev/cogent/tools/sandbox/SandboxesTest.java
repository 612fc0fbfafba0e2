package dev.cogent.tools.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxesTest {

  @TempDir Path dir;

  @Test
  void the_local_backend_works_everywhere() {
    Sandboxes sandboxes = new Sandboxes(System.getenv());

    assertThat(sandboxes.probe("local")).isEqualTo(new SandboxProbe("local", true, ""));
    assertThat(sandboxes.select("local", sandboxes.probeAll()).name()).isEqualTo("local");
  }

  @Test
  void probe_all_reports_every_backend_in_order() {
    List<SandboxProbe> probes = new Sandboxes(System.getenv()).probeAll();

    assertThat(probes).extracting(SandboxProbe::backend).containsExactly("local", "bubblewrap");
  }

  @Test
  void bubblewrap_without_bwrap_on_the_path_is_reported_and_refused() throws IOException {
    Path emptyBin = Files.createDirectories(dir.resolve("bin"));
    Sandboxes sandboxes = new Sandboxes(Map.of("PATH", emptyBin.toString()));

    SandboxProbe probe = sandboxes.probe("bubblewrap");

    assertThat(probe.works()).isFalse();
    assertThat(probe.problem()).contains("bwrap is not installed", "bubblewrap");
    assertThat(sandboxes.find("bubblewrap")).isEmpty();
    assertThatThrownBy(() -> sandboxes.select("bubblewrap", sandboxes.probeAll()))
        .isInstanceOf(SandboxUnavailableException.class)
        .hasMessageContaining("tools.sandbox is bubblewrap, but that sandbox does not work")
        .hasMessageContaining("bwrap is not installed")
        .hasMessageContaining("set tools.sandbox (COGENT_SANDBOX_BACKEND) to local");
  }

  @Test
  void a_bwrap_that_fails_is_reported_with_its_output() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path fake = bin.resolve("bwrap");
    Files.writeString(
        fake, "#!/bin/sh\necho 'bwrap: No permissions to create new namespace' >&2\nexit 1\n");
    fake.toFile().setExecutable(true);
    Sandboxes sandboxes = new Sandboxes(Map.of("PATH", bin + ":/usr/bin:/bin"));

    SandboxProbe probe = sandboxes.probe("bubblewrap");

    assertThat(probe.works()).isFalse();
    assertThat(probe.problem())
        .isEqualTo(
            "running true through it exited with 1: bwrap: No permissions to create new namespace");
  }
}
