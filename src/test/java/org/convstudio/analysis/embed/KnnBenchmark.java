package org.convstudio.analysis.embed;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Benchmark (prints, never asserts): t-SNE's neighbour searches on a PCA input saved by {@code embed --save-input}
 * (a float32 .npy): wall and process CPU seconds of each search and its recall against exact neighbours on 1,000
 * sampled points. Searches: {@code exact}, {@code hnsw}, {@code cells:P} (P probed cells).
 *
 * <p>Run with the test class path, e.g. {@code java -cp target/classes:target/test-classes:target/lib/*
 * org.convstudio.analysis.embed.KnnBenchmark input.npy 90 cells:8 cells:16 cells:24 hnsw exact}.
 */
public final class KnnBenchmark {

    private KnnBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        float[][] holder = new float[1][];
        int[] shape = readNpy(Path.of(args[0]), holder);
        float[] x = holder[0];
        int n = shape[0];
        int d = shape[1];
        int k = Integer.parseInt(args[1]);
        try (WorkerPool pool = new WorkerPool(Integer.getInteger("threads", 2))) {
            for (int a = 2; a < args.length; a++) {
                String what = args[a];
                long c0 = CpuClock.processNanos();
                long t0 = System.nanoTime();
                KnnGraph g;
                if (what.equals("exact")) {
                    g = ExactKnn.compute(x, n, d, k, pool, () -> false);
                } else if (what.equals("hnsw")) {
                    g = ApproximateKnn.compute(x, n, d, k, pool, () -> false);
                } else {
                    int probes = Integer.parseInt(what.substring(what.indexOf(':') + 1));
                    g = CellKnn.compute(x, n, d, k, probes, 42, pool, () -> false);
                }
                double wall = (System.nanoTime() - t0) / 1e9;
                double cpu = (CpuClock.processNanos() - c0) / 1e9;
                double recall = KnnRecall.sampled(g, x, n, d, 1000, 7, pool);
                System.out.printf(Locale.ROOT, "%-10s n=%d d=%d k=%d: %7.2f s wall %7.2f s CPU, recall %.4f (1,000 sampled points; load %s)%n",
                        what, n, d, k, wall, cpu, recall, Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            }
        }
    }

    /** A little-endian float32 C-order 2-D .npy; returns its shape. */
    static int[] readNpy(Path file, float[][] out) throws IOException {
        byte[] b = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen = buf.getShort(8) & 0xffff;
        String header = new String(b, 10, headerLen, java.nio.charset.StandardCharsets.US_ASCII);
        String shape = header.substring(header.indexOf("'shape': (") + 10);
        shape = shape.substring(0, shape.indexOf(')'));
        String[] parts = shape.split(",");
        int n = Integer.parseInt(parts[0].trim());
        int d = Integer.parseInt(parts[1].trim());
        float[] x = new float[n * d];
        buf.position(10 + headerLen);
        buf.asFloatBuffer().get(x);
        out[0] = x;
        return new int[] {n, d};
    }
}
