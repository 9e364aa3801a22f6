package dev.vigil.ui.app;

import dev.vigil.ui.alerts.ActiveAlertsPanelViewModel;
import dev.vigil.ui.alerts.AlertAcknowledger;
import dev.vigil.ui.alerts.AlertNotifier;
import dev.vigil.ui.alerts.AlertsViewModel;
import dev.vigil.ui.connection.ConnectionBarViewModel;
import dev.vigil.ui.connection.MessageSender;
import dev.vigil.ui.events.EventTimelineViewModel;
import dev.vigil.ui.host.HostPageViewModel;
import dev.vigil.ui.hosts.HostGridViewModel;
import dev.vigil.ui.state.Changes;
import dev.vigil.ui.state.DashboardState;
import dev.vigil.ui.state.HostModel;
import dev.vigil.ui.state.OperatorPermissions;
import dev.vigil.ui.theme.Theme;
import dev.vigil.ui.tokens.TokensViewModel;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The main window: which page is shown, navigation between pages, the theme, short in-app messages
 * ("toasts"), and the view models of every page.
 */
public final class MainViewModel {
  private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(Page.HOSTS);
  private final ReadOnlyObjectWrapper<Theme> theme;
  private final ReadOnlyStringWrapper toast = new ReadOnlyStringWrapper("");
  private final HostGridViewModel hostGrid;
  private final HostPageViewModel hostPage;
  private final AlertsViewModel alerts;
  private final ActiveAlertsPanelViewModel activeAlerts;
  private final EventTimelineViewModel events;
  private final dev.vigil.ui.rules.RulesViewModel rules;
  private final TokensViewModel tokens;
  private final ConnectionBarViewModel connectionBar;
  private final DashboardState state;
  private Page listPage = Page.HOSTS;

  /** The tokens page was asked for before the role was known. */
  private boolean tokensPageAwaitsRole;

  private String pendingHostQuery;

  /**
   * @param state the store every page shows
   * @param sender sends requests (acknowledgements) to the relay
   * @param notifier told when an alert starts firing
   * @param clock the dashboard's clock
   * @param zone the time zone for times of day
   * @param reconnect called with a new relay URL and token when the operator changes them
   * @param initialTheme the theme to start with
   * @param alertPanelOpen whether the Hosts page's active-alerts panel starts open
   */
  public MainViewModel(
      DashboardState state,
      MessageSender sender,
      AlertNotifier notifier,
      Clock clock,
      ZoneId zone,
      BiConsumer<String, String> reconnect,
      Theme initialTheme,
      boolean alertPanelOpen) {
    this.state = Objects.requireNonNull(state, "state");
    this.theme = new ReadOnlyObjectWrapper<>(Objects.requireNonNull(initialTheme, "initialTheme"));
    this.hostGrid = new HostGridViewModel(state, clock, this::openHost);
    AlertAcknowledger acknowledger = new AlertAcknowledger(state, sender);
    this.hostPage = new HostPageViewModel(state, clock, zone, acknowledger, sender, this::back);
    this.alerts = new AlertsViewModel(state, acknowledger, notifier, zone);
    this.activeAlerts =
        new ActiveAlertsPanelViewModel(state, clock, zone, this::openHost, alertPanelOpen);
    this.events = new EventTimelineViewModel(state, zone);
    this.rules = new dev.vigil.ui.rules.RulesViewModel(state, sender);
    this.tokens = new TokensViewModel(state, sender, zone);
    this.connectionBar = new ConnectionBarViewModel(state, clock, reconnect);
    state.addListener(this::stateChanged);
  }

  /**
   * Shows a list page (hosts, alerts, events, rules, or tokens for admins: for other roles the
   * tokens page is not offered, and asking for it changes nothing). Asked for before the relay's
   * welcome said the role ({@code --page tokens} at start), the tokens page opens once it says
   * admin.
   */
  public void showPage(Page target) {
    if (target == Page.HOST) {
      throw new IllegalArgumentException("open a host page with openHost(hostId)");
    }
    if (target == Page.TOKENS && !state.permissions().canManageTokens()) {
      tokensPageAwaitsRole = state.permissions().equals(OperatorPermissions.UNKNOWN);
      return;
    }
    tokensPageAwaitsRole = false;
    listPage = target;
    page.set(target);
  }

  /** Shows one host's page. */
  public void openHost(String hostId) {
    pendingHostQuery = null;
    tokensPageAwaitsRole = false;
    hostPage.show(hostId);
    page.set(Page.HOST);
  }

  /**
   * Shows the page of a host given by id or by name (the first host of that name when no id
   * matches). Before the relay's snapshot arrived nobody knows, so the page waits for it.
   */
  public void openHostByIdOrName(String idOrName) {
    Objects.requireNonNull(idOrName, "idOrName");
    if (state.hasSnapshot()) {
      pendingHostQuery = null;
      openHost(state.findHost(idOrName).map(HostModel::hostId).orElse(idOrName));
    } else {
      openHost(idOrName);
      pendingHostQuery = idOrName;
    }
  }

  private void stateChanged(Changes changes) {
    if (tokensPageAwaitsRole && !state.permissions().equals(OperatorPermissions.UNKNOWN)) {
      tokensPageAwaitsRole = false;
      showPage(Page.TOKENS);
    }
    if (page.get() == Page.TOKENS && !state.permissions().canManageTokens()) {
      showPage(Page.HOSTS); // connected anew with a token that is not an admin's
    }
    String query = pendingHostQuery;
    if (query == null || !state.hasSnapshot()) {
      return;
    }
    pendingHostQuery = null;
    if (page.get() == Page.HOST && query.equals(hostPage.getHostId())) {
      openHostByIdOrName(query);
    }
  }

  /** Leaves a host page for the list it was opened from; elsewhere goes to the host grid. */
  public void back() {
    page.set(page.get() == Page.HOST ? listPage : Page.HOSTS);
    if (page.get() != Page.HOST) {
      listPage = page.get();
    }
  }

  /** Switches between light and dark. */
  public void toggleTheme() {
    theme.set(theme.get().toggled());
  }

  /** Shows a short message over the page. */
  public void showToast(String text) {
    toast.set("");
    toast.set(text);
  }

  /** Refreshes everything that shows elapsed time; called once a second. */
  public void tick() {
    connectionBar.refresh();
    hostGrid.tick();
    activeAlerts.tick();
    if (page.get() == Page.HOST) {
      hostPage.tick();
    }
  }

  public ReadOnlyObjectProperty<Page> pageProperty() {
    return page.getReadOnlyProperty();
  }

  public Page getPage() {
    return page.get();
  }

  public ReadOnlyObjectProperty<Theme> themeProperty() {
    return theme.getReadOnlyProperty();
  }

  public Theme getTheme() {
    return theme.get();
  }

  /** The latest in-app message; set again to show it again. */
  public ReadOnlyStringProperty toastProperty() {
    return toast.getReadOnlyProperty();
  }

  public HostGridViewModel hostGrid() {
    return hostGrid;
  }

  public HostPageViewModel hostPage() {
    return hostPage;
  }

  public AlertsViewModel alerts() {
    return alerts;
  }

  /** The Hosts page's active-alerts panel. */
  public ActiveAlertsPanelViewModel activeAlerts() {
    return activeAlerts;
  }

  public EventTimelineViewModel events() {
    return events;
  }

  /** The alert rules page. */
  public dev.vigil.ui.rules.RulesViewModel rules() {
    return rules;
  }

  /** The tokens page (admins only). */
  public TokensViewModel tokens() {
    return tokens;
  }

  public ConnectionBarViewModel connectionBar() {
    return connectionBar;
  }
}
