package dev.vigil.agent.collect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Small, quiet readers of sysfs attribute files: a missing or unreadable file is an empty result.
 */
public final class SysfsFiles {
  private SysfsFiles() {}

  /** The trimmed first line of a file, or empty if it is missing, unreadable or blank. */
  public static Optional<String> text(Path file) {
    if (!exists(file)) {
      return Optional.empty(); // cheaper than the exception NIO throws for a missing file
    }
    try {
      String s = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
      int nl = s.indexOf('\n');
      if (nl >= 0) {
        s = s.substring(0, nl).trim();
      }
      return s.isEmpty() ? Optional.empty() : Optional.of(s);
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** Every line of a file, or an empty list if it is missing or unreadable. */
  public static List<String> lines(Path file) {
    if (!exists(file)) {
      return List.of();
    }
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | SecurityException e) {
      return List.of();
    }
  }

  /** The file's content as a whole number, or empty if missing, unreadable or not a number. */
  public static OptionalLong number(Path file) {
    Optional<String> s = text(file);
    if (s.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(s.get()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * The file's content as a whole number; unlike {@link #number} a failure is an exception whose
   * message says why (for readings where the reason matters).
   */
  public static long readNumber(Path file) throws IOException {
    String s = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new IOException("not a number: '" + s + "' in " + file, e);
    }
  }

  /** The entries of a directory sorted by name, or an empty list if it does not exist. */
  public static List<Path> list(Path dir) {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(out::add);
    } catch (IOException | SecurityException e) {
      return out;
    }
    out.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    return out;
  }

  /** True when the file exists; one stat call, no exception for a missing file. */
  private static boolean exists(Path file) {
    return file.getFileSystem() != FileSystems.getDefault() || file.toFile().exists();
  }
}
