package org.convstudio.analysis.embed;

/**
 * The inner loop of the brute-force neighbour searches: the dot products of one query row with a block of
 * reference rows stored dimension-major ({@code block[off + a * stride + r]} is dimension a of reference r),
 * four dimensions per pass so each element of the accumulator is loaded and stored once per four
 * multiply-adds; the loops over references are plain float loops the JIT vectorises.
 */
final class DotKernel {

    private DotKernel() {
    }

    /**
     * {@code acc[r] = Σ_a query[q + a] · block[off + a·stride + r]} for {@code r < len}.
     *
     * @param stride distance between two dimensions of one reference in {@code block} (≥ len)
     */
    static void dots(float[] query, int q, int d, float[] block, int off, int stride, int len, float[] acc) {
        int a = 0;
        if (d >= 2) {
            float x0 = query[q];
            float x1 = query[q + 1];
            int o0 = off;
            int o1 = off + stride;
            for (int r = 0; r < len; r++) {
                acc[r] = x0 * block[o0 + r] + x1 * block[o1 + r];
            }
            a = 2;
        } else {
            java.util.Arrays.fill(acc, 0, len, 0f);
        }
        for (; a + 3 < d; a += 4) {
            float x0 = query[q + a];
            float x1 = query[q + a + 1];
            float x2 = query[q + a + 2];
            float x3 = query[q + a + 3];
            int o0 = off + a * stride;
            int o1 = o0 + stride;
            int o2 = o1 + stride;
            int o3 = o2 + stride;
            for (int r = 0; r < len; r++) {
                acc[r] += x0 * block[o0 + r] + x1 * block[o1 + r] + x2 * block[o2 + r] + x3 * block[o3 + r];
            }
        }
        for (; a < d; a++) {
            float x = query[q + a];
            int o = off + a * stride;
            for (int r = 0; r < len; r++) {
                acc[r] += x * block[o + r];
            }
        }
    }
}
