package dev.cogent.tools.sandbox;

import dev.cogent.tools.Cancellation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one prepared process to its end: closes its stdin, collects its combined output up to a cap,
 * and kills its whole process tree when it runs out of time or the run is cancelled. The part of
 * the sandbox contract both backends share.
 */
final class ProcessRunner {

  /** How long a process tree gets to exit after SIGTERM before it is killed outright. */
  private static final Duration KILL_GRACE = Duration.ofMillis(500);

  /**
   * How long the output is still read after the process ended; a background child that keeps the
   * pipe open would otherwise hold the call forever.
   */
  private static final Duration DRAIN_GRACE = Duration.ofSeconds(1);

  private ProcessRunner() {}

  static CommandResult run(
      ProcessBuilder builder, Duration timeout, int maxOutputBytes, Cancellation cancellation) {
    builder.redirectErrorStream(true);
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return new CommandResult(
          "cannot start " + builder.command().get(0) + ": " + e.getMessage(),
          CommandResult.NOT_STARTED_EXIT_CODE,
          false,
          false,
          false);
    }
    OutputCollector output = new OutputCollector(process.getInputStream(), maxOutputBytes);
    Thread reader = new Thread(output, "sandbox-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();

    CompletableFuture<Void> cancelled = new CompletableFuture<>();
    boolean timedOut = false;
    Cancellation.Registration registration = cancellation.onCancel(() -> cancelled.complete(null));
    try {
      CompletableFuture.anyOf(process.onExit(), cancelled)
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      timedOut = true;
    } catch (InterruptedException e) {
      // An interrupted caller is treated as a cancelled one; the flag is kept for the caller.
      Thread.currentThread().interrupt();
      cancelled.complete(null);
    } catch (ExecutionException e) {
      throw new IllegalStateException("waiting for process " + process.pid() + " failed", e);
    } finally {
      registration.close();
    }
    boolean wasCancelled = cancelled.isDone() || cancellation.isCancelled();
    if (process.isAlive()) {
      killTree(process);
    }
    int exitCode = waitForExit(process);
    awaitReader(reader);
    return new CommandResult(
        output.text(),
        timedOut && !wasCancelled ? CommandResult.TIMEOUT_EXIT_CODE : exitCode,
        output.isTruncated(),
        timedOut && !wasCancelled,
        wasCancelled);
  }

  /**
   * Sends SIGTERM to the process and every descendant (collected first: once the parent is gone
   * they are no longer its descendants), then SIGKILL to whatever is still alive after a grace.
   */
  static void killTree(Process process) {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    CompletableFuture<?>[] exits =
        tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(exits).get(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // Still alive after the grace: no more asking.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("waiting for process " + process.pid() + " failed", e);
    }
    // Children forked during the grace are descendants of survivors, so look again.
    List<ProcessHandle> survivors = new ArrayList<>();
    for (ProcessHandle handle : tree) {
      if (handle.isAlive()) {
        survivors.addAll(handle.descendants().toList());
        survivors.add(handle);
      }
    }
    survivors.forEach(ProcessHandle::destroyForcibly);
  }

  private static int waitForExit(Process process) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return process.waitFor();
        } catch (InterruptedException e) {
          // The process was killed or ended; its exit is a moment away, so finish waiting.
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void awaitReader(Thread reader) {
    try {
      reader.join(DRAIN_GRACE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reads a stream to its end, keeping the first {@code maxBytes} bytes. */
  static final class OutputCollector implements Runnable {

    private final InputStream input;
    private final byte[] kept;
    private int keptBytes;
    private long totalBytes;

    OutputCollector(InputStream input, int maxBytes) {
      this.input = input;
      this.kept = new byte[maxBytes];
    }

    @Override
    public void run() {
      byte[] chunk = new byte[8192];
      try (input) {
        int read;
        while ((read = input.read(chunk)) >= 0) {
          append(chunk, read);
        }
      } catch (IOException e) {
        // The stream closes under us when the process is killed; what was read is the output.
      }
    }

    private synchronized void append(byte[] chunk, int length) {
      int room = Math.min(length, kept.length - keptBytes);
      System.arraycopy(chunk, 0, kept, keptBytes, room);
      keptBytes += room;
      totalBytes += length;
    }

    synchronized boolean isTruncated() {
      return totalBytes > keptBytes;
    }

    /** The kept bytes as text, with a note when more was dropped. */
    synchronized String text() {
      if (!isTruncated()) {
        // new String replaces malformed input, so binary output never fails the call.
        return new String(kept, 0, keptBytes, StandardCharsets.UTF_8);
      }
      return decodeCut(kept, keptBytes)
          + "\n... [output truncated: showing the first "
          + keptBytes
          + " of "
          + totalBytes
          + " bytes]";
    }

    /** Decodes the kept bytes, leaving out a character the cap cut in two. */
    private static String decodeCut(byte[] bytes, int length) {
      int end = length;
      int lead = length - 1;
      while (lead > 0 && lead > length - 4 && (bytes[lead] & 0xC0) == 0x80) {
        lead--;
      }
      if (lead >= 0 && lead < length && lead + sequenceLength(bytes[lead]) > length) {
        end = lead;
      }
      return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    private static int sequenceLength(byte lead) {
      if ((lead & 0xE0) == 0xC0) {
        return 2;
      }
      if ((lead & 0xF0) == 0xE0) {
        return 3;
      }
      if ((lead & 0xF8) == 0xF0) {
        return 4;
      }
      return 1;
    }
  }
}
