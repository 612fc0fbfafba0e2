package dev.cogent.tools.sandbox;

/**
 * Whether a sandbox backend works on this machine, found by running {@code true} through it.
 *
 * @param backend the backend's setting value
 * @param problem why it does not work; empty when it works
 */
public record SandboxProbe(String backend, boolean works, String problem) {

  public SandboxProbe {
    if (backend == null || problem == null) {
      throw new IllegalArgumentException("backend and problem are required");
    }
  }

  static SandboxProbe working(String backend) {
    return new SandboxProbe(backend, true, "");
  }

  static SandboxProbe broken(String backend, String problem) {
    return new SandboxProbe(backend, false, problem);
  }
}
