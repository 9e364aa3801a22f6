package dev.vigil.server.http;

import dev.vigil.protocol.HostSnapshot;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Builds the body of {@code GET /api/hosts}: {@code {"hosts": [...]}}. */
final class HostsBody implements AuthorizedJsonHandler.Body {
  record Hosts(List<HostSnapshot> hosts) {}

  private final CompletableFuture<List<HostSnapshot>> query;

  HostsBody(CompletableFuture<List<HostSnapshot>> query) {
    this.query = query;
  }

  @Override
  public CompletableFuture<Object> fetch() {
    return query.thenApply(Hosts::new);
  }
}
