package dev.vigil.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.HostSnapshot;
import dev.vigil.ui.Fixtures;
import dev.vigil.ui.MutableClock;
import dev.vigil.ui.state.DashboardState;
import dev.vigil.ui.theme.Theme;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class MainViewModelTest {
  private final DashboardState state = new DashboardState(new MutableClock(Fixtures.T0));
  private final MainViewModel main =
      new MainViewModel(
          state,
          m -> false,
          row -> {},
          new MutableClock(Fixtures.T0),
          ZoneOffset.UTC,
          (url, token) -> {},
          Theme.LIGHT,
          true);

  private void welcomedAs(String role) {
    Fixtures.apply(
        state,
        dev.vigil.protocol.Welcome.forDashboard(
            "r1", "s1", 5_000, Fixtures.T0, "1.0", "e1", false, role));
  }

  @Test
  void theTokensPageOpensForAnAdminOnly() {
    welcomedAs("operator");
    main.showPage(Page.TOKENS);
    assertThat(main.getPage()).isEqualTo(Page.HOSTS);

    welcomedAs("admin");
    main.showPage(Page.TOKENS);

    assertThat(main.getPage()).isEqualTo(Page.TOKENS);
  }

  @Test
  void theTokensPageAskedForBeforeTheWelcomeOpensWhenTheRoleIsAdmin() {
    main.showPage(Page.TOKENS);
    assertThat(main.getPage()).isEqualTo(Page.HOSTS);

    welcomedAs("admin");

    assertThat(main.getPage()).isEqualTo(Page.TOKENS);
  }

  @Test
  void theTokensPageAskedForBeforeTheWelcomeStaysClosedForAnOperator() {
    main.showPage(Page.TOKENS);

    welcomedAs("operator");
    welcomedAs("admin"); // a later reconnect as admin does not reopen a request long answered

    assertThat(main.getPage()).isEqualTo(Page.HOSTS);
  }

  @Test
  void aWelcomeWithoutTheAdminRoleLeavesTheTokensPage() {
    welcomedAs("admin");
    main.showPage(Page.TOKENS);

    welcomedAs("viewer");

    assertThat(main.getPage()).isEqualTo(Page.HOSTS);
  }

  @Test
  void backFromAHostPageReturnsToTheListItWasOpenedFrom() {
    main.showPage(Page.ALERTS);
    main.openHost("h1");
    assertThat(main.getPage()).isEqualTo(Page.HOST);

    main.back();

    assertThat(main.getPage()).isEqualTo(Page.ALERTS);
  }

  @Test
  void backFromAListGoesToTheHostGrid() {
    main.showPage(Page.EVENTS);

    main.back();

    assertThat(main.getPage()).isEqualTo(Page.HOSTS);
  }

  @Test
  void openingAHostShowsItsPage() {
    Fixtures.apply(state, Fixtures.online("h1", "rack-01"));

    main.openHost("h1");

    assertThat(main.hostPage().getTitle()).isEqualTo("rack-01");
  }

  @Test
  void hostGivenByNameBeforeTheSnapshotOpensOnceTheSnapshotArrives() {
    main.openHostByIdOrName("rack-02");
    assertThat(main.hostPage().getStatusText()).isEqualTo("waiting for the relay's snapshot");

    Fixtures.apply(
        state,
        Fixtures.snapshot(
            List.of(new HostSnapshot(Fixtures.online("h2", "rack-02"), null, null, null)),
            List.of()));

    assertThat(main.getPage()).isEqualTo(Page.HOST);
    assertThat(main.hostPage().getHostId()).isEqualTo("h2");
    assertThat(main.hostPage().getTitle()).isEqualTo("rack-02");
  }

  @Test
  void hostIdWinsOverAnotherHostsName() {
    Fixtures.apply(
        state,
        Fixtures.snapshot(
            List.of(
                new HostSnapshot(Fixtures.online("h1", "h2"), null, null, null),
                new HostSnapshot(Fixtures.online("h2", "rack-02"), null, null, null)),
            List.of()));

    main.openHostByIdOrName("h2");

    assertThat(main.hostPage().getTitle()).isEqualTo("rack-02");
  }

  @Test
  void themeToggles() {
    main.toggleTheme();

    assertThat(main.getTheme()).isEqualTo(Theme.DARK);
  }
}
