package org.crmkit.examples.demo;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Runs named demo steps, showing a live elapsed-time indicator on the error stream for any step
 * that takes longer than a second (only when it is an interactive terminal), and a completion line
 * with the step's duration.
 */
public final class Progress {
  private final PrintWriter err;
  private final boolean interactive;

  /** Progress written to {@code err}; the live indicator only if {@code interactive}. */
  public Progress(PrintWriter err, boolean interactive) {
    this.err = err;
    this.interactive = interactive;
  }

  /** Runs {@code step}, reporting its progress, and returns its result. */
  public <T> T step(String name, Callable<T> step) throws Exception {
    long start = System.nanoTime();
    Thread ticker = null;
    if (interactive) {
      ticker = new Thread(() -> {
        String[] frames = {"|", "/", "-", "\\"};
        int frame = 0;
        try {
          Thread.sleep(1000);
          while (!Thread.currentThread().isInterrupted()) {
            synchronized (err) {
              err.printf(Locale.ROOT, "\r%s %s ... %.1f s", frames[frame++ % 4], name,
                  (System.nanoTime() - start) / 1e9);
              err.flush();
            }
            Thread.sleep(100);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "crmkit-progress");
      ticker.setDaemon(true);
      ticker.start();
    }
    try {
      return step.call();
    } finally {
      if (ticker != null) {
        ticker.interrupt();
        ticker.join();
      }
      synchronized (err) {
        err.printf(Locale.ROOT, "%s[done] %s (%.1f s)%n", interactive ? "\r\033[K" : "", name,
            (System.nanoTime() - start) / 1e9);
        err.flush();
      }
    }
  }
}
