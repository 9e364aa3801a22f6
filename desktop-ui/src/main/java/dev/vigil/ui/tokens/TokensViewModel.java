package dev.vigil.ui.tokens;

import dev.vigil.protocol.Result;
import dev.vigil.protocol.TokenCreated;
import dev.vigil.protocol.TokenRevoke;
import dev.vigil.ui.connection.MessageSender;
import dev.vigil.ui.state.Changes;
import dev.vigil.ui.state.DashboardState;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The relay's tokens for an admin: the list (never a secret), creating one (whose secret is held
 * until the admin dismisses it, as the relay sends it only once), revoking one, and the tokens
 * revoked before (who, when). Other roles may do none of it; the page is not offered to them.
 */
public final class TokensViewModel {
  private final DashboardState state;
  private final MessageSender sender;
  private final ZoneId zone;
  private final ObservableList<TokenRow> rows = FXCollections.observableArrayList();
  private final ObservableList<RevokedRow> revokedRows = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper canManage = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper createProblem = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<NewToken> newToken = new ReadOnlyObjectWrapper<>();
  private final Map<String, String> pendingRevokes = new HashMap<>();
  private String pendingCreate;
  private String pendingCreateName;

  /**
   * @param state the store whose token list to show
   * @param sender sends creations and revocations to the relay
   * @param zone the time zone for creation times
   */
  public TokensViewModel(DashboardState state, MessageSender sender, ZoneId zone) {
    this.state = Objects.requireNonNull(state, "state");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.zone = Objects.requireNonNull(zone, "zone");
    state.addListener(this::stateChanged);
  }

  private void stateChanged(Changes changes) {
    boolean allowed = state.permissions().canManageTokens();
    boolean allowedChanged = allowed != canManage.get();
    canManage.set(allowed);
    for (TokenCreated created : changes.createdTokens()) {
      if (created.requestId().equals(pendingCreate)) {
        newToken.set(new NewToken(created.token(), created.secret()));
      }
    }
    for (Result result : changes.results()) {
      answered(result);
    }
    if (pendingCreate != null && changes.connectionChanged() && !state.connection().isLive()) {
      endCreate(
          "The link to the relay dropped before it answered: look for the token in the list"
              + " before creating it again");
    }
    if (changes.tokensChanged() || allowedChanged) {
      rows.setAll(state.tokens().stream().map(t -> TokenRow.of(t, zone)).toList());
      revokedRows.setAll(state.revokedTokens().stream().map(t -> RevokedRow.of(t, zone)).toList());
    }
  }

  private void answered(Result result) {
    if (result.requestId().equals(pendingCreate)) {
      String name = pendingCreateName;
      if (result.ok()) {
        endCreate("");
        feedback.set("Token '" + name + "' created");
      } else {
        endCreate(result.error());
        feedback.set("Creating token '" + name + "' failed: " + result.error());
      }
      return;
    }
    String revoked = pendingRevokes.remove(result.requestId());
    if (revoked != null) {
      feedback.set(
          result.ok()
              ? "Token '" + revoked + "' revoked"
              : "Revoking token '" + revoked + "' failed: " + result.error());
    }
  }

  private void endCreate(String problem) {
    pendingCreate = null;
    pendingCreateName = null;
    creating.set(false);
    createProblem.set(problem);
  }

  /**
   * Asks the relay for a new token; its secret arrives in {@link #newTokenProperty()}.
   *
   * @return why nothing was sent (the form, the role, the link), or empty when the request went
   */
  public Optional<String> create(TokenForm form) {
    if (!canManage.get()) {
      return Optional.of("Your role (" + state.permissions().role() + ") may not manage tokens");
    }
    if (pendingCreate != null) {
      return Optional.of("Wait for the relay to answer the token being created");
    }
    Optional<String> problem = form.problem();
    if (problem.isPresent()) {
      return problem;
    }
    String requestId = UUID.randomUUID().toString();
    if (!sender.send(form.request(requestId))) {
      return Optional.of("Not connected to the relay: token not created");
    }
    pendingCreate = requestId;
    pendingCreateName = form.name().strip();
    createProblem.set("");
    creating.set(true);
    feedback.set("Creating token '" + pendingCreateName + "'…");
    return Optional.empty();
  }

  /** Asks the relay to revoke a token; false when it may not be revoked or not connected. */
  public boolean revoke(TokenRow row) {
    if (!canManage.get()) {
      feedback.set("Your role (" + state.permissions().role() + ") may not manage tokens");
      return false;
    }
    if (!row.revocable()) {
      feedback.set("Token '" + row.name() + "' cannot be revoked: " + row.notRevocableReason());
      return false;
    }
    String requestId = UUID.randomUUID().toString();
    if (!sender.send(new TokenRevoke(requestId, row.id()))) {
      feedback.set("Not connected to the relay: token not revoked");
      return false;
    }
    pendingRevokes.put(requestId, row.name());
    feedback.set("Revoking token '" + row.name() + "'…");
    return true;
  }

  /** Forgets the new token's secret: it was shown, and is not shown again. */
  public void dismissNewToken() {
    newToken.set(null);
    createProblem.set("");
  }

  /** The relay's tokens, in the relay's order. */
  public ObservableList<TokenRow> rows() {
    return FXCollections.unmodifiableObservableList(rows);
  }

  /** The tokens admins revoked that the relay remembers, newest first. */
  public ObservableList<RevokedRow> revokedRows() {
    return FXCollections.unmodifiableObservableList(revokedRows);
  }

  /** True when the operator is an admin: the page is offered only then. */
  public ReadOnlyBooleanProperty canManageProperty() {
    return canManage.getReadOnlyProperty();
  }

  public boolean canManage() {
    return canManage.get();
  }

  /** True while a creation waits for the relay's answer. */
  public ReadOnlyBooleanProperty creatingProperty() {
    return creating.getReadOnlyProperty();
  }

  /** Why the relay refused the last creation; empty otherwise. */
  public ReadOnlyStringProperty createProblemProperty() {
    return createProblem.getReadOnlyProperty();
  }

  /** The token just created with its secret, until {@link #dismissNewToken()}; else null. */
  public ReadOnlyObjectProperty<NewToken> newTokenProperty() {
    return newToken.getReadOnlyProperty();
  }

  public NewToken getNewToken() {
    return newToken.get();
  }

  /** What became of the last request. */
  public ReadOnlyStringProperty feedbackProperty() {
    return feedback.getReadOnlyProperty();
  }

  public String getFeedback() {
    return feedback.get();
  }
}
