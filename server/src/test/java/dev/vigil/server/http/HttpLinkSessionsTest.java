package dev.vigil.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.support.RecordingLinkListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session registry's bounds and ids, and how its links close. */
class HttpLinkSessionsTest {
  private final LinkSessions sessions = new LinkSessions(new RecordingLinkListener(), 60_000);

  @Test
  void sessionIdsAre32LowercaseHexDigitsAndDistinct() {
    HttpPeerLink a = sessions.open("/127.0.0.1:1");
    HttpPeerLink b = sessions.open("/127.0.0.1:2");

    assertThat(a.id()).matches("[0-9a-f]{32}");
    assertThat(a.id()).isNotEqualTo(b.id());
    assertThat(a).hasToString("http:/127.0.0.1:1");
  }

  @Test
  void noSessionOpensBeyondTheLimitUntilOneCloses() {
    List<HttpPeerLink> open = new ArrayList<>();
    for (int i = 0; i < HttpLinkLimits.MAX_SESSIONS; i++) {
      open.add(sessions.open("peer"));
    }

    HttpPeerLink refused = sessions.open("peer");
    open.get(0).close(1000, "done");
    HttpPeerLink afterClose = sessions.open("peer");

    assertThat(open).doesNotContainNull();
    assertThat(refused).isNull();
    assertThat(afterClose).isNotNull();
    assertThat(sessions.openCount()).isEqualTo(HttpLinkLimits.MAX_SESSIONS);
  }

  @Test
  void closedSessionStaysFindableUntilItsLingerPassed() {
    HttpPeerLink link = sessions.open("peer");
    link.close(4001, "unknown token");

    sessions.sweep();

    assertThat(sessions.find(link.id())).isSameAs(link);
  }

  @Test
  void heldSlotsStopAtTheLimit() {
    for (int i = 0; i < HttpLinkLimits.MAX_HELD_REQUESTS; i++) {
      assertThat(sessions.tryHold()).isTrue();
    }

    assertThat(sessions.tryHold()).isFalse();
    sessions.release();
    assertThat(sessions.tryHold()).isTrue();
  }

  @Test
  void resumeGapClosesAnOpenLinkWith1001() {
    HttpPeerLink link = sessions.open("peer");

    LinkOutbox.Close close = link.closeAsGone(7);

    assertThat(close.code()).isEqualTo(1001);
    assertThat(close.reason())
        .isEqualTo("events after 7 are no longer held; open a new link and resume");
    assertThat(link.isOpen()).isFalse();
  }

  @Test
  void resumeGapOnAClosedLinkReportsItsOwnClose() {
    HttpPeerLink link = sessions.open("peer");
    link.close(4001, "unknown token");

    assertThat(link.closeAsGone(7)).isEqualTo(new LinkOutbox.Close(4001, "unknown token"));
  }
}
