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
    List<StoredToken> storedTokens = stored.tokens() == null ? List.of() : stored.tokens();
    for (int i = 0; i < storedTokens.size(); i++) {
      StoredToken s = storedTokens.get(i);
      String problem = s == null ? "empty" : problem(s);
      if (problem == null) {
        tokens.add(token(s));
      } else {
        log.warn("Ignoring tokens[{}] of {}: {}", i, FILE_NAME, problem);
      }
    }
    List<StoredRevocation> storedRevoked = stored.revoked() == null ? List.of() : stored.revoked();
    for (int i = 0; i < storedRevoked.size(); i++) {
      StoredRevocation s = storedRevoked.get(i);
      String problem = s == null ? "empty" : problem(s.kind(), s.name(), s.revokedBy(), s.sha256());
      if (problem == null) {
        revoked.add(revoked(s));
      } else {
        log.warn("Ignoring revoked[{}] of {}: {}", i, FILE_NAME, problem);
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
    return new RevokedToken(
        TokenSecrets.idOfHash(s.sha256()),
        s.kind(),
        s.name(),
        s.sha256(),
        s.revokedAtMs(),
        s.revokedBy());
  }

  private static RelayToken token(StoredToken s) {
    return new RelayToken(
        TokenSecrets.idOfHash(s.sha256()),
        s.kind(),
        s.name(),
        s.role() == null ? null : OperatorRole.byWireName(s.role()),
        TokenSource.MANAGED,
        s.sha256(),
        s.createdAtMs(),
        s.createdBy());
  }

  /** Why a stored token cannot be used; null when it can. */
  private static String problem(StoredToken s) {
    String missing = problem(s.kind(), s.name(), s.createdBy(), s.sha256());
    if (missing != null) {
      return missing;
    }
    if (s.kind() == TokenKind.AGENT) {
      return s.role() == null ? null : "an agent token with a 'role'";
    }
    if (s.role() == null) {
      return "an operator token without a 'role'";
    }
    return OperatorRole.byWireName(s.role()) == null ? "unknown role '" + s.role() + "'" : null;
  }

  /**
   * What every stored entry needs: a kind, a name, the admin who made the change, a SHA-256; null
   * when it has them, else what is wrong.
   */
  private static String problem(TokenKind kind, String name, String admin, String sha256) {
    if (kind == null) {
      return "missing or unknown 'kind'";
    }
    if (name == null) {
      return "missing 'name'";
    }
    if (admin == null) {
      return "missing the admin who made it ('createdBy' or 'revokedBy')";
    }
    if (!TokenSecrets.isSha256(sha256)) {
      return "'sha256' is not 64 lowercase hex digits";
    }
    return null;
  }
}
