package dev.vigil.server.token;

import dev.vigil.protocol.TokenKind;
import dev.vigil.protocol.TokenSource;
import dev.vigil.server.alert.JsonFile;
import dev.vigil.server.link.OperatorRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tokens admins created, kept in {@code <dataDir>/tokens.json}: SHA-256 hashes, never secrets;
 * owner-only where the file system allows; written off the caller's thread, atomically ({@link
 * JsonFile}). Entries that do not read as a token are logged and skipped.
 */
final class ManagedTokenFile {
  /** The file, in the data directory. */
  static final String FILE_NAME = "tokens.json";

  private static final Logger log = LoggerFactory.getLogger(ManagedTokenFile.class);

  /** What the file holds. */
  record Stored(List<StoredToken> tokens) {}

  /** One token as stored; {@code role} by its wire name, {@code null} for agent tokens. */
  record StoredToken(
      String id,
      TokenKind kind,
      String name,
      String role,
      String sha256,
      long createdAtMs,
      String createdBy) {}

  private final JsonFile<Stored> file;

  ManagedTokenFile(Path dataDir) {
    this.file = JsonFile.ownerOnly(dataDir.resolve(FILE_NAME), Stored.class);
  }

  /** The stored tokens that read as valid; empty when there is no file (or it is unreadable). */
  List<RelayToken> load() {
    Stored stored = file.load();
    List<RelayToken> tokens = new ArrayList<>();
    if (stored == null || stored.tokens() == null) {
      return tokens;
    }
    for (StoredToken s : stored.tokens()) {
      RelayToken token = s == null ? null : token(s);
      if (token == null) {
        log.warn("Ignoring an entry of {} that is not a valid token", FILE_NAME);
      } else {
        tokens.add(token);
      }
    }
    return tokens;
  }

  /** Writes {@code tokens} (managed ones) soon, off the caller's thread. */
  void save(List<RelayToken> tokens) {
    file.save(new Stored(tokens.stream().map(ManagedTokenFile::stored).toList()));
  }

  /** Writes what is pending and stops the writer. */
  void close() throws InterruptedException {
    file.close();
  }

  private static StoredToken stored(RelayToken t) {
    return new StoredToken(
        t.id(),
        t.kind(),
        t.name(),
        t.role() == null ? null : t.role().wireName(),
        t.sha256(),
        t.createdAtMs(),
        t.createdBy());
  }

  private static RelayToken token(StoredToken s) {
    if (s.kind() == null
        || s.name() == null
        || s.createdBy() == null
        || !TokenSecrets.isSha256(s.sha256())) {
      return null;
    }
    OperatorRole role = s.role() == null ? null : OperatorRole.byWireName(s.role());
    if ((s.kind() == TokenKind.OPERATOR) != (role != null)) {
      return null;
    }
    return new RelayToken(
        TokenSecrets.idOfHash(s.sha256()),
        s.kind(),
        s.name(),
        role,
        TokenSource.MANAGED,
        s.sha256(),
        s.createdAtMs(),
        s.createdBy());
  }
}
