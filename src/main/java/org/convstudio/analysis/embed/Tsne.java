package org.convstudio.analysis.embed;

import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * The t-SNE optimiser (van der Maaten & Hinton 2008) with openTSNE's schedule: gradient descent with
 * momentum and per-coordinate gains on the Kullback–Leibler divergence between the sparse input
 * affinities P and the Cauchy similarities Q of the layout. Each iteration computes the attractive
 * forces over P's stored pairs ({@link Attraction}), the repulsive forces with {@link FftRepulsion} (or {@link ExactRepulsion}
 * for small N), and updates all points, every step split over the {@link WorkerPool}. The layout, the
 * forces, the update and the gains are float arrays allocated once per run. The gradient is the usual
 * one without its constant factor 4 (openTSNE's convention; the learning rate absorbs it).
 *
 * <p>Progressive: the layout is handed to the listener every {@code publishEvery} iterations.
 * Cancellable: the cancel flag is read before every iteration, so a cancelled run stops within one.
 */
public final class Tsne {

    /** The outcome of an optimisation: the layout (x, y interleaved), iterations done, whether it was cancelled. */
    public record Result(float[] layout, int iterations, boolean cancelled, Phases phases) {
        public Result(float[] layout, int iterations, boolean cancelled) {
            this(layout, iterations, cancelled, Phases.NONE);
        }
    }

    /**
     * Wall-clock seconds spent per step of the optimisation (benchmarks): attractive forces, exact repulsion,
     * the FFT path's charge spreading, convolution and interpolation back, the gradient update; and the
     * largest padded FFT grid used (0 if none).
     */
    public record Phases(double attraction, double exactRepulsion, double spread, double fft, double gather,
                         double update, int largestGrid) {
        public static final Phases NONE = new Phases(0, 0, 0, 0, 0, 0, 0);
    }

    private final WorkerPool pool;

    public Tsne(WorkerPool pool) {
        this.pool = pool;
    }

    /**
     * openTSNE's initialisation from the first two principal components ({@code pcs}, {@code n × d}
     * row-major, columns in decreasing variance), rescaled so the first coordinate has standard deviation 1e-4.
     */
    public static float[] pcaInitialization(float[] pcs, int n, int d, long seed) {
        float[] y = new float[2 * n];
        Random rnd = new Random(seed);
        for (int i = 0; i < n; i++) {
            y[2 * i] = pcs[i * d];
            y[2 * i + 1] = d > 1 ? pcs[i * d + 1] : (float) rnd.nextGaussian();
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += y[2 * i];
        }
        mean /= n;
        double var = 0;
        for (int i = 0; i < n; i++) {
            var += (y[2 * i] - mean) * (y[2 * i] - mean);
        }
        double std = Math.sqrt(var / n);
        double scale = std > 0 ? 1e-4 / std : 1e-4;
        for (int e = 0; e < 2 * n; e++) {
            y[e] = (float) (y[e] * scale);
        }
        return y;
    }

    /** The gradient of KL(P‖Q) (without the factor 4), for tests: attractive × exaggeration − repulsive / Z. */
    public static float[] gradient(Affinities p, float[] y, double exaggeration, Repulsion repulsion, WorkerPool pool) {
        int n = p.points();
        float[] rep = new float[2 * n];
        float[] grad = new float[2 * n];
        double z = repulsion.compute(y, n, rep);
        new Attraction(p, pool).compute(y, exaggeration, rep, 1.0 / z, grad);
        return grad;
    }

    /**
     * Optimises the layout {@code init} (x, y interleaved; not modified) under the affinities {@code p}.
     * Returns early, with {@code cancelled} set, when {@code cancelled} becomes true.
     */
    public Result optimize(Affinities p, float[] init, TsneOptions o, EmbeddingListener listener, BooleanSupplier cancelled) {
        int n = p.points();
        if (init.length != 2 * n) {
            throw new IllegalArgumentException("the initial layout has " + init.length / 2 + " points, the affinities " + n);
        }
        float[] y = init.clone();
        float[] rep = new float[2 * n];
        float[] grad = new float[2 * n];
        float[] update = new float[2 * n];
        float[] gains = new float[2 * n];
        java.util.Arrays.fill(gains, 1f);
        ExactRepulsion exact = new ExactRepulsion(pool);
        Attraction attraction = new Attraction(p, pool);
        FftRepulsion fft = new FftRepulsion(pool, FftRepulsion.DEFAULT_NODES,
                o.maxGrid() > 0 ? o.maxGrid() : FftRepulsion.DEFAULT_MAX_GRID, FftRepulsion.DEFAULT_MAX_BOX_WIDTH);
        long attractNanos = 0;
        long exactNanos = 0;
        long updateNanos = 0;
        int largestGrid = 0;
        int total = o.earlyIterations() + o.iterations();
        int done = 0;
        boolean stopped = false;
        for (int it = 0; it < total; it++) {
            if (cancelled.getAsBoolean()) {
                stopped = true;
                break;
            }
            boolean early = it < o.earlyIterations();
            double exaggeration = early ? o.earlyExaggeration() : 1.0;
            double lr = o.learningRate() > 0 ? o.learningRate() : Math.max(n / exaggeration, 200);
            float momentum = (float) (early ? o.earlyMomentum() : o.momentum());
            if (it == o.earlyIterations() && it > 0) { // a fresh start for the second phase, as openTSNE
                java.util.Arrays.fill(update, 0f);
                java.util.Arrays.fill(gains, 1f);
            }
            long t0 = System.nanoTime();
            boolean useExact = useExact(y, n, o.exactBelow(), fft);
            double z = (useExact ? exact : fft).compute(y, n, rep);
            long t1 = System.nanoTime();
            if (useExact) {
                exactNanos += t1 - t0;
            } else {
                largestGrid = Math.max(largestGrid, fft.lastGrid());
            }
            attraction.compute(y, exaggeration, rep, 1.0 / Math.max(z, 1e-12), grad);
            long t2 = System.nanoTime();
            step(y, grad, update, gains, momentum, (float) lr);
            long t3 = System.nanoTime();
            attractNanos += t2 - t1;
            updateNanos += t3 - t2;
            done = it + 1;
            if (done % o.publishEvery() == 0 || done == total) {
                listener.onLayout(done, total, y.clone());
            }
        }
        double[] f = fft.phaseSeconds();
        Phases phases = new Phases(attractNanos / 1e9, exactNanos / 1e9, f[0], f[1], f[2], updateNanos / 1e9, largestGrid);
        return new Result(y, done, stopped, phases);
    }

    /**
     * Never exact when {@code exactBelow} is negative; exact below {@code exactBelow} points; otherwise whichever
     * path is cheaper for this layout: N² pair terms against the FFT path's 1-D transforms (about 6.5·P of
     * length P for the padded grid P the layout's span needs) and its spreading and interpolation. Costs
     * measured on this machine's class of CPU: about 0.35 ns per pair term (vectorised), 1.5 ns per FFT butterfly,
     * 40 ns per point.
     */
    static boolean useExact(float[] y, int n, int exactBelow, FftRepulsion fft) {
        if (exactBelow < 0) {
            return false;
        }
        if (n < exactBelow) {
            return true;
        }
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int e = 0; e < 2 * n; e++) {
            lo = Math.min(lo, y[e]);
            hi = Math.max(hi, y[e]);
        }
        int p = fft.paddedSize(hi - lo);
        double fftCost = 6.5 * p * p * (31 - Integer.numberOfLeadingZeros(p)) * 1.5 + 40.0 * n;
        double exactCost = (double) n * n * 0.35;
        return exactCost < fftCost;
    }

    private void step(float[] y, float[] grad, float[] update, float[] gains, float momentum, float lr) {
        pool.forRange(y.length, (from, to, worker) -> {
            for (int e = from; e < to; e++) {
                float g = grad[e];
                float u = update[e];
                float gain = (g > 0) != (u > 0) ? gains[e] + 0.2f : gains[e] * 0.8f;
                gain = Math.max(gain, 0.01f);
                gains[e] = gain;
                u = momentum * u - lr * gain * g;
                update[e] = u;
                y[e] += u;
            }
        });
    }
}
