package dev.vigil.server.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Creates files that hold secrets: readable and writable by their owner only, where POSIX. */
public final class OwnerOnlyFiles {
  /** {@code rw-------}. */
  public static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private OwnerOnlyFiles() {}

  /**
   * Creates {@code file}, empty, with {@link #OWNER_ONLY} permissions when the file system supports
   * POSIX permissions, else with its defaults.
   *
   * @return true when the permissions are restricted, false when the file system cannot (the caller
   *     should say so)
   * @throws java.nio.file.FileAlreadyExistsException when {@code file} exists
   */
  public static boolean create(Path file) throws IOException {
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      return true;
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
      return false;
    }
  }
}
