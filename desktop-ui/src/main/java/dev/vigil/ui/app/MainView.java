package dev.vigil.ui.app;

import dev.vigil.ui.alerts.AlertsView;
import dev.vigil.ui.connection.ConnectionBarView;
import dev.vigil.ui.events.EventTimelineView;
import dev.vigil.ui.host.HostPageView;
import dev.vigil.ui.hosts.HostGridView;
import dev.vigil.ui.theme.StyleClasses;
import dev.vigil.ui.theme.Theme;
import dev.vigil.ui.tokens.TokensView;
import java.util.EnumMap;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * The main window's content: header with navigation and theme toggle, the current page, in-app
 * messages, and the connection bar. Installs the keyboard shortcuts: Ctrl+F search, Esc back,
 * Ctrl+1/2/3 hosts/alerts/events.
 */
public final class MainView extends BorderPane {
  /** How long an in-app message stays, in seconds. */
  public static final double TOAST_SECONDS = 8;

  private final MainViewModel viewModel;
  private final HostGridView hostGrid;
  private final Map<Page, Node> pages = new EnumMap<>(Page.class);
  private final Map<Page, ToggleButton> navButtons = new EnumMap<>(Page.class);
  private final StackPane content = new StackPane();
  private final StackPane pageArea;
  private final Label toast = new Label();
  private final PauseTransition toastTimer = new PauseTransition(Duration.seconds(TOAST_SECONDS));

  /**
   * @param viewModel the window's view model
   */
  public MainView(MainViewModel viewModel) {
    this.viewModel = viewModel;
    getStyleClass().add("main-view");
    getStylesheets().add(getClass().getResource(StyleClasses.STYLESHEET).toExternalForm());
    hostGrid = new HostGridView(viewModel.hostGrid(), viewModel.activeAlerts());
    pages.put(Page.HOSTS, hostGrid);
    pages.put(Page.ALERTS, new AlertsView(viewModel.alerts()));
    pages.put(Page.EVENTS, new EventTimelineView(viewModel.events(), "Event timeline"));
    pages.put(Page.RULES, new dev.vigil.ui.rules.RulesView(viewModel.rules()));
    pages.put(Page.TOKENS, new TokensView(viewModel.tokens()));
    pages.put(Page.HOST, new HostPageView(viewModel.hostPage()));

    setTop(header());
    toast.getStyleClass().add(StyleClasses.TOAST);
    toast.setWrapText(true);
    toast.setVisible(false);
    StackPane.setAlignment(toast, Pos.BOTTOM_RIGHT);
    pageArea = new StackPane(content, toast);
    setCenter(pageArea);
    setBottom(new ConnectionBarView(viewModel.connectionBar()));

    viewModel.pageProperty().addListener((obs, old, now) -> showPage(now));
    showPage(viewModel.getPage());
    viewModel.themeProperty().addListener((obs, old, now) -> applyTheme(now));
    applyTheme(viewModel.getTheme());
    viewModel.toastProperty().addListener((obs, old, now) -> showToast(now));
    toastTimer.setOnFinished(e -> toast.setVisible(false));
    sceneProperty()
        .addListener(
            (obs, old, scene) -> {
              if (scene != null) {
                installShortcuts(scene);
              }
            });
  }

  /** The area between header and connection bar, where pages and messages show. */
  public Node pageArea() {
    return pageArea;
  }

  private HBox header() {
    Label title = new Label("Vigil");
    title.getStyleClass().add(StyleClasses.APP_TITLE);
    ToggleGroup group = new ToggleGroup();
    ToggleButton hosts = nav(group, Page.HOSTS, "Hosts");
    ToggleButton alerts = nav(group, Page.ALERTS, "Alerts");
    alerts.textProperty().bind(viewModel.alerts().activeCountProperty().asString("Alerts (%d)"));
    viewModel
        .alerts()
        .firingCountProperty()
        .addListener(
            (obs, old, now) -> StyleClasses.toggle(alerts, "has-firing", now.intValue() > 0));
    ToggleButton events = nav(group, Page.EVENTS, "Events");
    ToggleButton rules = nav(group, Page.RULES, "Rules");
    ToggleButton tokens = nav(group, Page.TOKENS, "Tokens");
    tokens.visibleProperty().bind(viewModel.tokens().canManageProperty()); // admins only
    tokens.managedProperty().bind(tokens.visibleProperty());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Button theme = new Button();
    theme.getStyleClass().add("theme-button");
    theme
        .textProperty()
        .bind(viewModel.themeProperty().map(t -> t == Theme.DARK ? "Light theme" : "Dark theme"));
    theme.setOnAction(e -> viewModel.toggleTheme());
    HBox header = new HBox(title, hosts, alerts, events, rules, tokens, spacer, theme);
    header.getStyleClass().add(StyleClasses.APP_HEADER);
    return header;
  }

  private ToggleButton nav(ToggleGroup group, Page page, String text) {
    ToggleButton button = new ToggleButton(text);
    button.getStyleClass().add(StyleClasses.NAV_BUTTON);
    button.setToggleGroup(group);
    button.setOnAction(e -> viewModel.showPage(page));
    navButtons.put(page, button);
    return button;
  }

  private void showPage(Page page) {
    content.getChildren().setAll(pages.get(page));
    navButtons.forEach((p, button) -> button.setSelected(p == page));
  }

  private void applyTheme(Theme theme) {
    Application.setUserAgentStylesheet(theme.userAgentStylesheet());
    StyleClasses.toggle(this, StyleClasses.DARK, theme == Theme.DARK);
  }

  private void showToast(String text) {
    if (text == null || text.isEmpty()) {
      return;
    }
    toast.setText(text);
    toast.setVisible(true);
    toastTimer.playFromStart();
  }

  private void installShortcuts(Scene scene) {
    scene
        .getAccelerators()
        .put(
            new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
            () -> {
              viewModel.showPage(Page.HOSTS);
              hostGrid.focusSearch();
            });
    scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), viewModel::back);
    scene
        .getAccelerators()
        .put(
            new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN),
            () -> viewModel.showPage(Page.HOSTS));
    scene
        .getAccelerators()
        .put(
            new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN),
            () -> viewModel.showPage(Page.ALERTS));
    scene
        .getAccelerators()
        .put(
            new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN),
            () -> viewModel.showPage(Page.EVENTS));
  }
}
