package dev.vigil.bench.forwarder;

import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the {@link BareForwarder} as its own process until it is stopped. */
@Command(
    name = "bare-forwarder",
    mixinStandardHelpOptions = true,
    description = "Re-broadcasts every text frame from /agent connections to /dashboard ones.")
public final class ForwarderMain implements Callable<Integer> {
  @Option(names = "--host", description = "address to listen on (default 127.0.0.1)")
  String host = "127.0.0.1";

  @Option(names = "--port", required = true, description = "port to listen on")
  int port;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ForwarderMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    BareForwarder forwarder = new BareForwarder(new InetSocketAddress(host, port));
    forwarder.startListening();
    System.out.println("bare forwarder listening on " + host + ":" + forwarder.getPort());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    forwarder.stop(1000);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  stopped.countDown();
                },
                "bare-forwarder-shutdown"));
    stopped.await();
    return 0;
  }
}
