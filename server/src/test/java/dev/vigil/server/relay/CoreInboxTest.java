package dev.vigil.server.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CoreInboxTest {
  private final ScheduledThreadPoolExecutor core = new ScheduledThreadPoolExecutor(1);
  private final CoreInbox inbox = new CoreInbox(core, TimeUnit.MICROSECONDS.toNanos(500));

  @AfterEach
  void stop() {
    core.shutdownNow();
  }

  @Test
  void tasksFromEveryProducerRunOnTheCoreInTheOrderEachOfferedThem() throws Exception {
    int producers = 4;
    int perProducer = 3 * CoreInbox.MAX_TASKS_PER_DRAIN;
    List<List<Integer>> seen = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      seen.add(new ArrayList<>());
    }
    CountDownLatch done = new CountDownLatch(producers * perProducer);
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      int producer = p;
      threads.add(
          new Thread(
              () -> {
                for (int i = 0; i < perProducer; i++) {
                  int n = i;
                  inbox.offer(
                      () -> {
                        seen.get(producer).add(n); // core thread only: no lock needed
                        done.countDown();
                      });
                }
              }));
    }
    threads.forEach(Thread::start);

    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    for (List<Integer> order : seen) {
      assertThat(order).hasSize(perProducer).isSorted();
    }
  }

  @Test
  void inboxOfAStoppedCoreDropsTasksWithoutThrowing() {
    core.shutdown();

    assertThatCode(() -> inbox.offer(() -> {})).doesNotThrowAnyException();
  }
}
