package dev.vigil.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;

/** Light or dark: an AtlantaFX base theme plus the matching style class on the scene root. */
public enum Theme {
  LIGHT,
  DARK;

  /** The AtlantaFX user-agent stylesheet for this theme. */
  public String userAgentStylesheet() {
    return this == DARK
        ? new PrimerDark().getUserAgentStylesheet()
        : new PrimerLight().getUserAgentStylesheet();
  }

  /** The other theme. */
  public Theme toggled() {
    return this == DARK ? LIGHT : DARK;
  }

  /** Parses "light" or "dark", case-insensitively. */
  public static Theme parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("theme must be 'light' or 'dark', got '" + text + "'", e);
    }
  }
}
