package dev.vigil.agent.testing;

import java.nio.file.Path;

/** Paths of the fixture sysfs trees under {@code src/test/resources/sysfs}. */
public final class Fixtures {
  private Fixtures() {}

  /** The fixture tree of that name, e.g. {@code nct6775} or {@code empty}. */
  public static Path sysfs(String name) {
    return Path.of("src/test/resources/sysfs", name).toAbsolutePath();
  }
}
