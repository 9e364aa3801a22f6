package dev.vigil.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.TokenSource;
import dev.vigil.protocol.Welcome;
import dev.vigil.server.Relay;
import dev.vigil.ui.connection.ConnectionPhase;
import dev.vigil.ui.connection.ConnectionStatus;
import dev.vigil.ui.connection.RelayClient;
import dev.vigil.ui.connection.RelayEndpoint;
import dev.vigil.ui.connection.RelayEvent;
import dev.vigil.ui.support.RecordingListener;
import dev.vigil.ui.support.TestDashboards;
import dev.vigil.ui.support.TestRelays;
import dev.vigil.ui.theme.StyleClasses;
import dev.vigil.ui.tokens.RevokedRow;
import dev.vigil.ui.tokens.TokenRow;
import dev.vigil.ui.tokens.TokensView;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An admin's Tokens page on a real stage (headless through Monocle) against a real relay: creating
 * a token shows its secret once, and revoking one disconnects what uses it.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class TokensUiTest {
  private static final long WAIT_S = 15;

  /** Tooltip.install keeps a node's tooltip among its properties under this key. */
  private static final String TOOLTIP_KEY = "javafx.scene.control.Tooltip";

  @TempDir Path dataDir;
  private Relay relay;
  private Dashboard dashboard;
  private RelayClient tokenUser;

  @Start
  void start(Stage stage) throws Exception {
    relay = TestRelays.start(dataDir);
    dashboard =
        TestDashboards.show(
            stage, relay.port(), TestRelays.OPERATOR_TOKEN, "tester", "dashboard-tokens-test");
  }

  @AfterEach
  void stop(FxRobot robot) throws Exception {
    if (tokenUser != null) {
      tokenUser.close();
    }
    robot.interact(dashboard::close);
    relay.close();
  }

  @Test
  void anAdminCreatesATokenAndSeesItsSecretOnceWithACopyButton(FxRobot robot) throws Exception {
    openTokensPage(robot);
    TokenRow alice = row(robot, TestRelays.OPERATOR_NAME).orElseThrow();
    assertThat(alice.token().source()).isEqualTo(TokenSource.CONFIG);
    Button aliceRevoke = revokeButton(robot, alice.id());
    assertThat(aliceRevoke.isDisabled()).isTrue();
    Tooltip why = (Tooltip) aliceRevoke.getParent().getProperties().get(TOOLTIP_KEY);
    assertThat(why.getText()).isEqualTo(alice.notRevocableReason()).contains("configuration");

    String secret = createOperatorToken(robot, "ci viewer");

    assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(robot.lookup("." + StyleClasses.TOKEN_WARNING).queryAs(Label.class).getText())
        .contains("will not be shown again");
    robot.clickOn("Copy");
    waitFor(() -> robot.lookup("Copied").tryQuery().isPresent());
    AtomicReference<String> copied = new AtomicReference<>();
    robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
    assertThat(copied.get()).isEqualTo(secret);
    RecordingListener user = connectWith(secret);
    RelayEvent welcome =
        user.await(
            e -> e instanceof RelayEvent.Received r && r.message() instanceof Welcome,
            TimeUnit.SECONDS.toMillis(WAIT_S));
    assertThat(((Welcome) ((RelayEvent.Received) welcome).message()).role()).isEqualTo("viewer");

    robot.clickOn("Close");

    waitFor(() -> robot.lookup("." + StyleClasses.TOKEN_SECRET).tryQuery().isEmpty());
    assertThat(dashboard.viewModel().tokens().getNewToken()).as("the secret is forgotten").isNull();
    assertThat(robot.lookup(".text-field").queryAllAs(TextField.class))
        .noneMatch(f -> secret.equals(f.getText()));
    waitFor(() -> row(robot, "ci viewer").isPresent());
    TokenRow created = row(robot, "ci viewer").orElseThrow();
    assertThat(created.roleText()).isEqualTo("viewer");
    assertThat(created.sourceText()).isEqualTo("managed");
    assertThat(created.createdText()).endsWith("by " + TestRelays.OPERATOR_NAME);
    assertThat(revokeButton(robot, created.id()).isDisabled()).isFalse();
  }

  @Test
  void anAdminRevokesATokenAfterConfirmingAndWhatUsesItIsDisconnected(FxRobot robot)
      throws Exception {
    openTokensPage(robot);
    String secret = createOperatorToken(robot, "night shift");
    robot.clickOn("Close");
    RecordingListener user = connectWith(secret);
    user.awaitPhase(ConnectionPhase.CONNECTED, TimeUnit.SECONDS.toMillis(WAIT_S));
    waitFor(() -> row(robot, "night shift").isPresent());
    TokenRow nightShift = row(robot, "night shift").orElseThrow();

    robot.clickOn(revokeButton(robot, nightShift.id()));
    waitFor(() -> robot.lookup("Revoke").tryQuery().isPresent());
    robot.clickOn("Revoke");

    waitFor(() -> row(robot, "night shift").isEmpty());
    waitFor(() -> revokedRow(robot, "night shift").isPresent());
    assertThat(revokedRow(robot, "night shift").orElseThrow().revokedText()).endsWith("by alice");
    ConnectionStatus failed =
        user.awaitPhase(ConnectionPhase.FAILED, TimeUnit.SECONDS.toMillis(WAIT_S));
    assertThat(failed.detail())
        .isEqualTo("token rejected: token 'night shift' was revoked by alice");
    waitFor(
        () -> dashboard.viewModel().tokens().getFeedback().equals("Token 'night shift' revoked"));
    assertThat(dashboard.state().connection().isLive()).as("the admin stays connected").isTrue();
  }

  private void openTokensPage(FxRobot robot) throws Exception {
    waitFor(() -> tokensNav(robot).isVisible());
    robot.clickOn(tokensNav(robot));
    waitFor(() -> dashboard.viewModel().getPage() == Page.TOKENS);
    waitFor(() -> row(robot, TestRelays.OPERATOR_NAME).isPresent());
  }

  /** Creates an operator token with the viewer role through the dialog; returns its secret. */
  private String createOperatorToken(FxRobot robot, String name) throws Exception {
    robot.clickOn("Create token…");
    waitFor(() -> robot.lookup(".dialog-pane .text-field").tryQuery().isPresent());
    TextField nameField =
        robot.lookup(".dialog-pane .text-field").queryAllAs(TextField.class).stream()
            .filter(f -> !f.getStyleClass().contains(StyleClasses.TOKEN_SECRET))
            .findFirst()
            .orElseThrow();
    robot.clickOn(nameField).write(name);
    robot.clickOn("Create");
    waitFor(
        () ->
            robot
                .lookup("." + StyleClasses.TOKEN_SECRET)
                .tryQueryAs(TextField.class)
                .map(f -> f.isVisible() && !f.getText().isEmpty())
                .orElse(false));
    return robot.lookup("." + StyleClasses.TOKEN_SECRET).queryAs(TextField.class).getText();
  }

  private RecordingListener connectWith(String secret) throws Exception {
    RecordingListener listener = new RecordingListener();
    tokenUser =
        new RelayClient(
            new RelayEndpoint(
                URI.create("ws://localhost:" + relay.port()), secret, "token-user", "token-user"),
            listener,
            Clock.systemUTC());
    tokenUser.start();
    return listener;
  }

  private static ToggleButton tokensNav(FxRobot robot) {
    return robot.lookup("." + StyleClasses.NAV_BUTTON).queryAllAs(ToggleButton.class).stream()
        .filter(b -> b.getText().equals("Tokens"))
        .findFirst()
        .orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Optional<TokenRow> row(FxRobot robot, String name) {
    List<TokenRow> rows =
        List.copyOf(
            robot.lookup("." + StyleClasses.TOKENS_TABLE).queryAs(TableView.class).getItems());
    return rows.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  @SuppressWarnings("unchecked")
  private static Optional<RevokedRow> revokedRow(FxRobot robot, String name) {
    List<RevokedRow> rows =
        List.copyOf(
            robot
                .lookup("." + StyleClasses.REVOKED_TOKENS_TABLE)
                .queryAs(TableView.class)
                .getItems());
    return rows.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  private static Button revokeButton(FxRobot robot, String tokenId) {
    return robot.lookup("." + StyleClasses.TOKEN_REVOKE).queryAllAs(Button.class).stream()
        .filter(b -> tokenId.equals(b.getUserData()) && b.getText().equals(TokensView.REVOKE_TEXT))
        .findFirst()
        .orElseThrow();
  }

  private static void waitFor(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, condition);
  }
}
