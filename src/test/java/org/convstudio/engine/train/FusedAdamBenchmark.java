package org.convstudio.engine.train;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Times {@link FusedAdam}'s step (tiles copied onto heap arrays) against the same arithmetic done element by
 * element through the buffers (how it worked before), on direct buffers of `lenet`'s 61,706 and ResNet-18's
 * 11.2 M values, with one and two threads. Prints milliseconds per step (median of the rounds); no assertions.
 *
 * <p>{@code java -cp target/classes:target/test-classes:$(cat target/bench.classpath)
 * org.convstudio.engine.train.FusedAdamBenchmark [rounds]} — or {@code src/bench/adam-tiles.sh}.
 */
public final class FusedAdamBenchmark {

    private FusedAdamBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        FusedAdam adam = new FusedAdam(0.9, 0.999, 1e-8, 0, false);
        for (int n : new int[] {61_706, 11_200_000}) {
            List<FusedAdam.Slot> slots = List.of(slot(n / 2, 1), slot(n - n / 2, 2)); // two parameters
            int reps = Math.max(3, 40_000_000 / n);
            double[] tiled1 = new double[rounds];
            double[] tiled2 = new double[rounds];
            double[] scalar = new double[rounds];
            long t = 1;
            for (int r = 0; r < rounds; r++) {
                long a = System.nanoTime();
                for (int k = 0; k < reps; k++) {
                    adam.step(slots, 1e-3f, t++, 1);
                }
                long b = System.nanoTime();
                for (int k = 0; k < reps; k++) {
                    adam.step(slots, 1e-3f, t++, 2);
                }
                long c = System.nanoTime();
                for (int k = 0; k < reps; k++) {
                    for (FusedAdam.Slot s : slots) {
                        elementwise(s, 1e-3f, 0.5f);
                    }
                }
                long d = System.nanoTime();
                tiled1[r] = (b - a) / 1e6 / reps;
                tiled2[r] = (c - b) / 1e6 / reps;
                scalar[r] = (d - c) / 1e6 / reps;
            }
            double e = median(scalar);
            double one = median(tiled1);
            double two = median(tiled2);
            System.out.printf(Locale.ROOT, "%,d values: element by element %.3f ms, tiles 1 thread %.3f ms (%.1fx),"
                    + " tiles 2 threads %.3f ms (%.1fx)%n", (long) n, e, one, e / one, two, e / two);
        }
    }

    private static FusedAdam.Slot slot(int n, long seed) {
        Random r = new Random(seed);
        FloatBuffer[] b = new FloatBuffer[4];
        for (int i = 0; i < 4; i++) {
            b[i] = ByteBuffer.allocateDirect(n * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
            for (int k = 0; k < n; k++) {
                b[i].put(k, i == 3 ? 0f : (float) r.nextGaussian() * 0.01f);
            }
        }
        return new FusedAdam.Slot(b[0], b[1], b[2], b[3]);
    }

    /** The update as it was done before the tiles: each value read and written through the buffers. */
    private static void elementwise(FusedAdam.Slot s, float stepSize, float bc2Sqrt) {
        FloatBuffer w = s.w();
        FloatBuffer g = s.g();
        FloatBuffer m = s.m();
        FloatBuffer v = s.v();
        for (int i = 0, n = w.capacity(); i < n; i++) {
            float gi = g.get(i);
            float mi = m.get(i);
            mi += 0.1f * (gi - mi);
            float vi = 0.999f * v.get(i) + 0.001f * gi * gi;
            m.put(i, mi);
            v.put(i, vi);
            w.put(i, w.get(i) - stepSize * (mi / ((float) Math.sqrt(vi) / bc2Sqrt + 1e-8f)));
            g.put(i, 0f);
        }
    }

    private static double median(double[] x) {
        double[] c = x.clone();
        java.util.Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }
}
