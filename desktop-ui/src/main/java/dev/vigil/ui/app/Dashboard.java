package dev.vigil.ui.app;

import dev.vigil.ui.alerts.AlertSound;
import dev.vigil.ui.alerts.DesktopAlertNotifier;
import dev.vigil.ui.alerts.NoticePopupStack;
import dev.vigil.ui.alerts.NotificationPolicy;
import dev.vigil.ui.alerts.ToneAlertSound;
import dev.vigil.ui.connection.InboundPump;
import dev.vigil.ui.connection.RelayClient;
import dev.vigil.ui.connection.RelayEndpoint;
import dev.vigil.ui.state.DashboardState;
import dev.vigil.ui.theme.Theme;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.BiConsumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Wires one dashboard: the relay client feeding the store through the pump, the view models and the
 * main view, and the once-a-second clock tick. Create and use on the UI thread.
 */
public final class Dashboard implements AutoCloseable {
  /** How often elapsed-time texts and the chart window move, in milliseconds. */
  public static final long TICK_MS = 1_000;

  private final Clock clock;
  private final String instanceId;
  private final String operatorName;
  private final DashboardState state;
  private final InboundPump pump;
  private final MainViewModel viewModel;
  private final MainView view;
  private final Timeline ticker;
  private final NoticePopupStack popups;
  private final LinkOptions link;
  private BiConsumer<String, String> relayChangeListener = (url, token) -> {};
  private volatile RelayClient client;

  /**
   * @param settings where to connect and how to look
   * @param clock the dashboard's clock
   * @param zone the time zone for times of day
   * @param operatorName sent in the hello as this dashboard's name
   */
  public Dashboard(Settings settings, Clock clock, ZoneId zone, String operatorName) {
    this(settings, clock, zone, operatorName, LinkOptions.DIAL);
  }

  /** As above, with the relay's HTTP address or listen mode given at launch. */
  public Dashboard(
      Settings settings, Clock clock, ZoneId zone, String operatorName, LinkOptions link) {
    this.link = Objects.requireNonNull(link, "link");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.instanceId = settings.instanceId();
    this.operatorName = Objects.requireNonNull(operatorName, "operatorName");
    this.state = new DashboardState(clock);
    this.pump = new InboundPump(Platform::runLater, state::apply);
    this.popups = new NoticePopupStack(this::pageArea, this::theme, this::openAlerts);
    DesktopAlertNotifier notifier =
        new DesktopAlertNotifier(
            new NotificationPolicy(clock), popups, this::showToast, alertSound());
    this.viewModel =
        new MainViewModel(
            state,
            message -> client != null && client.send(message),
            notifier,
            clock,
            zone,
            this::reconnect,
            settings.theme(),
            settings.alertPanelOpen());
    viewModel.connectionBar().setTarget(settings.relayUrl(), settings.token());
    this.view = new MainView(viewModel);
    this.client = newClient(settings.relayUrl(), settings.token());
    this.ticker = new Timeline(new KeyFrame(Duration.millis(TICK_MS), e -> viewModel.tick()));
    ticker.setCycleCount(Animation.INDEFINITE);
  }

  /**
   * Connects to the relay (or starts listening for it) and starts the clock tick.
   *
   * @throws java.io.UncheckedIOException when listen mode cannot bind its address
   */
  public void start() {
    startClient(client);
    ticker.play();
  }

  private static void startClient(RelayClient c) {
    try {
      c.start();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Called with the new URL and token when the operator changes them. */
  public void setRelayChangeListener(BiConsumer<String, String> listener) {
    relayChangeListener = Objects.requireNonNull(listener, "listener");
  }

  /** The main view, to put in a scene. */
  public MainView view() {
    return view;
  }

  /** The main view model. */
  public MainViewModel viewModel() {
    return viewModel;
  }

  /** The store, for diagnostics and tests. */
  public DashboardState state() {
    return state;
  }

  /** The desktop notices showing now. */
  public NoticePopupStack notices() {
    return popups;
  }

  /** The relay link in use. */
  public RelayClient client() {
    return client;
  }

  @Override
  public void close() {
    ticker.stop();
    client.close();
  }

  private void reconnect(String url, String token) {
    RelayClient old = client;
    RelayClient next = newClient(url, token);
    client = next;
    relayChangeListener.accept(url, token);
    // Closing says goodbye and waits for the relay (up to RelayClient.CLOSE_WAIT_MS): never on the
    // FX
    // thread. The new link starts after the old one has stopped, so the old one's last status
    // reaches the pump first.
    Thread switcher =
        new Thread(
            () -> {
              old.close();
              startClient(next);
            },
            "vigil-relay-switch");
    switcher.setDaemon(true);
    switcher.start();
  }

  private RelayClient newClient(String url, String token) {
    URI uri = URI.create(url);
    RelayClient c =
        new RelayClient(
            new RelayEndpoint(
                uri,
                token,
                instanceId,
                operatorName,
                link.relayHttpUri().orElse(dev.vigil.link.RelayAddress.defaultHttpUri(uri))),
            pump,
            clock);
    link.listen().ifPresent(bind -> c.listenOn(bind, link.listenAllow()));
    if (viewModel != null) {
      dev.vigil.ui.history.RelayHistoryClient history =
          new dev.vigil.ui.history.RelayHistoryClient(c.endpoint().httpUri(), token);
      viewModel.hostPage().useHistory(history, Platform::runLater);
      viewModel.alerts().useHistory(history, Platform::runLater);
    }
    return c;
  }

  /** Environment setting that turns alert sounds off ({@code off}). */
  public static final String ENV_ALERT_SOUND = "VIGIL_ALERT_SOUND";

  private static AlertSound alertSound() {
    return "off".equalsIgnoreCase(System.getenv(ENV_ALERT_SOUND))
        ? AlertSound.SILENT
        : new ToneAlertSound();
  }

  private void showToast(String text) {
    viewModel.showToast(text);
  }

  private Node pageArea() {
    return view.pageArea();
  }

  private Theme theme() {
    return viewModel.getTheme();
  }

  private void openAlerts() {
    viewModel.showPage(Page.ALERTS);
    Window window = window();
    if (window instanceof Stage stage) {
      stage.toFront();
    }
  }

  private Window window() {
    return view.getScene() == null ? null : view.getScene().getWindow();
  }
}
