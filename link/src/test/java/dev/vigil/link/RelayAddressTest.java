package dev.vigil.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RelayAddressTest {
  @Test
  void httpSideDefaultsToTheNextPortOnTheSameHost() {
    assertThat(RelayAddress.defaultHttpUri(URI.create("ws://relay.lab:8787/")))
        .isEqualTo(URI.create("http://relay.lab:8788/"));
  }

  @Test
  void secureWebSocketMapsToHttps() {
    assertThat(RelayAddress.defaultHttpUri(URI.create("wss://relay.lab/")))
        .isEqualTo(URI.create("https://relay.lab:444/"));
  }
}
