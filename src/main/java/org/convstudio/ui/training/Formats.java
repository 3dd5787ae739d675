package org.convstudio.ui.training;

import java.nio.file.Path;
import java.util.Locale;

import org.convstudio.ui.common.AppendOnlySeries;

/** How the Train workspace writes numbers, durations and folders. */
final class Formats {

    private Formats() {
    }

    /** The series' last value, formatted ("–" when there is none). */
    static String last(AppendOnlySeries.Snapshot series, String fmt, double scale) {
        double v = series.lastY();
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, fmt, v * scale);
    }

    /** 0.001 → "1.0e-03", 0.05 → "0.0500". */
    static String learningRate(double lr) {
        return lr >= 0.01 ? String.format(Locale.ROOT, "%.3g", lr) : String.format(Locale.ROOT, "%.1e", lr);
    }

    /** "42 s", "3:07 min", "1:05 h". */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d:%02d min", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d h", s / 3600, (s / 60) % 60);
    }

    /** The folder with the home folder written as "~". */
    static String abbreviate(Path dir) {
        String home = System.getProperty("user.home");
        String s = dir.toString();
        return home != null && s.startsWith(home) ? "~" + s.substring(home.length()) : s;
    }
}
