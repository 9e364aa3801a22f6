package dev.vigil.ui.tokens;

import static dev.vigil.ui.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.Message;
import dev.vigil.protocol.Result;
import dev.vigil.protocol.RevokedTokenInfo;
import dev.vigil.protocol.TokenCreate;
import dev.vigil.protocol.TokenCreated;
import dev.vigil.protocol.TokenInfo;
import dev.vigil.protocol.TokenKind;
import dev.vigil.protocol.TokenList;
import dev.vigil.protocol.TokenRevoke;
import dev.vigil.protocol.TokenSource;
import dev.vigil.protocol.Welcome;
import dev.vigil.ui.Fixtures;
import dev.vigil.ui.MutableClock;
import dev.vigil.ui.connection.ConnectionStatus;
import dev.vigil.ui.connection.RelayEvent;
import dev.vigil.ui.format.Formats;
import dev.vigil.ui.state.DashboardState;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The relay link is a list recording what would be sent; the real relay is in the UI test. */
@Timeout(10)
class TokensViewModelTest {
  private static final String CONFIG_REASON = "it is set in the relay's configuration";

  private final DashboardState state = new DashboardState(new MutableClock(T0));
  private final List<Message> sent = new ArrayList<>();
  private boolean connected = true;
  private final TokensViewModel tokens =
      new TokensViewModel(state, m -> connected && sent.add(m), ZoneId.of("UTC"));

  private static TokenInfo config(String name, String role) {
    return new TokenInfo(
        "id-" + name,
        TokenKind.OPERATOR,
        name,
        role,
        TokenSource.CONFIG,
        null,
        null,
        CONFIG_REASON);
  }

  private static TokenInfo managed(String name) {
    return new TokenInfo(
        "id-" + name, TokenKind.AGENT, name, null, TokenSource.MANAGED, T0, "ada", null);
  }

  private void role(String role) {
    Fixtures.apply(state, Welcome.forDashboard("r1", "s1", 5_000, T0, "1.0", "e1", false, role));
  }

  private TokenCreate createAsAdmin(TokenForm form) {
    role("admin");
    assertThat(tokens.create(form)).isEmpty();
    return (TokenCreate) sent.get(sent.size() - 1);
  }

  @Test
  void anAdminSeesTheRelaysTokensWithKindRoleSourceAndCreation() {
    role("admin");

    Fixtures.apply(state, new TokenList(List.of(config("root", "admin"), managed("ci"))));

    assertThat(tokens.canManage()).isTrue();
    assertThat(tokens.rows()).extracting(TokenRow::name).containsExactly("root", "ci");
    TokenRow root = tokens.rows().get(0);
    assertThat(root.kindText()).isEqualTo("operator");
    assertThat(root.roleText()).isEqualTo("admin");
    assertThat(root.sourceText()).isEqualTo("config");
    assertThat(root.createdText()).isEqualTo(TokenRow.NONE);
    assertThat(root.revocable()).isFalse();
    assertThat(root.notRevocableReason()).isEqualTo(CONFIG_REASON);
    TokenRow ci = tokens.rows().get(1);
    assertThat(ci.roleText()).isEqualTo(TokenRow.NONE);
    assertThat(ci.sourceText()).isEqualTo("managed");
    assertThat(ci.createdText()).endsWith(" by ada");
    assertThat(ci.revocable()).isTrue();
  }

  @Test
  void aViewerMayNotManageTokensAndNothingIsSent() {
    role("viewer");

    assertThat(tokens.canManage()).isFalse();
    assertThat(tokens.create(new TokenForm(TokenKind.AGENT, "x", null)))
        .contains("Your role (viewer) may not manage tokens");
    assertThat(tokens.revoke(TokenRow.of(managed("ci"), ZoneId.of("UTC")))).isFalse();
    assertThat(sent).isEmpty();
  }

  @Test
  void aRelayThatNamesNoRoleOffersNoTokenManagement() {
    role(null);

    assertThat(tokens.canManage()).isFalse();
  }

  @Test
  void theCreatedSecretIsHeldUntilDismissedAndThenForgotten() {
    TokenCreate request = createAsAdmin(new TokenForm(TokenKind.OPERATOR, " vera ", "viewer"));

    assertThat(request.kind()).isEqualTo("operator");
    assertThat(request.name()).isEqualTo("vera");
    assertThat(request.role()).isEqualTo("viewer");
    assertThat(tokens.creatingProperty().get()).isTrue();
    Fixtures.apply(
        state,
        new TokenCreated(request.requestId(), managed("vera"), "s3cr3t"),
        Result.success(request.requestId()));

    assertThat(tokens.getNewToken().secret()).isEqualTo("s3cr3t");
    assertThat(tokens.getNewToken().toString()).doesNotContain("s3cr3t");
    assertThat(tokens.creatingProperty().get()).isFalse();
    assertThat(tokens.getFeedback()).isEqualTo("Token 'vera' created");
    tokens.dismissNewToken();
    assertThat(tokens.getNewToken()).isNull();
  }

