package dev.vigil.server.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The relay's own threads (core, WebSocket selector and workers, history, JSON writers) in this
 * JVM, for a test's timeout message: a wait that times out then says whether the relay was stuck,
 * and where, or idle. Idle threads take one line; a busy one shows its top frames.
 */
public final class RelayThreads {
  private static final int MAX_FRAMES = 10;

  private RelayThreads() {}

  /** One line per idle relay thread, the top frames of each busy one; empty when there are none. */
  public static String dump() {
    List<String> idle = new ArrayList<>();
    StringBuilder busy = new StringBuilder();
    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      Thread t = e.getKey();
      if (!isRelayThread(t.getName())) {
        continue;
      }
      StackTraceElement[] frames = e.getValue();
      if (isIdle(frames)) {
        idle.add(t.getName());
        continue;
      }
      busy.append("\n  ").append(t.getName()).append(' ').append(t.getState());
      for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
        busy.append("\n      at ").append(frames[i]);
      }
    }
    if (idle.isEmpty() && busy.length() == 0) {
      return "";
    }
    return "\nrelay threads idle: " + idle + busy;
  }

  /** Relay threads; the test clients' own Java-WebSocket threads are left out. */
  private static boolean isRelayThread(String name) {
    return name.startsWith("vigil-")
        || name.startsWith("WebSocketWorker")
        || name.startsWith("WebSocketSelector");
  }

  /**
   * Waiting for work: a pool's queue, a worker's queue, the selector's select, or the history
   * writer's pause between drains.
   */
  private static boolean isIdle(StackTraceElement[] frames) {
    if (frames.length > 2
        && frames[1].getMethodName().equals("parkNanos")
        && frames[2].getClassName().endsWith("HistoryWriter")) {
      return true;
    }
    for (StackTraceElement f : frames) {
      String where = f.getClassName() + "." + f.getMethodName();
      if (where.endsWith("ThreadPoolExecutor.getTask")
          || where.endsWith("LinkedBlockingQueue.take")
          || where.endsWith("EPoll.wait")) {
        return true;
      }
    }
    return false;
  }
}
