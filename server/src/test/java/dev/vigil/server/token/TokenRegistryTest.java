package dev.vigil.server.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.TokenCreate;
import dev.vigil.protocol.TokenKind;
import dev.vigil.protocol.TokenSource;
import dev.vigil.server.link.Credential;
import dev.vigil.server.link.OperatorRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The registry and the admin's operations without sockets: lookups, listing, the kept file. */
@Timeout(10)
class TokenRegistryTest {
  @TempDir Path dataDir;

  private final TokenRegistry config =
      TokenRegistry.of(
          Set.of("agent-s"),
          Map.of("root-s", "root", "vera-s", "vera"),
          Map.of("vera-s", OperatorRole.VIEWER));

  @Test
  void aConfigTokenIsFoundByItsSecretForItsOwnKindOnly() {
    Credential root = config.find(TokenKind.OPERATOR, "root-s").orElseThrow();

    assertThat(root.name()).isEqualTo("root");
    assertThat(root.role()).isEqualTo(OperatorRole.PLAIN_TOKEN_ROLE);
    assertThat(root.tokenId()).isEqualTo(TokenSecrets.sha256("root-s").substring(0, 12));
    assertThat(config.find(TokenKind.AGENT, "root-s")).isEmpty();
    assertThat(config.find(TokenKind.AGENT, "agent-s")).isPresent();
    assertThat(config.find(TokenKind.OPERATOR, null)).isEmpty();
    assertThat(config.find(TokenKind.OPERATOR, "nope")).isEmpty();
  }

  @Test
  void tokensAreListedOperatorsFirstByNameAndWithoutTheirSecrets() {
    assertThat(config.tokens())
        .extracting(RelayToken::name)
        .containsExactly("root", "vera", RelayToken.CONFIG_AGENT_NAME);
    assertThat(config.tokens().toString()).doesNotContain("root-s", "vera-s", "agent-s");
    assertThat(config.adminCount()).isEqualTo(1);
  }

  @Test
  void aConfigTokenCannotBeRemoved() {
    String rootId = config.find(TokenKind.OPERATOR, "root-s").orElseThrow().tokenId();

    assertThat(config.revoke(rootId, "root", 0)).isEmpty();

    assertThat(config.find(TokenKind.OPERATOR, "root-s")).isPresent();
  }

  @Test
  void aCreatedTokenIsFoundAtOnceAndGoneOnceRevoked() throws Exception {
    TokenAdmin admin = TokenAdmin.open(config, dataDir);

    TokenAdmin.Outcome.Created created =
        (TokenAdmin.Outcome.Created)
            admin.create(new TokenCreate("r", "agent", "rack 7", null), "root", 42L);

    assertThat(created.toString()).doesNotContain(created.secret());
    Credential found = config.find(TokenKind.AGENT, created.secret()).orElseThrow();
    assertThat(found.tokenId()).isEqualTo(created.token().id());
    assertThat(created.token().createdAtMs()).isEqualTo(42L);
    assertThat(admin.revoke(created.token().id(), "root", 0))
        .isInstanceOf(TokenAdmin.Outcome.Revoked.class);
    assertThat(config.find(TokenKind.AGENT, created.secret())).isEmpty();
    admin.close();
  }

