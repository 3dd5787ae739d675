package org.convstudio.ui.common;

import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Hands the latest immutable snapshot from worker threads to the FX thread, coalesced: at most one
 * delivery per pulse and per {@linkplain #setMinInterval minimum interval}.
 *
 * <p>Workers call {@link #publish(Object)} as often as they like (every batch, every step); it swaps
 * an {@link AtomicReference} and, only if no delivery is already on its way, arranges one — so the
 * FX event queue sees at most one pending delivery whatever the publishing rate, and nothing wakes
 * the UI while nothing is published (no always-running animation timer forcing 60 pulses a second).
 * Intermediate snapshots are dropped on purpose: the UI shows the newest state, not every state.
 * Snapshots must therefore be complete (e.g. "all points so far"), not deltas.
 *
 * <p>{@link #drain()} does the same work synchronously and can be called from tests without a
 * running toolkit.
 */
public final class PulseDrain<T> {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "convstudio-pulse-drain");
        t.setDaemon(true);
        return t;
    });

    private final AtomicReference<T> latest = new AtomicReference<>();
    private final Consumer<? super T> sink;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean running;
    private volatile long minIntervalNanos;
    private volatile BiPredicate<? super T, ? super T> urgent = (shown, next) -> false;
    private volatile long lastDelivery;
    private volatile T lastDelivered;

    private final java.util.concurrent.Executor uiThread;

    public PulseDrain(Consumer<? super T> sink) {
        this(sink, Platform::runLater);
    }

    /**
     * A drain that delivers through {@code uiThread} (the FX thread in the app; a test's own queue in
     * unit tests without the toolkit).
     */
    public PulseDrain(Consumer<? super T> sink, java.util.concurrent.Executor uiThread) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
    }

    /** Offers a snapshot; thread-safe, non-blocking. Replaces any snapshot not yet delivered. */
    public void publish(T snapshot) {
        latest.set(Objects.requireNonNull(snapshot, "snapshot"));
        published.incrementAndGet();
        if (!running) {
            return;
        }
        if (urgent.test(lastDelivered, snapshot)) {
            uiThread.execute(this::deliver);
        } else {
            schedule();
        }
    }

    /** Arranges one delivery, after the minimum interval since the last one; no-op if one is on its way. */
    private void schedule() {
        if (!scheduled.compareAndSet(false, true)) {
            return;
        }
        long wait = lastDelivery + minIntervalNanos - System.nanoTime();
        if (wait <= 0) {
            uiThread.execute(this::deliver);
        } else {
            TIMER.schedule(() -> uiThread.execute(this::deliver), wait, TimeUnit.NANOSECONDS);
        }
    }

    /** On the FX thread: hands over what is pending. */
    private void deliver() {
        scheduled.set(false);
        if (running) {
            drain();
        }
    }

    /**
     * Delivers the pending snapshot, if any, to the sink on the calling thread.
     *
     * @return true if a snapshot was delivered
     */
    public boolean drain() {
        T snapshot = latest.getAndSet(null);
        if (snapshot == null) {
            return false;
        }
        lastDelivery = System.nanoTime();
        lastDelivered = snapshot;
        delivered.incrementAndGet();
        sink.accept(snapshot);
        return true;
    }

    /** True if a snapshot is waiting to be delivered. */
    public boolean isPending() {
        return latest.get() != null;
    }

    /** Starts delivering to the FX thread (a snapshot already pending goes out at once). */
    public void start() {
        running = true;
        if (latest.get() != null) {
            schedule();
        }
    }

    /**
     * Delivers at most one snapshot per {@code nanos}, except snapshots for which
     * {@code urgentTest(lastDelivered, next)} holds (e.g. a state change), which go out on the next
     * pulse. {@code lastDelivered} is null before the first delivery. The test runs on the publishing
     * thread: it may only look at the two immutable snapshots. Fewer deliveries mean less layout and
     * rendering competing with the workers for the CPU.
     */
    public void setMinInterval(long nanos, BiPredicate<? super T, ? super T> urgentTest) {
        this.minIntervalNanos = Math.max(0, nanos);
        this.urgent = Objects.requireNonNull(urgentTest, "urgentTest");
    }

    /** Stops delivering (a pending snapshot stays pending until {@link #start()}). */
    public void stop() {
        running = false;
    }

    /** Number of snapshots offered so far. */
    public long publishedCount() {
        return published.get();
    }

    /** Number of snapshots handed to the sink so far (at most one per pulse). */
    public long deliveredCount() {
        return delivered.get();
    }
}
