package dev.cogent.cli;

import dev.cogent.Version;
import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"cogent " + Version.cogent()};
  }
}
