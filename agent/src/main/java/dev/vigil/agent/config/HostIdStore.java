package dev.vigil.agent.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * The host's persistent id: a UUID generated on first start and kept in {@code <stateDir>/host-id},
 * so that the relay recognises the host across restarts.
 */
public final class HostIdStore {
  /** File name of the host id inside the state directory. */
  public static final String FILE_NAME = "host-id";

  private final Path file;

  /**
   * @param stateDir the agent's state directory; created if missing
   */
  public HostIdStore(Path stateDir) {
    this.file = stateDir.resolve(FILE_NAME);
  }

  /** The stored id, or a new one written atomically if there is none yet. */
  public String loadOrCreate() {
    try {
      if (Files.exists(file)) {
        String id = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (!id.isEmpty()) {
          return id;
        }
      }
      String id = UUID.randomUUID().toString();
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
      Files.writeString(tmp, id + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the host id in " + file, e);
    }
  }
}
