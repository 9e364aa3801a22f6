package dev.vigil.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The fixture sysfs tree the real agent reads in end-to-end tests: copied to where surefire points
 * {@code oshi.util.sys.path}, and changed while the agent runs by replacing files atomically, as a
 * kernel driver would change them.
 */
public final class SysfsFixture {
  /** The end-to-end fixture: a k10temp CPU sensor, an nct6775 board chip, fans, LEDs. */
  public static final Path E2E = Path.of("src/test/resources/sysfs/e2e");

  private final Path root;

  private SysfsFixture(Path root) {
    this.root = root;
  }

  /** Copies {@code fixture} over the sysfs root OSHI reads and returns it. */
  public static SysfsFixture install(Path fixture) throws IOException {
    Path root = Path.of(System.getProperty("oshi.util.sys.path"));
    try (Stream<Path> files = Files.walk(fixture)) {
      files.forEach(
          source -> {
            Path target = root.resolve(fixture.relativize(source).toString());
            try {
              if (Files.isDirectory(source)) {
                Files.createDirectories(target);
              } else {
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
    return new SysfsFixture(root);
  }

  /** The sysfs root. */
  public Path root() {
    return root;
  }

  /** Replaces one file's content at once, e.g. {@code class/hwmon/hwmon0/temp1_input}. */
  public void write(String relative, String value) throws IOException {
    Path file = root.resolve(relative);
    Path next = file.resolveSibling(file.getFileName() + ".next");
    Files.writeString(next, value + "\n");
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
