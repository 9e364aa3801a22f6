package dev.vigil.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ui.Fixtures;
import dev.vigil.ui.MutableClock;
import dev.vigil.ui.state.DashboardState;
import dev.vigil.ui.theme.Theme;
import java.time.ZoneOffset;
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
          Theme.LIGHT);

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
  void themeToggles() {
    main.toggleTheme();

    assertThat(main.getTheme()).isEqualTo(Theme.DARK);
  }
}
