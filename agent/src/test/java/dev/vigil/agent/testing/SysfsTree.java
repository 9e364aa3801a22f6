package dev.vigil.agent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds a small sysfs-like tree in a temporary directory: attribute files and symlinks. */
public final class SysfsTree {
  private final Path root;

  /**
   * @param root the directory to build in, e.g. a {@code @TempDir}
   */
  public SysfsTree(Path root) {
    this.root = root;
  }

  /** The tree's root. */
  public Path root() {
    return root;
  }

  /** Writes {@code content} plus a newline to {@code relative}, creating parent directories. */
  public SysfsTree file(String relative, String content) {
    Path file = root.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Makes {@code relative} a symlink to {@code targetRelative} (both under the root). */
  public SysfsTree link(String relative, String targetRelative) {
    Path link = root.resolve(relative);
    try {
      Files.createDirectories(link.getParent());
      Files.createDirectories(root.resolve(targetRelative));
      Files.createSymbolicLink(link, root.resolve(targetRelative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Deletes a file or an empty directory or a symlink. */
  public SysfsTree delete(String relative) {
    try {
      Files.delete(root.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }
}
