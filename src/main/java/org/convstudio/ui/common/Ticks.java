package org.convstudio.ui.common;

import java.util.ArrayList;
import java.util.List;

/** "Nice" axis tick positions and labels (1-2-5 steps; decades on a log axis). */
public final class Ticks {

    private Ticks() {
    }

    /** A step of 1, 2 or 5 times a power of ten, close to {@code range / targetCount}. */
    public static double niceStep(double range, int targetCount) {
        if (!(range > 0) || targetCount <= 0) {
            return 1;
        }
        double raw = range / targetCount;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double residual = raw / magnitude;
        double nice;
        if (residual < 1.5) {
            nice = 1;
        } else if (residual < 3) {
            nice = 2;
        } else if (residual < 7) {
            nice = 5;
        } else {
            nice = 10;
        }
        return nice * magnitude;
    }

    /** Linear ticks covering [min, max]. */
    public static List<Double> linear(double min, double max, int targetCount) {
        List<Double> ticks = new ArrayList<>();
        double step = niceStep(max - min, targetCount);
        double start = Math.ceil(min / step - 1e-9) * step;
        for (double v = start; v <= max + step * 1e-9 && ticks.size() < 100; v += step) {
            ticks.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return ticks;
    }

    /** Log ticks (values, not exponents) covering [10^minExp, 10^maxExp]. */
    public static List<Double> log(double minExp, double maxExp) {
        List<Double> ticks = new ArrayList<>();
        int lo = (int) Math.floor(minExp);
        int hi = (int) Math.ceil(maxExp);
        boolean fine = hi - lo <= 2;
        for (int e = lo; e <= hi && ticks.size() < 60; e++) {
            double base = Math.pow(10, e);
            double[] mult = fine ? new double[] {1, 2, 5} : new double[] {1};
            for (double k : mult) {
                double v = base * k;
                double lv = Math.log10(v);
                if (lv >= minExp - 1e-9 && lv <= maxExp + 1e-9) {
                    ticks.add(v);
                }
            }
        }
        return ticks;
    }

    /** A short label for a tick value, with precision suited to the step. */
    public static String format(double v, double step) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            String s = String.format(java.util.Locale.ROOT, "%.0e", v);
            return s.replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
        }
        int decimals = step >= 1 ? 0 : (int) Math.min(6, Math.ceil(-Math.log10(step) - 1e-9));
        if (step < 1 && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals))) > 1e-6) {
            decimals++;
        }
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
    }
}
