package dev.vigil.server.token;

import dev.vigil.protocol.RevokedTokenInfo;
import dev.vigil.protocol.TokenKind;
import dev.vigil.protocol.TokenSource;
import dev.vigil.server.link.Credential;
import dev.vigil.server.link.OperatorRole;
import dev.vigil.server.link.TokenDirectory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every token the relay accepts: those of its configuration, and those admins created. Looked up by
 * the SHA-256 of the presented secret. Readers on any thread see one consistent set (an immutable
 * copy, replaced whole on each change); changes come from one thread at a time.
 */
public final class TokenRegistry implements TokenDirectory {
  /** Listing order: operator tokens first, then agents; each by name, then id. */
  static final Comparator<RelayToken> LISTING =
      Comparator.comparing(RelayToken::kind)
          .thenComparing(RelayToken::name)
          .thenComparing(RelayToken::id);

  /** Revoked tokens remembered at most; past that the oldest revocation is forgotten. */
  public static final int MAX_REVOKED = 1_000;

  /**
   * One immutable state: tokens by kind and hash, and in listing order; revoked tokens by hash, and
   * oldest first.
   */
  private record Entries(
      Map<TokenKind, Map<String, RelayToken>> byHash,
      List<RelayToken> listed,
      Map<String, RevokedToken> revokedByHash,
      List<RevokedToken> revoked) {
    static Entries of(List<RelayToken> tokens, List<RevokedToken> revoked) {
      Map<TokenKind, Map<String, RelayToken>> byHash = new HashMap<>();
      for (TokenKind kind : TokenKind.values()) {
        byHash.put(kind, new HashMap<>());
      }
      for (RelayToken t : tokens) {
        byHash.get(t.kind()).putIfAbsent(t.sha256(), t);
      }
      List<RelayToken> listed = new ArrayList<>(tokens);
      listed.sort(LISTING);
      Map<TokenKind, Map<String, RelayToken>> frozen = new HashMap<>();
      byHash.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
      List<RevokedToken> kept =
          revoked.subList(Math.max(0, revoked.size() - MAX_REVOKED), revoked.size());
      Map<String, RevokedToken> revokedByHash = new HashMap<>();
      for (RevokedToken r : kept) {
        revokedByHash.put(r.sha256(), r);
      }
      return new Entries(
          Map.copyOf(frozen), List.copyOf(listed), Map.copyOf(revokedByHash), List.copyOf(kept));
    }

    Entries withTokens(List<RelayToken> tokens) {
      return of(tokens, revoked);
    }
  }

  private volatile Entries entries;

  private TokenRegistry(List<RelayToken> tokens) {
    this.entries = Entries.of(tokens, List.of());
  }

  /**
   * The tokens of a relay's configuration.
   *
   * @param agentSecrets agent tokens
   * @param operatorNames operator token to operator name
   * @param operatorRoles operator token to role; a token not listed has {@link
   *     OperatorRole#PLAIN_TOKEN_ROLE}
   */
  public static TokenRegistry of(
      Set<String> agentSecrets,
      Map<String, String> operatorNames,
      Map<String, OperatorRole> operatorRoles) {
    List<RelayToken> tokens = new ArrayList<>();
    for (String secret : agentSecrets) {
      tokens.add(
          RelayToken.configured(TokenKind.AGENT, secret, RelayToken.CONFIG_AGENT_NAME, null));
    }
    operatorNames.forEach(
        (secret, name) ->
            tokens.add(
                RelayToken.configured(
                    TokenKind.OPERATOR,
                    secret,
                    name,
                    operatorRoles.getOrDefault(secret, OperatorRole.PLAIN_TOKEN_ROLE))));
    return new TokenRegistry(tokens);
  }

  @Override
  public Optional<Credential> find(TokenKind kind, String secret) {
    if (secret == null || kind == null) {
      return Optional.empty();
    }
    RelayToken token = entries.byHash().get(kind).get(TokenSecrets.sha256(secret));
    return token == null ? Optional.empty() : Optional.of(token.credential());
  }

  @Override
  public Optional<RevokedTokenInfo> revoked(String secret) {
    if (secret == null) {
      return Optional.empty();
    }
    RevokedToken r = entries.revokedByHash().get(TokenSecrets.sha256(secret));
    return r == null ? Optional.empty() : Optional.of(r.info());
  }

  /** The revoked tokens remembered, oldest first. */
  public List<RevokedToken> revokedTokens() {
    return entries.revoked();
  }

  /** Every token, in listing order. */
  public List<RelayToken> tokens() {
    return entries.listed();
  }

  /** The token with this id (the first listed, should two kinds share a config secret). */
  public Optional<RelayToken> byId(String id) {
    return entries.listed().stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /** The tokens admins created, in listing order. */
  public List<RelayToken> managed() {
    return entries.listed().stream().filter(t -> t.source() == TokenSource.MANAGED).toList();
  }

  /** How many operator tokens have the admin role. */
  public long adminCount() {
    return entries.listed().stream().filter(RelayToken::isAdmin).count();
  }

  /** Adds a token; its id must be new. */
  synchronized void add(RelayToken token) {
    if (byId(token.id()).isPresent()) {
      throw new IllegalArgumentException("a token with id " + token.id() + " exists");
    }
    List<RelayToken> next = new ArrayList<>(entries.listed());
    next.add(token);
    entries = entries.withTokens(next);
  }

  /**
   * Removes the managed token with this id and remembers its revocation, by {@code by} at {@code
   * atMs}; empty when there was no such token.
   */
  synchronized Optional<RevokedToken> revoke(String id, String by, long atMs) {
    RelayToken token =
        entries.listed().stream()
            .filter(t -> t.id().equals(id) && t.source() == TokenSource.MANAGED)
            .findFirst()
            .orElse(null);
    if (token == null) {
      return Optional.empty();
    }
    List<RelayToken> next = new ArrayList<>(entries.listed());
    next.remove(token);
    RevokedToken revoked = RevokedToken.of(token, by, atMs);
    List<RevokedToken> revokedNext = new ArrayList<>(entries.revoked());
    revokedNext.add(revoked);
    entries = Entries.of(next, revokedNext);
    return Optional.of(revoked);
  }

  /** Remembers revocations read back from disk, oldest first, before any made since. */
  synchronized void rememberRevoked(List<RevokedToken> earlier) {
    List<RevokedToken> revokedNext = new ArrayList<>(earlier);
    revokedNext.addAll(entries.revoked());
    entries = Entries.of(entries.listed(), revokedNext);
  }
}
