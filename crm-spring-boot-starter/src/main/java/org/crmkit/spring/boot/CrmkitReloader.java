package org.crmkit.spring.boot;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Looks at the modification times of the {@code file:} documents every {@code
 * crmkit.reload.interval} and calls {@link CrmkitDefinitions#reloadIfChanged()}: a valid new set
 * of definitions replaces the old atomically, an invalid one is logged and the old keeps serving.
 * One daemon thread, started and stopped with the application context.
 */
public final class CrmkitReloader implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(CrmkitReloader.class);

  private final CrmkitDefinitions definitions;
  private final Duration interval;
  private @Nullable ScheduledExecutorService executor;

  CrmkitReloader(CrmkitDefinitions definitions, Duration interval) {
    this.definitions = definitions;
    this.interval = interval;
  }

  @Override
  public synchronized void start() {
    ScheduledExecutorService e = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "crmkit-reload");
      t.setDaemon(true);
      return t;
    });
    long millis = Math.max(100, interval.toMillis());
    e.scheduleWithFixedDelay(() -> {
      try {
        definitions.reloadIfChanged();
      } catch (RuntimeException ex) {
        LOG.warn("crmkit definitions reload failed; the previous ones keep serving", ex);
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
    executor = e;
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