  @Test
  void anAgentFormSendsNoRoleEvenIfOneWasChosen() {
    TokenCreate request = createAsAdmin(new TokenForm(TokenKind.AGENT, "rack 7", "admin"));

    assertThat(request.kind()).isEqualTo("agent");
    assertThat(request.role()).isNull();
  }

  @Test
  void aSecretAnsweringAnotherRequestIsNotShown() {
    createAsAdmin(new TokenForm(TokenKind.AGENT, "mine", null));

    Fixtures.apply(state, new TokenCreated("someone-else", managed("theirs"), "not-mine"));

    assertThat(tokens.getNewToken()).isNull();
  }

  @Test
  void aRefusedCreationShowsTheRelaysReason() {
    TokenCreate request = createAsAdmin(new TokenForm(TokenKind.AGENT, "x", null));

    Fixtures.apply(state, Result.failure(request.requestId(), "there are already 1000 tokens"));

    assertThat(tokens.createProblemProperty().get()).isEqualTo("there are already 1000 tokens");
    assertThat(tokens.creatingProperty().get()).isFalse();
    assertThat(tokens.getNewToken()).isNull();
  }

  @Test
  void formProblemsAreSaidBeforeAnythingIsSent() {
    role("admin");

    assertThat(tokens.create(new TokenForm(TokenKind.AGENT, "  ", null)))
        .contains("Give the token a name");
    assertThat(tokens.create(new TokenForm(TokenKind.AGENT, "n".repeat(65), null)))
        .contains("The name is 65 characters; at most 64");
    assertThat(tokens.create(new TokenForm(TokenKind.OPERATOR, "vera", null)))
        .contains("Choose the operator's role");
    assertThat(sent).isEmpty();
  }

  @Test
  void aLinkThatDropsWhileCreatingEndsTheWaitWithAReason() {
    createAsAdmin(new TokenForm(TokenKind.AGENT, "x", null));

    state.apply(
        List.of(new RelayEvent.StatusChanged(ConnectionStatus.reconnecting("lost", T0 + 1_000))));

    assertThat(tokens.creatingProperty().get()).isFalse();
    assertThat(tokens.createProblemProperty().get()).startsWith("The link to the relay dropped");
  }

  @Test
  void createWhileNotConnectedSaysSo() {
    role("admin");
    connected = false;

    assertThat(tokens.create(new TokenForm(TokenKind.AGENT, "x", null)))
        .contains("Not connected to the relay: token not created");
    assertThat(tokens.creatingProperty().get()).isFalse();
  }

  @Test
  void revokedTokensAreListedNewestFirstWithWhoRevokedThemAndWhen() {
    role("admin");
    Fixtures.apply(
        state,
        new TokenList(
            List.of(managed("ci")),
            List.of(
                new RevokedTokenInfo("id-intern", TokenKind.OPERATOR, "intern", T0 + 60_000, "ada"),
                new RevokedTokenInfo("id-lab", TokenKind.AGENT, "old lab", T0, "bob"))));

    assertThat(tokens.revokedRows())
        .containsExactly(
            new RevokedRow(
                "intern", "operator", Formats.dateClock(T0 + 60_000, ZoneId.of("UTC")) + " by ada"),
            new RevokedRow(
                "old lab", "agent", Formats.dateClock(T0, ZoneId.of("UTC")) + " by bob"));
    assertThat(tokens.rows()).extracting(TokenRow::name).containsExactly("ci");
  }

  @Test
  void revokeSendsTheTokensIdAndShowsTheAnswer() {
    role("admin");
    Fixtures.apply(state, new TokenList(List.of(managed("ci"))));

    assertThat(tokens.revoke(tokens.rows().get(0))).isTrue();

    TokenRevoke revoke = (TokenRevoke) sent.get(0);
    assertThat(revoke.tokenId()).isEqualTo("id-ci");
    Fixtures.apply(state, Result.success(revoke.requestId()), new TokenList(List.of()));
    assertThat(tokens.getFeedback()).isEqualTo("Token 'ci' revoked");
    assertThat(tokens.rows()).isEmpty();
  }

  @Test
  void aConfigTokenIsNotSentForRevocation() {
    role("admin");
    Fixtures.apply(state, new TokenList(List.of(config("root", "admin"))));

    assertThat(tokens.revoke(tokens.rows().get(0))).isFalse();

    assertThat(sent).isEmpty();
    assertThat(tokens.getFeedback()).isEqualTo("Token 'root' cannot be revoked: " + CONFIG_REASON);
  }

  @Test
  void aWelcomeWithAnotherRoleDropsTheListItMayNotSee() {
    role("admin");
    Fixtures.apply(state, new TokenList(List.of(managed("ci"))));

    role("operator");

    assertThat(state.tokens()).isEmpty();
    assertThat(tokens.rows()).isEmpty();
    assertThat(tokens.canManage()).isFalse();
  }
}