  @Test
  void aKeptTokenWhoseSecretTheConfigurationNowHoldsIsIgnored() throws Exception {
    TokenAdmin first = TokenAdmin.open(TokenRegistry.of(Set.of(), Map.of(), Map.of()), dataDir);
    String secret =
        ((TokenAdmin.Outcome.Created)
                first.create(new TokenCreate("r", "operator", "ada", "admin"), "root", 1L))
            .secret();
    first.close();

    TokenRegistry next = TokenRegistry.of(Set.of(), Map.of(secret, "ada in config"), Map.of());
    TokenAdmin.open(next, dataDir).close();

    assertThat(next.managed()).isEmpty();
    assertThat(next.tokens())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.source()).isEqualTo(TokenSource.CONFIG);
              assertThat(t.name()).isEqualTo("ada in config");
            });
  }

  @Test
  void aKeptEntryThatIsNotATokenIsSkippedAndTheOthersKept() throws Exception {
    String hash = TokenSecrets.sha256("kept-s");
    Files.writeString(
        dataDir.resolve(TokenAdmin.FILE_NAME),
        "{\"tokens\":[{\"kind\":\"agent\",\"name\":\"no hash\",\"createdBy\":\"x\"},"
            + "{\"kind\":\"operator\",\"name\":\"no role\",\"sha256\":\""
            + TokenSecrets.sha256("other-s")
            + "\",\"createdBy\":\"x\"},"
            + "{\"kind\":\"agent\",\"name\":\"kept\",\"sha256\":\""
            + hash
            + "\",\"createdAtMs\":5,\"createdBy\":\"x\"}]}");
    TokenRegistry registry = TokenRegistry.of(Set.of(), Map.of(), Map.of());

    TokenAdmin.open(registry, dataDir).close();

    assertThat(registry.managed()).extracting(RelayToken::name).containsExactly("kept");
    assertThat(registry.find(TokenKind.AGENT, "kept-s")).isPresent();
  }

  @Test
  void aKeptRevocationThatIsNotWholeIsSkippedAndTheRestKept() throws Exception {
    String kept = TokenSecrets.sha256("kept-s");
    String revoked = TokenSecrets.sha256("revoked-s");
    Files.writeString(
        dataDir.resolve(TokenAdmin.FILE_NAME),
        "{\"tokens\":[{\"kind\":\"agent\",\"name\":\"kept\",\"sha256\":\""
            + kept
            + "\",\"createdAtMs\":5,\"createdBy\":\"x\"}],"
            + "\"revoked\":[{\"kind\":\"agent\",\"name\":\"no admin\",\"sha256\":\""
            + TokenSecrets.sha256("other-s")
            + "\",\"revokedAtMs\":6},"
            + "{\"kind\":\"agent\",\"name\":\"short hash\",\"sha256\":\"abc\","
            + "\"revokedAtMs\":7,\"revokedBy\":\"ada\"},"
            + "{\"kind\":\"operator\",\"name\":\"old laptop\",\"sha256\":\""
            + revoked
            + "\",\"revokedAtMs\":8,\"revokedBy\":\"ada\"}]}");
    TokenRegistry registry = TokenRegistry.of(Set.of(), Map.of(), Map.of());

    TokenAdmin.open(registry, dataDir).close();

    assertThat(registry.revokedTokens())
        .extracting(RevokedToken::name)
        .containsExactly("old laptop");
    assertThat(registry.revoked("revoked-s")).map(r -> r.revokedBy()).contains("ada");
    assertThat(registry.revoked("other-s")).isEmpty();
    assertThat(registry.find(TokenKind.AGENT, "kept-s"))
        .as("the managed token still loads")
        .isPresent();
  }

  @Test
  void revocationsBeyondTheMostRememberedForgetTheOldest() {
    TokenRegistry registry = TokenRegistry.of(Set.of(), Map.of(), Map.of());
    for (int i = 0; i <= TokenRegistry.MAX_REVOKED; i++) {
      String hash = TokenSecrets.sha256("secret-" + i);
      String id = TokenSecrets.idOfHash(hash);
      registry.add(
          new RelayToken(
              id, TokenKind.AGENT, "t" + i, null, TokenSource.MANAGED, hash, 0L, "root"));
      assertThat(registry.revoke(id, "root", i)).isPresent();
    }

    assertThat(registry.revokedTokens()).hasSize(TokenRegistry.MAX_REVOKED);
    assertThat(registry.revoked("secret-0")).as("the oldest, forgotten").isEmpty();
    assertThat(registry.revoked("secret-1")).map(r -> r.name()).contains("t1");
    assertThat(registry.revoked("secret-" + TokenRegistry.MAX_REVOKED)).isPresent();
  }
}
