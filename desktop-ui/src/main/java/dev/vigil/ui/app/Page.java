package dev.vigil.ui.app;

/** The pages the main window can show. */
public enum Page {
  HOSTS,
  ALERTS,
  EVENTS,
  RULES,
  /** The relay's tokens: admins only. */
  TOKENS,
  HOST
}
