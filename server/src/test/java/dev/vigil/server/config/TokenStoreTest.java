package dev.vigil.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Tokens generated on first start when none are configured. */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class TokenStoreTest {
  @TempDir Path dataDir;

  @Test
  void tokensAreGeneratedOnceInAnOwnerOnlyFileAndReused() throws Exception {
    RelayConfig bare = RelayConfig.defaults().withDataDir(dataDir);

    RelayConfig first = TokenStore.ensureTokens(bare);
    RelayConfig second = TokenStore.ensureTokens(bare);

    Path file = dataDir.resolve(TokenStore.FILE_NAME);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(first.agentTokens()).hasSize(1);
    assertThat(first.operatorTokens()).containsValue(TokenStore.GENERATED_OPERATOR);
    assertThat(second.agentTokens()).isEqualTo(first.agentTokens());
    assertThat(second.operatorTokens()).isEqualTo(first.operatorTokens());
  }

  @Test
  void configuredTokensAreLeftAloneAndNothingIsWritten() throws Exception {
    RelayConfig configured =
        RelayConfig.defaults()
            .withDataDir(dataDir)
            .withAgentTokens(Set.of("a"))
            .withOperatorTokens(Map.of("o", "olga"));

    assertThat(TokenStore.ensureTokens(configured)).isEqualTo(configured);
    assertThat(dataDir.resolve(TokenStore.FILE_NAME)).doesNotExist();
  }
}
