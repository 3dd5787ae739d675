package org.convstudio.ui.classroom;

import java.util.Locale;
import java.util.Map;

/** A lesson step's numbers as the one line under the slide. */
final class NumbersLine {

    private NumbersLine() {
    }

    /** The step's numbers as one line: "mlpWeights 40,000,000 · convParams 260". Lists and tables are left out. */
    static String of(Map<String, Object> numbers) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Object> e : numbers.entrySet()) {
            String v = value(e.getValue());
            if (v == null) {
                continue;
            }
            if (b.length() > 0) {
                b.append("  ·  ");
            }
            b.append(e.getKey()).append(' ').append(v);
        }
        return b.toString();
    }

    private static String value(Object o) {
        if (o instanceof Long || o instanceof Integer) {
            return String.format(Locale.ROOT, "%,d", ((Number) o).longValue());
        }
        if (o instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%,d", d.longValue())
                    : String.format(Locale.ROOT, "%.3f", d);
        }
        if (o instanceof String s && s.length() <= 60) {
            return s;
        }
        return null;
    }
}
