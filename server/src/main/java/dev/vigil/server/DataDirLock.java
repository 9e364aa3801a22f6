package dev.vigil.server;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One relay per data directory: an exclusive lock on {@code <dataDir>/relay.lock}, held while the
 * relay runs. A second relay on the same directory would write the same history, alerts and rules
 * files under the first one; it is refused at start with a message that says so. The operating
 * system releases the lock when the process ends, however it ends.
 */
final class DataDirLock implements AutoCloseable {
  /** The lock file's name in the data directory. */
  static final String FILE_NAME = "relay.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Locks {@code dataDir} (creating it when missing), or fails naming the directory. */
  static DataDirLock acquire(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    Path file = dataDir.resolve(FILE_NAME);
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by another relay in this process
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw new IOException(
          "data directory "
              + dataDir.toAbsolutePath()
              + " is in use by another relay (it holds "
              + FILE_NAME
              + "); stop that relay or give this one another --data-dir");
    }
    return new DataDirLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
