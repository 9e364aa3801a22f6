package dev.vigil.server.token;

import static dev.vigil.server.support.TestRelays.ALICE_TOKEN;
import static dev.vigil.server.support.TestRelays.BOB_TOKEN;
import static dev.vigil.server.support.TestRelays.WAIT;
import static dev.vigil.server.support.TestRelays.dashboardHello;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.protocol.CloseCodes;
import dev.vigil.protocol.ErrorNotice;
import dev.vigil.protocol.Hello;
import dev.vigil.protocol.Result;
import dev.vigil.protocol.RevokedTokenInfo;
import dev.vigil.protocol.Role;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.Snapshot;
import dev.vigil.protocol.TokenCreate;
import dev.vigil.protocol.TokenCreated;
import dev.vigil.protocol.TokenInfo;
import dev.vigil.protocol.TokenKind;
import dev.vigil.protocol.TokenList;
import dev.vigil.protocol.TokenRevoke;
import dev.vigil.protocol.TokenSource;
import dev.vigil.protocol.Welcome;
import dev.vigil.server.Relay;
import dev.vigil.server.config.RelayConfig;
import dev.vigil.server.link.OperatorRole;
import dev.vigil.server.support.HttpLinkTestClient;
import dev.vigil.server.support.ProtocolTestClient;
import dev.vigil.server.support.TestRelays;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Admins create, list and revoke tokens over the dashboard protocol, on a real relay with real
 * sockets: what a created token may do, what a revocation closes, what survives a restart, and what
 * is refused (with its reason, and nothing else lost).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TokenManagementTest {
  static final String VIEWER_TOKEN = "viewer-secret";
  static final String OPERATOR_TOKEN = "operator-secret";

  /** The refusal of a revoked token named {@code name}, revoked by {@code admin}, as a regex. */
  static final java.util.function.BiFunction<String, String, String> REVOKED_AT =
      (name, admin) ->
          java.util.regex.Pattern.quote("token '" + name + "' was revoked by " + admin + " at ")
              + "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

  /** Length of a 32-byte secret in base64url without padding. */
  static final int SECRET_LENGTH = 43;

  @TempDir Path dataDir;
  private final List<Relay> relays = new ArrayList<>();
  private final List<ProtocolTestClient> clients = new ArrayList<>();
  private Relay relay;

  @AfterEach
  void stop() {
    clients.forEach(ProtocolTestClient::close);
    relays.forEach(Relay::close);
  }

  /** alice and bob are admins (plain tokens), vera a viewer, otto an operator. */
  private RelayConfig config() {
    return TestRelays.config(dataDir)
        .withOperatorTokens(
            Map.of(
                ALICE_TOKEN,
                "alice",
                BOB_TOKEN,
                "bob",
                VIEWER_TOKEN,
                "vera",
                OPERATOR_TOKEN,
                "otto"))
        .withOperatorRoles(
            Map.of(VIEWER_TOKEN, OperatorRole.VIEWER, OPERATOR_TOKEN, OperatorRole.OPERATOR));
  }

  private Relay start(RelayConfig config) throws Exception {
    Relay started = Relay.start(config);
    relays.add(started);
    relay = started;
    return started;
  }

  @Test
  void anAdminCreatesAnOperatorTokenThatConnectsAtOnceWithItsRole() throws Exception {
    start(config());
    ProtocolTestClient alice = dashboard(ALICE_TOKEN);
    ProtocolTestClient bob = dashboard(BOB_TOKEN);
    ProtocolTestClient vera = dashboard(VIEWER_TOKEN);

    alice.send(new TokenCreate("c-1", "operator", "  ci viewer  ", "viewer"));

    TokenCreated created = alice.awaitMessage(TokenCreated.class, WAIT);
    Result result = result(alice, "c-1");
    assertThat(result).isEqualTo(Result.success("c-1"));
    assertThat(alice.arrivalOf(created))
        .as("secret before result")
        .isLessThan(alice.arrivalOf(result));
    assertThat(created.secret()).hasSize(SECRET_LENGTH).matches("[A-Za-z0-9_-]+");
    TokenInfo token = created.token();
    assertThat(token.id()).isEqualTo(TokenSecrets.sha256(created.secret()).substring(0, 12));
    assertThat(token.kind()).isEqualTo(TokenKind.OPERATOR);
    assertThat(token.name()).isEqualTo("ci viewer");
    assertThat(token.role()).isEqualTo("viewer");
    assertThat(token.source()).isEqualTo(TokenSource.MANAGED);
    assertThat(token.createdBy()).isEqualTo("alice");
    assertThat(token.isRevocable()).isTrue();
    TokenList seenByBob = bob.awaitMessage(TokenList.class, l -> contains(l, token.id()), WAIT);
    assertThat(seenByBob.tokens()).extracting(TokenInfo::name).contains("alice", "ci viewer");

    ProtocolTestClient ci = connect(dashboardHello(created.secret()));
    assertThat(ci.awaitMessage(Welcome.class, WAIT).role()).isEqualTo("viewer");
    ci.awaitMessage(Snapshot.class, WAIT);
    ci.send(new TokenRevoke("r-ci", token.id()));
    assertThat(result(ci, "r-ci").error()).isEqualTo("your role viewer may not manage tokens");
    vera.sync(WAIT);
    assertThat(vera.pending(TokenList.class)).as("a viewer never gets the list").isEmpty();
    assertThat(vera.pending(TokenCreated.class)).isEmpty();
    assertThat(bob.pending(TokenCreated.class)).as("the secret goes to its creator only").isEmpty();
  }

  @Test
  void anAdminDashboardGetsTheTokenListWhenItJoinsWithoutAnySecret() throws Exception {
    start(config());

    ProtocolTestClient alice = dashboard(ALICE_TOKEN);

    TokenList list = alice.awaitMessage(TokenList.class, WAIT);
    assertThat(list.tokens())
        .extracting(TokenInfo::name)
        .containsExactly("alice", "bob", "otto", "vera", RelayToken.CONFIG_AGENT_NAME);
    assertThat(list.tokens()).allSatisfy(t -> assertThat(t.source()).isEqualTo(TokenSource.CONFIG));
    assertThat(list.tokens())
        .allSatisfy(t -> assertThat(t.notRevocableReason()).isEqualTo(TokenAdmin.CONFIG_REASON));
    assertThat(list.tokens()).extracting(TokenInfo::role).contains("admin", "viewer", "operator");
    assertThat(list.toString())
        .doesNotContain(ALICE_TOKEN, BOB_TOKEN, VIEWER_TOKEN, TestRelays.AGENT_TOKEN);
  }

  @Test
  void aCreatedAgentTokenLetsAnAgentInAndCannotOpenADashboard() throws Exception {
    start(config());
    ProtocolTestClient alice = dashboard(ALICE_TOKEN);

    String secret = create(alice, new TokenCreate("c-2", "agent", "rack 7", null)).secret();

    ProtocolTestClient agent = connect(agentHello(secret, "host-rack-7"));
    agent.awaitMessage(Welcome.class, WAIT);
    ProtocolTestClient wrongUse = connect(dashboardHello(secret));
    assertThat(wrongUse.awaitMessage(ErrorNotice.class, WAIT).reason())
        .isEqualTo("an agent token cannot be used by a dashboard; use an operator token");
    assertThat(wrongUse.awaitClose(WAIT).code()).isEqualTo(CloseCodes.UNAUTHORIZED);
  }

  @Test
  void revokingClosesEveryConnectionWithTheTokenAndRefusesItAfterwards() throws Exception {
    start(config());
    ProtocolTestClient alice = dashboard(ALICE_TOKEN);
    ProtocolTestClient bob = dashboard(BOB_TOKEN);
    bob.awaitMessage(TokenList.class, WAIT); // the list as it joined
    TokenCreated operator =
        create(alice, new TokenCreate("c-3", "operator", "night shift", "operator"));
    TokenCreated agentToken = create(alice, new TokenCreate("c-4", "agent", "lab", null));
    ProtocolTestClient nightShift = dashboard(operator.secret());
    ProtocolTestClient secondNightShift = dashboard(operator.secret());
    ProtocolTestClient labAgent = connect(agentHello(agentToken.secret(), "host-lab"));
    labAgent.awaitMessage(Welcome.class, WAIT);
    ProtocolTestClient otherAgent = connect(TestRelays.agentHello("host-other"));
    otherAgent.awaitMessage(Welcome.class, WAIT);
    HttpLinkTestClient http = new HttpLinkTestClient(relay.httpPort());
    String session = http.open();
    http.post(session, http.line(agentHello(agentToken.secret(), "host-lab-http")));
    long welcomed = awaitPolled(http, session, 0, Welcome.class);

    alice.send(new TokenRevoke("r-1", operator.token().id()));
    alice.send(new TokenRevoke("r-2", agentToken.token().id()));

    assertThat(result(alice, "r-1").ok()).isTrue();
    assertThat(result(alice, "r-2").ok()).isTrue();
    for (ProtocolTestClient revoked : List.of(nightShift, secondNightShift)) {
      ErrorNotice error = revoked.awaitMessage(ErrorNotice.class, WAIT);
      assertThat(error.code()).isEqualTo(CloseCodes.UNAUTHORIZED);
      assertThat(error.reason()).isEqualTo("token 'night shift' was revoked by alice");
      ProtocolTestClient.Closed closed = revoked.awaitClose(WAIT);
      assertThat(closed.code()).isEqualTo(CloseCodes.UNAUTHORIZED);
      assertThat(closed.reason()).isEqualTo("token 'night shift' was revoked by alice");
    }
    assertThat(labAgent.awaitClose(WAIT))
        .isEqualTo(
            new ProtocolTestClient.Closed(
                CloseCodes.UNAUTHORIZED, "token 'lab' was revoked by alice", true));
    HttpLinkTestClient.PollLine close = awaitPolledClose(http, session, welcomed);
    assertThat(close.close().get("code").getAsInt()).isEqualTo(CloseCodes.UNAUTHORIZED);
    assertThat(close.close().get("reason").getAsString())
        .isEqualTo("token 'lab' was revoked by alice");
    bob.awaitMessage(TokenList.class, l -> contains(l, agentToken.token().id()), WAIT);
    TokenList after =
        bob.awaitMessage(
            TokenList.class,
            l -> !contains(l, agentToken.token().id()) && !contains(l, operator.token().id()),
            WAIT);
    assertThat(after.tokens()).extracting(TokenInfo::name).doesNotContain("night shift", "lab");

    ProtocolTestClient again = connect(dashboardHello(operator.secret()));
    assertThat(again.awaitMessage(ErrorNotice.class, WAIT).reason())
        .matches(REVOKED_AT.apply("night shift", "alice"));
    assertThat(again.awaitClose(WAIT).code()).isEqualTo(CloseCodes.UNAUTHORIZED);
    ProtocolTestClient agentAgain = connect(agentHello(agentToken.secret(), "host-lab"));
    assertThat(agentAgain.awaitClose(WAIT))
        .satisfies(c -> assertThat(c.code()).isEqualTo(CloseCodes.UNAUTHORIZED))
        .satisfies(c -> assertThat(c.reason()).matches(REVOKED_AT.apply("lab", "alice")));
    assertThat(httpStatus("/api/hosts", operator.secret())).isEqualTo(401);
    assertThat(httpStatus("/api/hosts", ALICE_TOKEN)).isEqualTo(200);
    alice.sync(WAIT);
    bob.sync(WAIT);
    otherAgent.send(TestRelays.temperatureCatalog("host-other"));
    otherAgent.send(TestRelays.sample("host-other", "test.temp", 40.0));
    assertThat(bob.awaitMessage(Sample.class, s -> s.hostId().equals("host-other"), WAIT))
        .as("other connections carry on")
        .isNotNull();
  }

  @Test
  void anAdminMayRevokeItsOwnManagedTokenAndHearsTheResultBeforeTheClose() throws Exception {
    start(config());
    ProtocolTestClient alice = dashboard(ALICE_TOKEN);
    TokenCreated ada = create(alice, new TokenCreate("c-5", "operator", "ada", "admin"));
    ProtocolTestClient adaDashboard = dashboard(ada.secret());
    adaDashboard.awaitMessage(TokenList.class, WAIT);

    adaDashboard.send(new TokenRevoke("r-own", ada.token().id()));

    Result result = result(adaDashboard, "r-own");
    assertThat(result.ok()).isTrue();
    ErrorNotice error = adaDashboard.awaitMessage(ErrorNotice.class, WAIT);
    assertThat(adaDashboard.arrivalOf(result)).isLessThan(adaDashboard.arrivalOf(error));
    assertThat(adaDashboard.awaitClose(WAIT).code()).isEqualTo(CloseCodes.UNAUTHORIZED);
  }

  @Test
  void aRevokedTokenIsToldWhoRevokedItAndWhenAlsoAfterARestart() throws Exception {
    TokenCreated created;
    String refusedBefore;
    try (Relay first = start(config())) {
      ProtocolTestClient alice = dashboard(ALICE_TOKEN);
      created = create(alice, new TokenCreate("c-9", "operator", "temp access", "viewer"));
      alice.send(new TokenRevoke("r-9", created.token().id()));
      assertThat(result(alice, "r-9").ok()).isTrue();
      ProtocolTestClient refused = connect(dashboardHello(created.secret()));
      refusedBefore = refused.awaitMessage(ErrorNotice.class, WAIT).reason();
    }
    assertThat(refusedBefore).matches(REVOKED_AT.apply("temp access", "alice"));
    assertThat(Files.readString(dataDir.resolve(TokenAdmin.FILE_NAME)))
        .doesNotContain(created.secret());

    start(config());
    ProtocolTestClient refused = connect(dashboardHello(created.secret()));

    assertThat(refused.awaitMessage(ErrorNotice.class, WAIT).reason()).isEqualTo(refusedBefore);
    assertThat(refused.awaitClose(WAIT).code()).isEqualTo(CloseCodes.UNAUTHORIZED);
    assertThat(httpBody("/api/hosts", created.secret())).contains(refusedBefore);
  }

  @Test
  void adminsSeeRevokedTokensNewestFirstWithWhoRevokedThemAndWhen() throws Exception {
    start(config());
    ProtocolTestClient alice = dashboard(ALICE_TOKEN);
    TokenCreated first = create(alice, new TokenCreate("c-10", "agent", "old lab", null));
    TokenCreated second = create(alice, new TokenCreate("c-11", "operator", "intern", "viewer"));
    long before = System.currentTimeMillis();

    alice.send(new TokenRevoke("r-10", first.token().id()));
    assertThat(result(alice, "r-10").ok()).isTrue();
    alice.send(new TokenRevoke("r-11", second.token().id()));
    assertThat(result(alice, "r-11").ok()).isTrue();

    TokenList list = alice.awaitMessage(TokenList.class, l -> l.revoked().size() == 2, WAIT);
    assertThat(list.revoked())
        .extracting(RevokedTokenInfo::name, RevokedTokenInfo::kind, RevokedTokenInfo::revokedBy)
        .containsExactly(
            tuple("intern", TokenKind.OPERATOR, "alice"),
            tuple("old lab", TokenKind.AGENT, "alice"));
    assertThat(list.revoked().get(0).id()).isEqualTo(second.token().id());
    assertThat(list.revoked())
        .allSatisfy(r -> assertThat(r.revokedAtMs()).isBetween(before, System.currentTimeMillis()));
    assertThat(list.tokens()).extracting(TokenInfo::name).doesNotContain("old lab", "intern");
  }

  @Test
  void managedTokensSurviveARestartAndOnlyTheirHashesAreStoredOwnerOnly() throws Exception {
    TokenCreated created;
    try (Relay first = start(config())) {
      ProtocolTestClient alice = dashboard(ALICE_TOKEN);
      created = create(alice, new TokenCreate("c-6", "operator", "vera two", "viewer"));
    }
    Path file = dataDir.resolve(TokenAdmin.FILE_NAME);
    String stored = Files.readString(file);
    assertThat(stored)
        .doesNotContain(created.secret())
        .contains(TokenSecrets.sha256(created.secret()))
        .contains("vera two");
    PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (posix != null) {
      assertThat(posix.readAttributes().permissions())
          .isEqualTo(dev.vigil.server.files.OwnerOnlyFiles.OWNER_ONLY);
    }

    start(config());
    ProtocolTestClient vera = connect(dashboardHello(created.secret()));
    assertThat(vera.awaitMessage(Welcome.class, WAIT).role()).isEqualTo("viewer");
    ProtocolTestClient alice = dashboard(ALICE_TOKEN);
    TokenInfo kept =
        alice.awaitMessage(TokenList.class, WAIT).tokens().stream()
            .filter(t -> t.id().equals(created.token().id()))
            .findFirst()
            .orElseThrow();
    assertThat(kept).isEqualTo(created.token());
  }

  @Test
  void viewersAndOperatorsMayNotManageTokensAndTheirLinksStayOpen() throws Exception {
    start(config());
    ProtocolTestClient vera = dashboard(VIEWER_TOKEN);
    ProtocolTestClient otto = dashboard(OPERATOR_TOKEN);

    vera.send(new TokenCreate("v-1", "agent", "mine", null));
    otto.send(new TokenCreate("o-1", "operator", "mine", "admin"));
    otto.send(new TokenRevoke("o-2", "1951d6444eae"));

    assertThat(result(vera, "v-1").error()).isEqualTo("your role viewer may not manage tokens");
    assertThat(result(otto, "o-1").error()).isEqualTo("your role operator may not manage tokens");
    assertThat(result(otto, "o-2").error()).isEqualTo("your role operator may not manage tokens");
    vera.sync(WAIT);
    otto.sync(WAIT);
    assertThat(otto.pending(TokenCreated.class)).isEmpty();
    assertThat(otto.pending(TokenList.class)).isEmpty();
    ProtocolTestClient alice = dashboard(ALICE_TOKEN);
    assertThat(alice.awaitMessage(TokenList.class, WAIT).tokens())
        .extracting(TokenInfo::source)
        .containsOnly(TokenSource.CONFIG);
  }

  @Test
  void theLastAdminTokenCannotBeRevokedNorAConfigToken() throws Exception {
    TokenCreated ada;
    try (Relay first = start(config())) {
      ada = create(dashboard(ALICE_TOKEN), new TokenCreate("c-7", "operator", "ada", "admin"));
    }
    // The configuration no longer has an admin: ada's managed token is the last one.
    start(
        config()
            .withOperatorTokens(Map.of(VIEWER_TOKEN, "vera"))
            .withOperatorRoles(Map.of(VIEWER_TOKEN, OperatorRole.VIEWER)));
    ProtocolTestClient adaDashboard = dashboard(ada.secret());
    TokenInfo listed =
        adaDashboard.awaitMessage(TokenList.class, WAIT).tokens().stream()
            .filter(t -> t.name().equals("ada"))
            .findFirst()
            .orElseThrow();
    assertThat(listed.notRevocableReason()).isEqualTo(TokenAdmin.LAST_ADMIN_REASON);

    adaDashboard.send(new TokenRevoke("r-last", ada.token().id()));
    adaDashboard.send(
        new TokenRevoke("r-config", TokenSecrets.idOfHash(TokenSecrets.sha256(VIEWER_TOKEN))));

    assertThat(result(adaDashboard, "r-last").error())
        .isEqualTo(
            "token 'ada' cannot be revoked: it is the last admin token; create another admin"
                + " token first");
    assertThat(result(adaDashboard, "r-config").error())
        .isEqualTo("token 'vera' cannot be revoked: " + TokenAdmin.CONFIG_REASON);
    adaDashboard.sync(WAIT);
    assertThat(adaDashboard.isOpen()).isTrue();
    assertThat(connect(dashboardHello(VIEWER_TOKEN)).awaitMessage(Welcome.class, WAIT)).isNotNull();
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of(
            new TokenCreate("b-1", "robot", "x", null),
            "unknown token kind 'robot'; expected operator or agent"),
        Arguments.of(
            new TokenCreate("b-2", "operator", "x", null),
            "an operator token needs a role: viewer, operator or admin"),
        Arguments.of(
            new TokenCreate("b-3", "operator", "x", "root"),
            "unknown role 'root'; expected viewer, operator or admin"),
        Arguments.of(
            new TokenCreate("b-4", "agent", "x", "viewer"),
            "an agent token has no role; leave 'role' out"),
        Arguments.of(new TokenCreate("b-5", "agent", "   ", null), "token name must not be empty"),
        Arguments.of(
            new TokenCreate("b-6", "agent", "n".repeat(TokenCreate.MAX_NAME_LENGTH + 1), null),
            "token name is 65 characters; at most 64"),
        Arguments.of(
            new TokenCreate("b-7", "agent", "line\nbreak", null),
            "token name must not contain control characters"),
        Arguments.of(
            new TokenCreate("b-8", "k".repeat(100), "x", null),
            "unknown token kind '" + "k".repeat(32) + "…'; expected operator or agent"),
        Arguments.of(new TokenRevoke("b-9", "000000000000"), "no token with id '000000000000'"));
  }

  @ParameterizedTest
  @MethodSource("badRequests")
  void aBadRequestIsRefusedWithItsReasonAndNothingElseIsLost(
      dev.vigil.protocol.Message request, String error) throws Exception {
    start(config());
    ProtocolTestClient alice = dashboard(ALICE_TOKEN);
    alice.awaitMessage(TokenList.class, WAIT);
    ProtocolTestClient bob = dashboard(BOB_TOKEN);
    bob.awaitMessage(TokenList.class, WAIT);
    ProtocolTestClient agent = connect(TestRelays.agentHello("host-bad"));
    agent.awaitMessage(Welcome.class, WAIT);
    String requestId =
        request instanceof TokenCreate c ? c.requestId() : ((TokenRevoke) request).requestId();

    alice.send(request);

    assertThat(result(alice, requestId)).isEqualTo(Result.failure(requestId, error));
    agent.send(TestRelays.temperatureCatalog("host-bad"));
    agent.send(TestRelays.sample("host-bad", "test.temp", 30.0));
    assertThat(alice.awaitMessage(Sample.class, s -> s.hostId().equals("host-bad"), WAIT))
        .as("the admin's link stays open and live")
        .isNotNull();
    assertThat(bob.awaitMessage(Sample.class, s -> s.hostId().equals("host-bad"), WAIT))
        .isNotNull();
    assertThat(alice.pending(TokenList.class)).as("nothing changed, nothing pushed").isEmpty();
    assertThat(bob.pending(TokenList.class)).isEmpty();
    assertThat(Files.exists(dataDir.resolve(TokenAdmin.FILE_NAME))).isFalse();
  }

  // ---- helpers ----

  private ProtocolTestClient connect(Hello hello) throws InterruptedException {
    ProtocolTestClient client = ProtocolTestClient.connect(relay.port(), hello);
    clients.add(client);
    return client;
  }

  private ProtocolTestClient dashboard(String token) throws InterruptedException {
    ProtocolTestClient client = connect(dashboardHello(token));
    client.awaitMessage(Snapshot.class, WAIT);
    return client;
  }

  private static Hello agentHello(String token, String hostId) {
    return new Hello(Role.AGENT, token, hostId, hostId, "test", Map.of(), false, "Linux test");
  }

  /** Sends {@code request} as {@code admin} and returns the token created, once it succeeded. */
  private static TokenCreated create(ProtocolTestClient admin, TokenCreate request)
      throws InterruptedException {
    admin.send(request);
    TokenCreated created =
        admin.awaitMessage(
            TokenCreated.class, c -> c.requestId().equals(request.requestId()), WAIT);
    assertThat(result(admin, request.requestId()).ok()).isTrue();
    return created;
  }

  private static Result result(ProtocolTestClient client, String requestId)
      throws InterruptedException {
    return client.awaitMessage(Result.class, r -> r.requestId().equals(requestId), WAIT);
  }

  private static boolean contains(TokenList list, String id) {
    return list.tokens().stream().anyMatch(t -> t.id().equals(id));
  }

  private String httpBody(String path, String token) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + relay.httpPort() + path))
            .header("Authorization", "Bearer " + token)
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  private int httpStatus(String path, String token) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + relay.httpPort() + path))
            .header("Authorization", "Bearer " + token)
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** Polls the HTTP link until a message of {@code type} arrives; returns its number. */
  private static long awaitPolled(
      HttpLinkTestClient http, String session, long after, Class<?> type) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    long last = after;
    while (System.nanoTime() < deadline) {
      for (HttpLinkTestClient.PollLine line : http.poll(session, last)) {
        last = Math.max(last, line.n());
        if (line.message() != null && type.isInstance(http.decode(line.message()))) {
          return line.n();
        }
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " polled within " + WAIT);
  }

  /** Polls the HTTP link until its close line arrives. */
  private static HttpLinkTestClient.PollLine awaitPolledClose(
      HttpLinkTestClient http, String session, long after) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    long last = after;
    while (System.nanoTime() < deadline) {
      for (HttpLinkTestClient.PollLine line : http.poll(session, last)) {
        last = Math.max(last, line.n());
        if (line.close() != null) {
          return line;
        }
      }
    }
    throw new AssertionError("the HTTP link did not close within " + WAIT);
  }
}
