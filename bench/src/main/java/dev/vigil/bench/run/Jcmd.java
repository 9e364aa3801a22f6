package dev.vigil.bench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Asks another JVM about its heap through {@code jcmd}. */
public final class Jcmd {
  /** Longest a jcmd call may take (a class histogram of a big heap takes a while). */
  static final long TIMEOUT_SECONDS = 120;

  private Jcmd() {}

  /**
   * Bytes of live objects in JVM {@code pid}: {@code GC.class_histogram} runs a full collection
   * first, then its {@code Total} line sums what survived.
   */
  public static long liveHeapBytes(long pid) throws IOException, InterruptedException {
    return totalBytes(run(pid, "GC.class_histogram"));
  }

  /** The byte count of the {@code Total} line of a class histogram. */
  static long totalBytes(String histogram) throws IOException {
    for (String line : histogram.split("\n")) {
      String trimmed = line.trim();
      if (trimmed.startsWith("Total")) {
        String[] parts = trimmed.split("\\s+");
        if (parts.length >= 3) {
          return Long.parseLong(parts[2]);
        }
      }
    }
    throw new IOException("no Total line in the class histogram");
  }

  private static String run(long pid, String command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    String executable = Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd";
    Process process =
        new ProcessBuilder(executable, Long.toString(pid), command)
            .redirectErrorStream(true)
            .start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("jcmd " + pid + " " + command + " timed out");
    }
    String text = new String(out, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IOException("jcmd " + pid + " " + command + " failed: " + text.trim());
    }
    return text;
  }
}
