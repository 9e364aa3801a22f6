package dev.vigil.server.http;

import dev.vigil.protocol.Alert;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Builds the body of {@code GET /api/alerts}: {@code {"alerts": [...]}}. */
final class AlertsBody implements AuthorizedJsonHandler.Body {
  record Alerts(List<Alert> alerts) {}

  private final CompletableFuture<List<Alert>> query;

  AlertsBody(CompletableFuture<List<Alert>> query) {
    this.query = query;
  }

  @Override
  public CompletableFuture<Object> fetch() {
    return query.thenApply(Alerts::new);
  }
}
