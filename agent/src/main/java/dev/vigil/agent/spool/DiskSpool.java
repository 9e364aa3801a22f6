package dev.vigil.agent.spool;

import dev.vigil.protocol.Protocol;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link OutboundStore} in a directory: append-only segment files of checksummed records, the
 * stream's epoch and the acknowledged position. Every append is written to the file at once, so a
 * killed agent loses nothing it had buffered; {@link #sync()} makes it durable against power loss
 * too. A torn record at the end of a segment (the process died mid-write) is cut off on open. When
 * the buffer passes its size bound the oldest segment goes, and its unacknowledged messages are
 * counted as dropped: the relay then sees the numbers jump and says so. One process at a time: the
 * directory is locked while open, so a second agent on the same state directory gets a clear error
 * instead of interleaving its records with the first one's.
 *
 * <p>Record layout: {@code int length | int crc32(seq, text) | long seq | text (UTF-8)}.
 */
public final class DiskSpool implements OutboundStore {
  /** Default size bound: more than 24 h of 1 Hz samples of a well-equipped host (~2 KB each). */
  public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

  /** Least size bound accepted: two segments. */
  public static final long MIN_MAX_BYTES = 2 * 1024 * 1024;

  /** A segment is closed and a new one started once it reaches this size. */
  static final long SEGMENT_BYTES = 1024 * 1024;

  /** Largest message stored: what the relay accepts. A larger one could never be delivered. */
  static final int MAX_TEXT_BYTES = Protocol.MAX_INBOUND_MESSAGE_BYTES;

  static final int HEADER_BYTES = Integer.BYTES + Integer.BYTES + Long.BYTES;
  static final String EPOCH_FILE = "epoch";
  static final String ACKNOWLEDGED_FILE = "acknowledged";
  static final String LOCK_FILE = "lock";
  private static final String SEGMENT_PREFIX = "seg-";
  private static final String SEGMENT_SUFFIX = ".log";
  private static final int READ_BUFFER_BYTES = 64 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(DiskSpool.class);

  private final Path dir;
  private final long maxBytes;
  private final String epoch;
  private final FileChannel lockChannel;
  private final TreeMap<Long, Segment> segments = new TreeMap<>();
  // Reused by every append (under the lock): one header buffer, one checksum.
  private final ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
  private final ByteBuffer[] record = new ByteBuffer[2];
  private final CRC32 crc = new CRC32();
  private Segment active;
  private FileChannel activeChannel;
  private long lastSeq;
  private long acknowledgedSeq;
  private long totalBytes;
  private long dropped;
  private Cursor cursor;

  private static final class Segment {
    final Path path;
    final long firstSeq;
    long lastSeq;
    long bytes;

    Segment(Path path, long firstSeq) {
      this.path = path;
      this.firstSeq = firstSeq;
      this.lastSeq = firstSeq - 1;
    }
  }

  /** Where the last read stopped, so a replay reads each record once. */
  private record Cursor(Segment segment, long position, long lastSeq) {}

  private DiskSpool(
      Path dir, FileChannel lockChannel, long maxBytes, String epoch, long acknowledgedSeq) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.maxBytes = maxBytes;
    this.epoch = epoch;
    this.acknowledgedSeq = acknowledgedSeq;
  }

  /**
   * Opens the buffer in {@code dir}, creating it if needed, and recovers what a previous run left:
   * its epoch, its acknowledged position and every intact record.
   */
  public static DiskSpool open(Path dir, long maxBytes) throws IOException {
    if (maxBytes < MIN_MAX_BYTES) {
      throw new IllegalArgumentException(
          "buffer size must be at least " + MIN_MAX_BYTES + " bytes, got " + maxBytes);
    }
    Files.createDirectories(dir);
    FileChannel lockChannel = lock(dir);
    try {
      return open(dir, lockChannel, maxBytes);
    } catch (IOException | RuntimeException e) {
      lockChannel.close();
      throw e;
    }
  }

  /** Locks {@code dir} for this process, or says which directory another process holds. */
  private static FileChannel lock(Path dir) throws IOException {
    FileChannel channel =
        FileChannel.open(
            dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IOException(
          "the store-and-forward buffer in "
              + dir
              + " is in use by another agent; give each agent its own state directory");
    }
    return channel;
  }

  private static DiskSpool open(Path dir, FileChannel lockChannel, long maxBytes)
      throws IOException {
    Path epochFile = dir.resolve(EPOCH_FILE);
    String epoch = null;
    if (Files.exists(epochFile)) {
      epoch = Files.readString(epochFile, StandardCharsets.UTF_8).trim();
    }
    long acknowledged = 0;
    if (epoch == null || epoch.isEmpty()) {
      // No epoch: whatever is here cannot be told apart from another stream's. Start afresh.
      for (Path p : segmentFiles(dir)) {
        Files.delete(p);
      }
      Files.deleteIfExists(dir.resolve(ACKNOWLEDGED_FILE));
      epoch = UUID.randomUUID().toString();
      writeAtomically(epochFile, epoch);
    } else {
      acknowledged = readAcknowledged(dir.resolve(ACKNOWLEDGED_FILE));
    }
    DiskSpool spool = new DiskSpool(dir, lockChannel, maxBytes, epoch, acknowledged);
    spool.recover();
    return spool;
  }

  private void recover() throws IOException {
    for (Path p : segmentFiles(dir)) {
      String name = p.getFileName().toString();
      long first =
          Long.parseLong(
              name.substring(SEGMENT_PREFIX.length(), name.length() - SEGMENT_SUFFIX.length()));
      Segment s = new Segment(p, first);
      scan(s);
      if (s.lastSeq < s.firstSeq || s.lastSeq <= acknowledgedSeq) {
        Files.delete(p);
        continue;
      }
      segments.put(first, s);
      totalBytes += s.bytes;
    }
    lastSeq = acknowledgedSeq;
    if (!segments.isEmpty()) {
      lastSeq = Math.max(lastSeq, segments.lastEntry().getValue().lastSeq);
    }
    if (pendingCount() > 0) {
      LOG.info(
          "store-and-forward buffer {}: {} messages waiting for the relay (up to #{})",
          dir,
          pendingCount(),
          lastSeq);
    }
  }

  /** Reads a segment's intact records; cuts off a torn or corrupt tail. */
  private static void scan(Segment s) throws IOException {
    long size = Files.size(s.path);
    CRC32 crc = new CRC32();
    ByteBuffer seqBytes = ByteBuffer.allocate(Long.BYTES);
    long good = 0;
    try (FileChannel ch = FileChannel.open(s.path, StandardOpenOption.READ);
        DataInputStream in = reader(ch, 0)) {
      long expected = s.firstSeq;
      while (good + HEADER_BYTES <= size) {
        int length = in.readInt();
        int checksum = in.readInt();
        long seq = in.readLong();
        if (length < 0 || length > MAX_TEXT_BYTES || good + HEADER_BYTES + length > size) {
          break;
        }
        byte[] text = new byte[length];
        in.readFully(text);
        if (seq != expected || checksum != checksum(crc, seqBytes.putLong(0, seq), text)) {
          break;
        }
        good += HEADER_BYTES + length;
        s.lastSeq = seq;
        expected++;
      }
    } catch (EOFException e) {
      // torn record: cut below
    }
    if (good < size) {
      LOG.warn(
          "store-and-forward segment {}: cutting {} bytes of a torn or corrupt record",
          s.path.getFileName(),
          size - good);
      try (FileChannel ch = FileChannel.open(s.path, StandardOpenOption.WRITE)) {
        ch.truncate(good);
      }
    }
    s.bytes = good;
  }

  @Override
  public String epoch() {
    return epoch;
  }

  @Override
  public synchronized long append(LongFunction<String> encode) {
    long seq = lastSeq + 1;
    byte[] text = encode.apply(seq).getBytes(StandardCharsets.UTF_8);
    if (text.length > MAX_TEXT_BYTES) {
      throw new IllegalArgumentException(
          "message of " + text.length + " bytes is over the relay's limit of " + MAX_TEXT_BYTES);
    }
    int recordBytes = HEADER_BYTES + text.length;
    try {
      if (active == null || active.bytes + recordBytes > SEGMENT_BYTES && active.bytes > 0) {
        roll(seq);
      }
      header.clear().putInt(0, text.length).putLong(8, seq);
      header.putInt(4, checksum(crc, header.slice(8, Long.BYTES), text));
      record[0] = header;
      record[1] = ByteBuffer.wrap(text);
      while (record[1].hasRemaining()) {
        activeChannel.write(record); // one gathering write: header and text together
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the store-and-forward buffer in " + dir, e);
    }
    active.lastSeq = seq;
    active.bytes += recordBytes;
    totalBytes += recordBytes;
    lastSeq = seq;
    enforceBound();
    return seq;
  }

  private void roll(long firstSeq) throws IOException {
    if (activeChannel != null) {
      activeChannel.force(false);
      activeChannel.close();
    }
    Path path = dir.resolve(String.format("%s%020d%s", SEGMENT_PREFIX, firstSeq, SEGMENT_SUFFIX));
    activeChannel =
        FileChannel.open(
            path,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
    active = new Segment(path, firstSeq);
    segments.put(firstSeq, active);
  }

  private void enforceBound() {
    while (totalBytes > maxBytes && segments.size() > 1) {
      Segment oldest = segments.pollFirstEntry().getValue();
      long lost = oldest.lastSeq - Math.max(acknowledgedSeq, oldest.firstSeq - 1);
      if (lost > 0) {
        dropped += lost;
        LOG.warn(
            "store-and-forward buffer full ({} bytes): dropped {} unsent messages #{}..#{}",
            maxBytes,
            lost,
            Math.max(acknowledgedSeq + 1, oldest.firstSeq),
            oldest.lastSeq);
      }
      delete(oldest);
    }
  }

  @Override
  public synchronized List<Entry> readAfter(long afterSeq, int maxCount, int maxBytes) {
    List<Entry> out = new ArrayList<>();
    if (afterSeq >= lastSeq || segments.isEmpty() || maxCount <= 0) {
      return out;
    }
    Segment segment;
    long position;
    Cursor c = cursor;
    if (c != null && c.lastSeq() == afterSeq && segments.get(c.segment().firstSeq) == c.segment()) {
      segment = c.segment();
      position = c.position();
    } else {
      Map.Entry<Long, Segment> floor = segments.floorEntry(afterSeq + 1);
      segment = floor != null ? floor.getValue() : segments.firstEntry().getValue();
      position = 0;
    }
    int bytes = 0;
    long last = afterSeq;
    try {
      while (segment != null && out.size() < maxCount && (out.isEmpty() || bytes < maxBytes)) {
        if (position >= segment.bytes) {
          Map.Entry<Long, Segment> next = segments.higherEntry(segment.firstSeq);
          segment = next == null ? null : next.getValue();
          position = 0;
          continue;
        }
        try (FileChannel ch = FileChannel.open(segment.path, StandardOpenOption.READ);
            DataInputStream in = reader(ch, position)) {
          while (position < segment.bytes
              && out.size() < maxCount
              && (out.isEmpty() || bytes < maxBytes)) {
            int length = in.readInt();
            in.readInt(); // crc, checked when the segment was recovered or written
            long seq = in.readLong();
            byte[] text = new byte[length];
            in.readFully(text);
            position += HEADER_BYTES + length;
            if (seq > afterSeq) {
              out.add(new Entry(seq, new String(text, StandardCharsets.UTF_8)));
              bytes += length;
              last = seq;
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the store-and-forward buffer in " + dir, e);
    }
    cursor = segment == null ? null : new Cursor(segment, position, last);
    return out;
  }

  @Override
  public synchronized void acknowledge(long upToSeq) {
    long upTo = Math.min(upToSeq, lastSeq);
    if (upTo <= acknowledgedSeq) {
      return;
    }
    acknowledgedSeq = upTo;
    try {
      writeAtomically(dir.resolve(ACKNOWLEDGED_FILE), Long.toString(upTo));
    } catch (IOException e) {
      LOG.warn("cannot record the acknowledged position in {}: {}", dir, e.toString());
    }
    while (!segments.isEmpty()) {
      Segment oldest = segments.firstEntry().getValue();
      if (oldest == active || oldest.lastSeq > acknowledgedSeq) {
        break;
      }
      segments.pollFirstEntry();
      delete(oldest);
    }
  }

  @Override
  public synchronized long lastSeq() {
    return lastSeq;
  }

  @Override
  public synchronized long acknowledgedSeq() {
    return acknowledgedSeq;
  }

  @Override
  public synchronized long pendingCount() {
    if (segments.isEmpty()) {
      return 0;
    }
    long oldestStored = segments.firstKey();
    return Math.max(0, lastSeq - Math.max(acknowledgedSeq, oldestStored - 1));
  }

  @Override
  public synchronized long droppedCount() {
    return dropped;
  }

  @Override
  public synchronized void sync() {
    if (activeChannel == null) {
      return;
    }
    try {
      activeChannel.force(false);
    } catch (IOException e) {
      LOG.warn("cannot sync the store-and-forward buffer in {}: {}", dir, e.toString());
    }
  }

  /** Makes everything durable and releases the directory. Closing again does nothing. */
  @Override
  public synchronized void close() {
    try {
      if (activeChannel != null) {
        activeChannel.force(false);
        activeChannel.close();
      }
      lockChannel.close(); // releases the lock
    } catch (IOException e) {
      LOG.warn("cannot close the store-and-forward buffer in {}: {}", dir, e.toString());
    }
    activeChannel = null;
    active = null;
  }

  private void delete(Segment s) {
    totalBytes -= s.bytes;
    if (cursor != null && cursor.segment() == s) {
      cursor = null;
    }
    try {
      if (s == active) {
        activeChannel.close();
        activeChannel = null;
        active = null;
      }
      Files.deleteIfExists(s.path);
    } catch (IOException e) {
      LOG.warn("cannot delete {}: {}", s.path, e.toString());
    }
  }

  private static DataInputStream reader(FileChannel ch, long position) throws IOException {
    ch.position(position);
    InputStream raw = Channels.newInputStream(ch);
    return new DataInputStream(new BufferedInputStream(raw, READ_BUFFER_BYTES));
  }

  /** CRC-32 of the record's sequence number (8 bytes, big-endian) and text. */
  private static int checksum(CRC32 crc, ByteBuffer seqBytes, byte[] text) {
    crc.reset();
    crc.update(seqBytes.duplicate().clear());
    crc.update(text);
    return (int) crc.getValue();
  }

  private static List<Path> segmentFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(
              p -> {
                String n = p.getFileName().toString();
                return n.startsWith(SEGMENT_PREFIX) && n.endsWith(SEGMENT_SUFFIX);
              })
          .sorted()
          .toList();
    }
  }

  private static long readAcknowledged(Path file) {
    try {
      return Files.exists(file) ? Long.parseLong(Files.readString(file).trim()) : 0;
    } catch (IOException | NumberFormatException e) {
      LOG.warn("ignoring an unreadable acknowledged position in {}: {}", file, e.toString());
      return 0;
    }
  }

  private static void writeAtomically(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
