package org.convstudio.ui.common;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import javafx.animation.AnimationTimer;

/**
 * Hands the latest immutable snapshot from worker threads to the FX thread, at most once per pulse.
 *
 * <p>Workers call {@link #publish(Object)} as often as they like (every batch, every step); it only
 * swaps an {@link AtomicReference}, so it never blocks and never floods the FX event queue. While
 * {@link #start() started}, an {@link AnimationTimer} on the FX thread takes the latest snapshot (if
 * any arrived since the last pulse) and hands it to the sink. Intermediate snapshots are dropped on
 * purpose: the UI shows the newest state, not every state. Snapshots must therefore be complete
 * (e.g. "all points so far"), not deltas.
 *
 * <p>{@link #drain()} does the same work synchronously and can be called from tests without a
 * running toolkit.
 */
public final class PulseDrain<T> {

    private final AtomicReference<T> latest = new AtomicReference<>();
    private final Consumer<? super T> sink;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private AnimationTimer timer;
    private long minIntervalNanos;
    private java.util.function.Predicate<? super T> urgent = t -> false;
    private long lastDelivery;

    public PulseDrain(Consumer<? super T> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Offers a snapshot; thread-safe, non-blocking. Replaces any snapshot not yet delivered. */
    public void publish(T snapshot) {
        latest.set(Objects.requireNonNull(snapshot, "snapshot"));
        published.incrementAndGet();
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
        delivered.incrementAndGet();
        sink.accept(snapshot);
        return true;
    }

    /** True if a snapshot is waiting to be delivered. */
    public boolean isPending() {
        return latest.get() != null;
    }

    /** Starts draining once per pulse. Must be called on the FX thread. */
    public void start() {
        if (timer == null) {
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    T pending = latest.get();
                    if (pending == null) {
                        return;
                    }
                    if (minIntervalNanos > 0 && now - lastDelivery < minIntervalNanos && !urgent.test(pending)) {
                        return; // stays pending: a newer one may replace it before the next delivery
                    }
                    lastDelivery = now;
                    drain();
                }
            };
        }
        timer.start();
    }

    /**
     * Delivers at most one snapshot per {@code nanos} (on the pulse after the interval), except
     * snapshots for which {@code urgentTest} holds (e.g. a state change), which go out on the next
     * pulse. Fewer deliveries mean less layout and rendering competing with the workers for the CPU.
     * Call on the FX thread.
     */
    public void setMinInterval(long nanos, java.util.function.Predicate<? super T> urgentTest) {
        this.minIntervalNanos = Math.max(0, nanos);
        this.urgent = Objects.requireNonNull(urgentTest, "urgentTest");
    }

    /** Stops the per-pulse drain (a pending snapshot stays pending). Must be called on the FX thread. */
    public void stop() {
        if (timer != null) {
            timer.stop();
        }
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
