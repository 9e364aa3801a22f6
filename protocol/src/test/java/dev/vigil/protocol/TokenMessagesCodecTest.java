package dev.vigil.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The token management messages on the wire: names, optional fields, what the codec refuses. */
@Timeout(10)
class TokenMessagesCodecTest {
  private final MessageCodec codec = MessageCodec.forInbound();

  private Message decoded(String json) {
    DecodeResult result = codec.decode(json);
    assertThat(result).as(json).isInstanceOf(DecodeResult.Decoded.class);
    return ((DecodeResult.Decoded) result).envelope().body();
  }

  private DecodeResult.Failed failed(String json) {
    DecodeResult result = codec.decode(json);
    assertThat(result).as(json).isInstanceOf(DecodeResult.Failed.class);
    return (DecodeResult.Failed) result;
  }

  @Test
  void tokenCreateOfAnOperatorCarriesKindNameAndRole() {
    Message m =
        decoded(
            "{\"v\":1,\"type\":\"token.create\",\"body\":{\"requestId\":\"r-1\",\"kind\":\"operator\","
                + "\"name\":\"vera\",\"role\":\"viewer\"}}");

    assertThat(m).isEqualTo(new TokenCreate("r-1", "operator", "vera", "viewer"));
  }

  @Test
  void tokenCreateOfAnAgentMayLeaveTheRoleOut() {
    Message m =
        decoded(
            "{\"v\":1,\"type\":\"token.create\",\"body\":{\"requestId\":\"r-2\",\"kind\":\"agent\","
                + "\"name\":\"rack-7\"}}");

    assertThat(((TokenCreate) m).role()).isNull();
  }

  @Test
  void tokenCreateWithAKindTheCodecDoesNotKnowStillDecodesForTheRelayToRefuseWithAReason() {
    Message m =
        decoded(
            "{\"v\":1,\"type\":\"token.create\",\"body\":{\"requestId\":\"r-3\",\"kind\":\"robot\","
                + "\"name\":\"x\",\"role\":\"root\"}}");

    assertThat(((TokenCreate) m).kind()).isEqualTo("robot");
    assertThat(((TokenCreate) m).role()).isEqualTo("root");
  }

  @Test
  void tokenCreateWithoutANameIsAMissingField() {
    DecodeResult.Failed f =
        failed(
            "{\"v\":1,\"type\":\"token.create\",\"body\":{\"requestId\":\"r-4\",\"kind\":\"agent\"}}");

    assertThat(f.error()).isEqualTo(DecodeError.MISSING_FIELD);
    assertThat(f.detail()).isEqualTo("missing required field 'token.create.name'");
  }

  @Test
  void tokenRevokeWithANumberForTheIdIsAnInvalidField() {
    DecodeResult.Failed f =
        failed(
            "{\"v\":1,\"type\":\"token.revoke\",\"body\":{\"requestId\":\"r-5\",\"tokenId\":42}}");

    assertThat(f.error()).isEqualTo(DecodeError.INVALID_FIELD);
    assertThat(f.detail()).contains("token.revoke.tokenId");
  }

  @Test
  void tokenListTravelsKindAndSourceUnderTheirWireNamesAndLeavesAbsentFieldsOut() {
    TokenInfo agent =
        new TokenInfo(
            "3a7bd3e2360a", TokenKind.AGENT, "ci", null, TokenSource.MANAGED, 5L, "ada", null);

    String json = codec.encode(new TokenList(java.util.List.of(agent)));

    assertThat(json)
        .isEqualTo(
            "{\"v\":1,\"type\":\"tokens\",\"body\":{\"tokens\":[{\"id\":\"3a7bd3e2360a\","
                + "\"kind\":\"agent\",\"name\":\"ci\",\"source\":\"managed\",\"createdAtMs\":5,"
                + "\"createdBy\":\"ada\"}],\"revoked\":[]}}");
    assertThat(agent.isRevocable()).isTrue();
  }

  @Test
  void tokenListWithAnUnknownSourceIsAnInvalidField() {
    DecodeResult.Failed f =
        failed(
            "{\"v\":1,\"type\":\"tokens\",\"body\":{\"tokens\":[{\"id\":\"x\",\"kind\":\"agent\","
                + "\"name\":\"n\",\"source\":\"ldap\"}]}}");

    assertThat(f.error()).isEqualTo(DecodeError.INVALID_FIELD);
    assertThat(f.detail()).isEqualTo("unknown value 'ldap' for field 'tokens.tokens[0].source'");
  }

  @Test
  void aCreatedTokensSecretNeverShowsInItsTextForLogs() {
    TokenInfo info =
        new TokenInfo("id", TokenKind.AGENT, "ci", null, TokenSource.MANAGED, 5L, "ada", null);

    assertThat(new TokenCreated("r-6", info, "the-secret").toString())
        .doesNotContain("the-secret")
        .contains("r-6");
  }

  @Test
  void tokenKindsAreFoundByTheirWireNames() {
    assertThat(TokenKind.byWireName("operator")).isEqualTo(TokenKind.OPERATOR);
    assertThat(TokenKind.byWireName("agent")).isEqualTo(TokenKind.AGENT);
    assertThat(TokenKind.byWireName("AGENT")).isNull();
  }
}
