package org.convstudio.analysis.embed;

import java.util.concurrent.Phaser;

/**
 * A fixed set of worker threads that run one data-parallel loop at a time: {@link #forRange} splits
 * {@code [0, n)} into one contiguous chunk per worker (the calling thread takes the first) and returns
 * when all chunks are done. The threads live as long as the pool (daemon threads), so an iterative
 * algorithm pays no thread start-up and no task allocation per iteration. One loop runs at a time;
 * other callers wait their turn.
 */
public final class WorkerPool implements AutoCloseable {

    /** The body of a parallel loop: handles {@code [from, to)} on worker {@code worker} (0 = the caller). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to, int worker);
    }

    private static volatile WorkerPool shared;

    private final int size;
    private final Phaser phaser;
    private final Thread[] threads;
    private volatile RangeBody body;
    private volatile int n;
    private volatile boolean closed;
    private volatile Throwable failure;

    /** A pool of {@code size} workers (the caller counts as one; {@code size - 1} threads are started). */
    public WorkerPool(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a pool needs at least one worker: " + size);
        }
        this.size = size;
        this.phaser = new Phaser(size);
        this.threads = new Thread[size - 1];
        for (int w = 1; w < size; w++) {
            int worker = w;
            Thread t = new Thread(() -> loop(worker), "embed-worker-" + w);
            t.setDaemon(true);
            threads[w - 1] = t;
            t.start();
        }
    }

    /** The pool shared by the whole application, one worker per available processor. */
    public static WorkerPool shared() {
        WorkerPool p = shared;
        if (p == null) {
            synchronized (WorkerPool.class) {
                p = shared;
                if (p == null) {
                    p = new WorkerPool(Runtime.getRuntime().availableProcessors());
                    shared = p;
                }
            }
        }
        return p;
    }

    public int size() {
        return size;
    }

    /** Runs {@code body} over {@code [0, n)} split in {@link #size()} contiguous chunks; returns when all are done. */
    public synchronized void forRange(int n, RangeBody body) {
        if (closed) {
            throw new IllegalStateException("the worker pool is closed");
        }
        if (size == 1 || n < 2) {
            body.run(0, n, 0);
            return;
        }
        this.n = n;
        this.body = body;
        this.failure = null;
        phaser.arriveAndAwaitAdvance(); // start
        Throwable mine = null;
        try {
            body.run(0, chunkEnd(0, n), 0);
        } catch (Throwable t) {
            mine = t;
        }
        phaser.arriveAndAwaitAdvance(); // end
        this.body = null;
        Throwable t = mine != null ? mine : failure;
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    /** Runs {@code body(worker)} once on every worker (for per-worker reductions). */
    public void forEachWorker(java.util.function.IntConsumer body) {
        forRange(size, (from, to, worker) -> {
            for (int i = from; i < to; i++) {
                body.accept(i);
            }
        });
    }

    private int chunkStart(int worker, int count) {
        return (int) ((long) count * worker / size);
    }

    private int chunkEnd(int worker, int count) {
        return (int) ((long) count * (worker + 1) / size);
    }

    private void loop(int worker) {
        while (true) {
            phaser.arriveAndAwaitAdvance();
            if (closed) {
                return;
            }
            RangeBody b = body;
            int count = n;
            try {
                b.run(chunkStart(worker, count), chunkEnd(worker, count), worker);
            } catch (Throwable t) {
                failure = t;
            }
            phaser.arriveAndAwaitAdvance();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (size > 1) {
            phaser.arriveAndAwaitAdvance(); // release the workers so they see the flag
        }
    }
}
