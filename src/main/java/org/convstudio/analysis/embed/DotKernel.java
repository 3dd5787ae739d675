package org.convstudio.analysis.embed;

/**
 * The inner loop of the brute-force neighbour searches: the dot products of one query row with a block of
 * reference points stored dimension by dimension ({@code rows[a][r]} is dimension a of reference r), four
 * dimensions per pass so each accumulator element is loaded and stored once per four multiply-adds.
 *
 * <p>Every array in the loop is indexed by the loop counter alone: HotSpot 17's auto-vectoriser does not vectorise
 * a loop whose array accesses start at different run-time offsets ({@code acc[r] += x * block[off + r]} stays
 * scalar), so a block is an array of per-dimension arrays rather than one flat array (about 5× faster here).
 */
final class DotKernel {

    private DotKernel() {
    }

    /** {@code acc[r] = Σ_a query[q + a] · rows[a][r]} for {@code r < len}. */
    static void dots(float[] query, int q, int d, float[][] rows, int len, float[] acc) {
        int a = 0;
        if (d >= 2) {
            float x0 = query[q];
            float x1 = query[q + 1];
            float[] b0 = rows[0];
            float[] b1 = rows[1];
            for (int r = 0; r < len; r++) {
                acc[r] = x0 * b0[r] + x1 * b1[r];
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
            float[] b0 = rows[a];
            float[] b1 = rows[a + 1];
            float[] b2 = rows[a + 2];
            float[] b3 = rows[a + 3];
            for (int r = 0; r < len; r++) {
                acc[r] += x0 * b0[r] + x1 * b1[r] + x2 * b2[r] + x3 * b3[r];
            }
        }
        for (; a < d; a++) {
            float x = query[q + a];
            float[] b = rows[a];
            for (int r = 0; r < len; r++) {
                acc[r] += x * b[r];
            }
        }
    }

    /** Points {@code [from, from + len)} of the row-major {@code data} ({@code · × d}), dimension by dimension. */
    static float[][] transpose(float[] data, int d, int from, int len, float[][] into) {
        float[][] rows = into != null ? into : new float[d][len];
        for (int r = 0; r < len; r++) {
            int src = (from + r) * d;
            for (int a = 0; a < d; a++) {
                rows[a][r] = data[src + a];
            }
        }
        return rows;
    }
}
