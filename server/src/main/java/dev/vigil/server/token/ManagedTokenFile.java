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
 * The tokens admins created, and those they revoked, kept in {@code <dataDir>/tokens.json}: SHA-256
 * hashes, never secrets; owner-only where the file system allows; written off the caller's thread,
 * atomically ({@link JsonFile}). Entries that do not read as a token are logged and skipped.
 */
final class ManagedTokenFile {
  /** The file, in the data directory. */
  static final String FILE_NAME = "tokens.json";

  private static final Logger log = LoggerFactory.getLogger(ManagedTokenFile.class);

  /**
   * What the file holds; {@code revoked} is absent in files written before revocations were kept.
   */
  record Stored(List<StoredToken> tokens, List<StoredRevocation> revoked) {}

  /** What {@link #load} read. */
  record Loaded(List<RelayToken> tokens, List<RevokedToken> revoked) {}

  /** One revoked token as stored. */
  record StoredRevocation(
      String id, TokenKind kind, String name, String sha256, long revokedAtMs, String revokedBy) {}

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

  /** The stored tokens and revocations that read as valid; none when there is no file. */
  Loaded load() {
    Stored stored = file.load();
    List<RelayToken> tokens = new ArrayList<>();
    List<RevokedToken> revoked = new ArrayList<>();
    if (stored == null) {
      return new Loaded(tokens, revoked);
    }
    for (StoredToken s : stored.tokens() == null ? List.<StoredToken>of() : stored.tokens()) {
      RelayToken token = s == null ? null : token(s);
      if (token == null) {
        log.warn("Ignoring an entry of {} that is not a valid token", FILE_NAME);
      } else {
        tokens.add(token);
      }
    }
    for (StoredRevocation s :
        stored.revoked() == null ? List.<StoredRevocation>of() : stored.revoked()) {
      RevokedToken r = s == null ? null : revoked(s);
      if (r == null) {
        log.warn("Ignoring an entry of {} that is not a valid revoked token", FILE_NAME);
      } else {
        revoked.add(r);
      }
    }
    return new Loaded(tokens, revoked);
  }

  /** Writes {@code tokens} (managed ones) and {@code revoked} soon, off the caller's thread. */
  void save(List<RelayToken> tokens, List<RevokedToken> revoked) {
    file.save(
        new Stored(
            tokens.stream().map(ManagedTokenFile::stored).toList(),
            revoked.stream().map(ManagedTokenFile::stored).toList()));
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

  private static StoredRevocation stored(RevokedToken r) {
    return new StoredRevocation(
        r.id(), r.kind(), r.name(), r.sha256(), r.revokedAtMs(), r.revokedBy());
  }

  private static RevokedToken revoked(StoredRevocation s) {
    if (s.kind() == null
        || s.name() == null
        || s.revokedBy() == null
        || !TokenSecrets.isSha256(s.sha256())) {
      return null;
    }
    return new RevokedToken(
        TokenSecrets.idOfHash(s.sha256()),
        s.kind(),
        s.name(),
        s.sha256(),
        s.revokedAtMs(),
        s.revokedBy());
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
