package dev.vigil.bench.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Results as JSON Lines, one record per line, appended by each run and read back by the report:
 * separate processes per cell share nothing else.
 */
public final class ResultsFile {
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private ResultsFile() {}

  /** Appends {@code record} as one line to {@code file}, creating it if needed. */
  public static void append(Path file, Object record) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(
        file,
        GSON.toJson(record) + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  /** Every record in {@code file}; an absent file reads as none. */
  public static <T> List<T> read(Path file, Class<T> type) throws IOException {
    List<T> records = new ArrayList<>();
    if (!Files.exists(file)) {
      return records;
    }
    int lineNumber = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      try {
        records.add(GSON.fromJson(line, type));
      } catch (RuntimeException e) {
        throw new IOException(file + ":" + lineNumber + ": not a " + type.getSimpleName(), e);
      }
    }
    return records;
  }
}
