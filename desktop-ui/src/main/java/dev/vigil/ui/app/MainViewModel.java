package dev.vigil.ui.app;

import dev.vigil.ui.alerts.AlertNotifier;
import dev.vigil.ui.alerts.AlertsViewModel;
import dev.vigil.ui.connection.ConnectionBarViewModel;
import dev.vigil.ui.connection.MessageSender;
import dev.vigil.ui.events.EventTimelineViewModel;
import dev.vigil.ui.host.HostPageViewModel;
import dev.vigil.ui.hosts.HostGridViewModel;
import dev.vigil.ui.state.DashboardState;
import dev.vigil.ui.theme.Theme;
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
  private final EventTimelineViewModel events;
  private final ConnectionBarViewModel connectionBar;
  private Page listPage = Page.HOSTS;

  /**
   * @param state the store every page shows
   * @param sender sends requests (acknowledgements) to the relay
   * @param notifier told when an alert starts firing
   * @param clock the dashboard's clock
   * @param zone the time zone for times of day
   * @param reconnect called with a new relay URL and token when the operator changes them
   * @param initialTheme the theme to start with
   */
  public MainViewModel(
      DashboardState state,
      MessageSender sender,
      AlertNotifier notifier,
      Clock clock,
      ZoneId zone,
      BiConsumer<String, String> reconnect,
      Theme initialTheme) {
    Objects.requireNonNull(state, "state");
    this.theme = new ReadOnlyObjectWrapper<>(Objects.requireNonNull(initialTheme, "initialTheme"));
    this.hostGrid = new HostGridViewModel(state, clock, this::openHost);
    this.hostPage = new HostPageViewModel(state, clock, zone, this::back);
    this.alerts = new AlertsViewModel(state, sender, notifier, zone);
    this.events = new EventTimelineViewModel(state, zone);
    this.connectionBar = new ConnectionBarViewModel(state, clock, reconnect);
  }

  /** Shows a list page (hosts, alerts or events). */
  public void showPage(Page target) {
    if (target == Page.HOST) {
      throw new IllegalArgumentException("open a host page with openHost(hostId)");
    }
    listPage = target;
    page.set(target);
  }

  /** Shows one host's page. */
  public void openHost(String hostId) {
    hostPage.show(hostId);
    page.set(Page.HOST);
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

  public EventTimelineViewModel events() {
    return events;
  }

  public ConnectionBarViewModel connectionBar() {
    return connectionBar;
  }
}
