package dev.vigil.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class ProxySettingsTest {
  private static final URI WS = URI.create("ws://relay.example.com:8787");
  private static final URI WSS = URI.create("wss://relay.example.com:8787");

  @Test
  void plainWebSocketUsesHttpProxy() {
    assertThat(ProxySettings.forTarget(WS, Map.of("http_proxy", "http://proxy.lan:3128")))
        .contains(InetSocketAddress.createUnresolved("proxy.lan", 3128));
  }

  @Test
  void secureWebSocketUsesHttpsProxyInEitherCase() {
    assertThat(ProxySettings.forTarget(WSS, Map.of("HTTPS_PROXY", "proxy.lan:8080")))
        .contains(InetSocketAddress.createUnresolved("proxy.lan", 8080));
  }

  @Test
  void noProxyExemptsExactHostsAndDomainSuffixes() {
    Map<String, String> env =
        Map.of("http_proxy", "http://proxy.lan:3128", "no_proxy", "localhost, .example.com");

    assertThat(ProxySettings.forTarget(WS, env)).isEmpty();
    assertThat(ProxySettings.forTarget(URI.create("ws://localhost:8787"), env)).isEmpty();
    assertThat(ProxySettings.forTarget(URI.create("ws://relay.other.org:8787"), env)).isPresent();
  }

  @Test
  void httpsAddressesUseTheHttpsProxy() {
    Map<String, String> env =
        Map.of("http_proxy", "http://plain.lan:3128", "https_proxy", "http://secure.lan:3129");

    assertThat(ProxySettings.forTarget(URI.create("https://relay.example.com:8788/"), env))
        .contains(InetSocketAddress.createUnresolved("secure.lan", 3129));
    assertThat(ProxySettings.forTarget(URI.create("http://relay.example.com:8788/"), env))
        .contains(InetSocketAddress.createUnresolved("plain.lan", 3128));
  }

  @Test
  void credentialsInTheSettingAreKeptDecodedAndNotPrinted() {
    ProxySettings.HttpProxy proxy =
        ProxySettings.proxyFor(WS, Map.of("http_proxy", "http://ops%40lab:p%3Ass@proxy.lan:3128"))
            .orElseThrow();

    assertThat(proxy.user()).isEqualTo("ops@lab");
    assertThat(proxy.password()).isEqualTo("p:ss");
    assertThat(proxy.toString()).doesNotContain("p:ss").contains("ops@lab@proxy.lan:3128");
  }

  @Test
  void noProxyEntryWithAPortExemptsOnlyThatPort() {
    Map<String, String> env =
        Map.of("http_proxy", "http://proxy.lan:3128", "no_proxy", "relay.example.com:8788");

    assertThat(ProxySettings.forTarget(URI.create("http://relay.example.com:8788/"), env))
        .isEmpty();
    assertThat(ProxySettings.forTarget(WS, env)).isPresent();
  }

  @Test
  void noProxyCidrRangesAndIpv6LiteralsMatchIpTargets() {
    Map<String, String> env =
        Map.of("http_proxy", "http://proxy.lan:3128", "no_proxy", "10.0.0.0/8, [::1], fd00::/8");

    assertThat(ProxySettings.forTarget(URI.create("ws://10.20.30.40:8787"), env)).isEmpty();
    assertThat(ProxySettings.forTarget(URI.create("ws://11.0.0.1:8787"), env)).isPresent();
    assertThat(ProxySettings.forTarget(URI.create("ws://[::1]:8787"), env)).isEmpty();
    assertThat(ProxySettings.forTarget(URI.create("ws://[fd12:3456::1]:8787"), env)).isEmpty();
    assertThat(ProxySettings.forTarget(URI.create("ws://[fe80::1]:8787"), env)).isPresent();
  }

  @Test
  void withoutASettingTheLinkGoesDirect() {
    assertThat(ProxySettings.forTarget(WS, Map.of())).isEmpty();
  }

  @Test
  void aProxyOtherThanHttpIsRefusedByName() {
    assertThatThrownBy(
            () -> ProxySettings.forTarget(WS, Map.of("http_proxy", "socks5://proxy.lan:1080")))
        .hasMessage(
            "http_proxy 'socks5://proxy.lan:1080': only http:// proxies (HTTP CONNECT) are"
                + " supported");
  }
}
