package dev.vigil.server.relay;

import dev.vigil.protocol.Command;
import dev.vigil.protocol.CommandAction;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.protocol.Result;
import dev.vigil.server.link.PeerLink;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Commands from dashboards to agents, and their results back. Each forwarded command gets a
 * relay-side request id, so two dashboards choosing the same id cannot cross; the agent's result is
 * passed back with the dashboard's own id. A command for a host that is not connected, with a bad
 * argument, or whose agent does not answer in time is answered by the relay itself. Owned by the
 * core thread; not thread-safe.
 */
final class CommandRouter {
  /** Shortest sampling interval a command may set. */
  static final long MIN_SAMPLE_INTERVAL_MS = 1_000;

  /** Longest sampling interval a command may set. */
  static final long MAX_SAMPLE_INTERVAL_MS = 60_000;

  /** Commands waiting for their agent's result, at most; more are refused. */
  static final int MAX_PENDING = 1_000;

  private record Pending(PeerLink dashboard, Command command, long deadlineNanos) {
    String requestId() {
      return command.requestId();
    }

    String hostId() {
      return command.hostId();
    }
  }

  private final MessageCodec codec;
  private final BiConsumer<PeerLink, Result> reply;
  private final long answerTimeoutNanos;
  private final Map<String, Pending> pending = new LinkedHashMap<>();
  private long nextId;

  /**
   * @param reply sends a result to a dashboard, in order with what was broadcast before it
   * @param answerTimeoutNanos how long an agent has to answer
   */
  CommandRouter(MessageCodec codec, BiConsumer<PeerLink, Result> reply, long answerTimeoutNanos) {
    this.codec = codec;
    this.reply = reply;
    this.answerTimeoutNanos = answerTimeoutNanos;
  }

  /** Forwards {@code command} from {@code dashboard} to {@code host}'s agent, or answers it. */
  void command(PeerLink dashboard, Command command, HostRecord host, long nowNanos) {
    String refusal = refusal(command, host);
    if (refusal != null) {
      reply.accept(dashboard, Result.failure(command.requestId(), refusal));
      return;
    }
    String relayId = "cmd-" + ++nextId;
    pending.put(relayId, new Pending(dashboard, command, nowNanos + answerTimeoutNanos));
    if (command.action() == CommandAction.SET_SAMPLE_INTERVAL) {
      // Judge staleness by the slower of the two intervals from now on, even if nobody is left to
      // hear the agent's answer; its later hellos declare the interval it keeps.
      host.setSampleIntervalMs(Math.max(host.sampleIntervalMs(), command.intervalMs()));
    }
    host.agent.link.send(
        codec.encode(
            new Command(relayId, command.hostId(), command.action(), command.intervalMs())));
  }

  private String refusal(Command command, HostRecord host) {
    if (host == null) {
      return "no host '" + command.hostId() + "'";
    }
    if (host.agent == null) {
      return "host '" + command.hostId() + "' is not connected";
    }
    if (command.action() == CommandAction.SET_SAMPLE_INTERVAL) {
      Long ms = command.intervalMs();
      if (ms == null || ms < MIN_SAMPLE_INTERVAL_MS || ms > MAX_SAMPLE_INTERVAL_MS) {
        return "sample interval must be "
            + MIN_SAMPLE_INTERVAL_MS
            + " to "
            + MAX_SAMPLE_INTERVAL_MS
            + " ms, got "
            + ms;
      }
    }
    if (pending.size() >= MAX_PENDING) {
      return "too many commands waiting for agents (" + MAX_PENDING + ")";
    }
    return null;
  }

  /**
   * Passes an agent's result back to the dashboard that asked; returns the command it answers (as
   * the dashboard sent it), or null if none is waiting (late, or not this host's).
   */
  Command result(String fromHostId, Result result) {
    Pending p = pending.get(result.requestId());
    if (p == null || !p.hostId().equals(fromHostId)) {
      return null;
    }
    pending.remove(result.requestId());
    reply.accept(p.dashboard(), new Result(p.requestId(), result.ok(), result.error()));
    return p.command();
  }

  /** Answers commands whose agent did not answer in time, or whose agent went away. */
  void expire(long nowNanos, java.util.function.Predicate<String> hostConnected) {
    // Collected first: a reply can flush the hub, which may close a slow dashboard and so call
    // dashboardLeft, which edits the map.
    java.util.List<Map.Entry<Pending, String>> answers = new java.util.ArrayList<>();
    for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
      Pending p = it.next();
      if (nowNanos > p.deadlineNanos()) {
        it.remove();
        answers.add(
            Map.entry(
                p,
                "the agent of '"
                    + p.hostId()
                    + "' did not answer within "
                    + answerTimeoutNanos / 1_000_000
                    + " ms"));
      } else if (!hostConnected.test(p.hostId())) {
        it.remove();
        answers.add(Map.entry(p, "host '" + p.hostId() + "' disconnected"));
      }
    }
    for (Map.Entry<Pending, String> a : answers) {
      reply.accept(a.getKey().dashboard(), Result.failure(a.getKey().requestId(), a.getValue()));
    }
  }

  /** Forgets what {@code dashboard} was waiting for: it left. */
  void dashboardLeft(PeerLink dashboard) {
    pending.values().removeIf(p -> p.dashboard() == dashboard);
  }
}
