package dev.vigil.server.token;

import dev.vigil.protocol.RevokedTokenInfo;
import dev.vigil.protocol.TokenCreate;
import dev.vigil.protocol.TokenInfo;
import dev.vigil.protocol.TokenList;
import dev.vigil.protocol.TokenSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What admins do with tokens: create one (its secret returned once, only its hash kept), revoke one
 * they created, and list them all without secrets. Keeps the created ones, and who revoked which
 * when, in {@code <dataDir>/tokens.json}, written off the calling thread. Refusals say precisely
 * why and change nothing. Not thread-safe: call from one thread (the relay core); the {@link
 * TokenRegistry} it changes may be read from any thread.
 */
public final class TokenAdmin {
  /** The file of managed tokens, in the data directory. */
  public static final String FILE_NAME = ManagedTokenFile.FILE_NAME;

  /** The most tokens admins may have created at once. */
  public static final int MAX_MANAGED_TOKENS = 1_000;

  /** Why a config token is not revocable from a dashboard. */
  static final String CONFIG_REASON =
      "it is set in the relay's configuration (config file, environment, command line or"
          + " tokens.properties); remove it there and restart the relay";

  /** Why the last admin token is not revocable. */
  static final String LAST_ADMIN_REASON =
      "it is the last admin token; create another admin token first";

  private static final Logger log = LoggerFactory.getLogger(TokenAdmin.class);

  /** What a request did. */
  public sealed interface Outcome {
    /** Nothing changed, because of {@code error}. */
    record Refused(String error) implements Outcome {}

    /** {@code token} was created; {@code secret} is to be given to its creator only. */
    record Created(TokenInfo token, String secret) implements Outcome {
      /** Never shows the secret. */
      @Override
      public String toString() {
        return "Created[token=" + token + ", secret=<hidden>]";
      }
    }

    /** {@code token} was revoked. */
    record Revoked(RelayToken token) implements Outcome {}
  }

  private final TokenRegistry registry;
  private final ManagedTokenFile file;

  private TokenAdmin(TokenRegistry registry, ManagedTokenFile file) {
    this.registry = registry;
    this.file = file;
  }

  /**
   * Adds the tokens kept in {@code dataDir} to {@code registry} (skipping, with a warning, any
   * whose secret the configuration holds too) and manages them from now on.
   */
  public static TokenAdmin open(TokenRegistry registry, Path dataDir) {
    Objects.requireNonNull(registry, "registry");
    ManagedTokenFile file = new ManagedTokenFile(dataDir);
    int kept = 0;
    ManagedTokenFile.Loaded loaded = file.load();
    registry.rememberRevoked(loaded.revoked());
    for (RelayToken token : loaded.tokens()) {
      if (registry.byId(token.id()).isPresent()) {
        log.warn(
            "Ignoring token '{}' ({}) of {}: the configuration has the same token",
            token.name(),
            token.id(),
            FILE_NAME);
      } else {
        registry.add(token);
        kept++;
      }
    }
    if (kept > 0) {
      log.info("{} token(s) created by admins read from {}", kept, dataDir.resolve(FILE_NAME));
    }
    return new TokenAdmin(registry, file);
  }

  /** The tokens admins see and manage. */
  public TokenRegistry registry() {
    return registry;
  }

  /** Creates the token {@code request} asks for, for the admin {@code by}, at {@code nowMs}. */
  public Outcome create(TokenCreate request, String by, long nowMs) {
    TokenChecks.Reading reading = TokenChecks.read(request);
    if (reading instanceof TokenChecks.Reading.Invalid invalid) {
      return new Outcome.Refused(invalid.problem());
    }
    if (registry.managed().size() >= MAX_MANAGED_TOKENS) {
      return new Outcome.Refused(
          "there are already "
              + MAX_MANAGED_TOKENS
              + " tokens created by admins, the most the relay keeps; revoke one first");
    }
    TokenChecks.Reading.Valid valid = (TokenChecks.Reading.Valid) reading;
    String secret;
    String hash;
    do { // a new id colliding with a token's is a 1 in 2^48 event: draw again
      secret = TokenSecrets.newSecret();
      hash = TokenSecrets.sha256(secret);
    } while (registry.byId(TokenSecrets.idOfHash(hash)).isPresent());
    RelayToken token =
        new RelayToken(
            TokenSecrets.idOfHash(hash),
            valid.kind(),
            valid.name(),
            valid.role(),
            TokenSource.MANAGED,
            hash,
            nowMs,
            by);
    registry.add(token);
    file.save(registry.managed(), registry.revokedTokens());
    log.info(
        "Token '{}' ({} {}) created by {}", token.name(), token.kind().wireName(), token.id(), by);
    return new Outcome.Created(info(token), secret);
  }

  /**
   * Revokes the managed token {@code tokenId} for the admin {@code by} at {@code nowMs}; a hello
   * presenting it later is told who revoked it and when.
   */
  public Outcome revoke(String tokenId, String by, long nowMs) {
    RelayToken token = registry.byId(tokenId).orElse(null);
    if (token == null) {
      return new Outcome.Refused("no token with id '" + tokenId + "'");
    }
    String reason = notRevocableReason(token);
    if (reason != null) {
      return new Outcome.Refused("token '" + token.name() + "' cannot be revoked: " + reason);
    }
    registry.revoke(tokenId, by, nowMs);
    file.save(registry.managed(), registry.revokedTokens());
    log.info(
        "Token '{}' ({} {}) revoked by {}", token.name(), token.kind().wireName(), token.id(), by);
    return new Outcome.Revoked(token);
  }

  /** Every token, without secrets, in listing order; then the revoked ones, newest first. */
  public TokenList list() {
    List<RevokedToken> oldestFirst = registry.revokedTokens();
    List<RevokedTokenInfo> revoked = new ArrayList<>(oldestFirst.size());
    for (int i = oldestFirst.size() - 1; i >= 0; i--) {
      revoked.add(oldestFirst.get(i).info());
    }
    return new TokenList(registry.tokens().stream().map(this::info).toList(), revoked);
  }

  /** Writes what is pending to disk and stops the writer. */
  public void close() throws InterruptedException {
    file.close();
  }

  private TokenInfo info(RelayToken t) {
    return new TokenInfo(
        t.id(),
        t.kind(),
        t.name(),
        t.role() == null ? null : t.role().wireName(),
        t.source(),
        t.createdAtMs(),
        t.createdBy(),
        notRevocableReason(t));
  }

  /** Why {@code token} may not be revoked from a dashboard; null when it may. */
  private String notRevocableReason(RelayToken token) {
    if (token.source() == TokenSource.CONFIG) {
      return CONFIG_REASON;
    }
    if (token.isAdmin() && registry.adminCount() <= 1) {
      return LAST_ADMIN_REASON;
    }
    return null;
  }
}
