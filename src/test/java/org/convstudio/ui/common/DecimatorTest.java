package org.convstudio.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class DecimatorTest {

    private static Decimator.Mapping map(double xMin, double xMax, double width, boolean log) {
        return new Decimator.Mapping(xMin, width / (xMax - xMin), 0, log, 0, 1, 100);
    }

    @Test
    void atMostFourVerticesPerPixelColumn() {
        int n = 20_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.sin(i * 0.05) * 40;
        }
        Decimator d = new Decimator();
        int out = d.decimate(x, y, n, map(0, n - 1, 500, false));
        assertTrue(out <= 4 * 501, "vertices: " + out);
        // extremes survive decimation
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < out; i++) {
            min = Math.min(min, d.ys()[i]);
            max = Math.max(max, d.ys()[i]);
        }
        assertEquals(100 - 40, min, 0.01);
        assertEquals(100 + 40, max, 0.01);
    }

    @Test
    void fewPointsAreKeptAsIs() {
        Decimator d = new Decimator();
        int out = d.decimate(new double[] {0, 1, 2}, new double[] {1, 2, 3}, 3, map(0, 2, 200, false));
        assertEquals(3, out);
        assertEquals(0, d.xs()[0], 1e-9);
        assertEquals(200, d.xs()[2], 1e-9);
        assertEquals(97, d.ys()[2], 1e-9);
    }

    @Test
    void nonFiniteAndNonPositiveOnLogBecomeGaps() {
        Decimator d = new Decimator();
        int out = d.decimate(new double[] {0, 1, 2, 3}, new double[] {1, Double.NaN, 10, -1}, 4,
                map(0, 3, 300, true));
        assertEquals(4, out); // point, gap, point, gap
        assertTrue(Double.isNaN(d.xs()[1]));
        assertEquals(100 - 1, d.ys()[2], 1e-9); // log10(10) = 1
    }

    @Test
    void ticksAreNice() {
        assertEquals(List.of(0.0, 0.5, 1.0, 1.5, 2.0, 2.5), Ticks.linear(0, 2.6, 5));
        assertEquals(0.2, Ticks.niceStep(1, 5), 1e-12);
        assertEquals(List.of(0.01, 0.1, 1.0, 10.0), Ticks.log(-2, 1));
        assertEquals("0.25", Ticks.format(0.25, 0.05));
        assertEquals("1e-4", Ticks.format(1e-4, 1e-4));
        assertEquals("20", Ticks.format(20, 5));
    }
}
