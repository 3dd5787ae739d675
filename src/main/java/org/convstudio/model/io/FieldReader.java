package org.convstudio.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convstudio.model.layer.Padding;

/**
 * Reads typed fields of one JSON object, collecting "path: what is wrong" messages instead of throwing,
 * and remembering which fields were used so that unknown (misspelt) ones can be reported.
 */
final class FieldReader {

    private final ObjectNode node;
    private final String path;
    private final List<String> problems;
    private final Set<String> used = new HashSet<>();

    FieldReader(ObjectNode node, String path, List<String> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    void problem(String field, String message) {
        problems.add(path + (field == null ? "" : "." + field) + ": " + message);
    }

    /** Marks fields read elsewhere (id, type, inputs, position). */
    void use(String... fields) {
        used.addAll(List.of(fields));
    }

    /** Reports every field nobody asked for. */
    void rejectUnknown(String what) {
        node.fieldNames().forEachRemaining(f -> {
            if (!used.contains(f)) {
                problem(f, "unknown field for " + what + " — check its spelling");
            }
        });
    }

    boolean has(String field) {
        return node.get(field) != null && !node.get(field).isNull();
    }

    private JsonNode get(String field) {
        used.add(field);
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    static String describe(JsonNode v) {
        String text = v.toString();
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    int integer(String field, int fallback) {
        JsonNode v = get(field);
        if (v == null) {
            return fallback;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() && !(v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) {
            problem(field, "expected a whole number, found " + describe(v));
            return fallback;
        }
        return v.asInt();
    }

    int requiredInteger(String field) {
        if (node.get(field) == null) {
            used.add(field);
            problem(field, "is missing (a whole number)");
            return 1;
        }
        return integer(field, 1);
    }

    double number(String field, double fallback) {
        JsonNode v = get(field);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber()) {
            problem(field, "expected a number, found " + describe(v));
            return fallback;
        }
        return v.asDouble();
    }

    boolean bool(String field, boolean fallback) {
        JsonNode v = get(field);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            problem(field, "expected true or false, found " + describe(v));
            return fallback;
        }
        return v.asBoolean();
    }

    /** A whole number for both axes, or [height, width]. */
    int[] pair(String field, int fallback) {
        JsonNode v = get(field);
        if (v == null) {
            return new int[] {fallback, fallback};
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return new int[] {v.asInt(), v.asInt()};
        }
        if (v.isArray() && v.size() == 2 && v.get(0).isIntegralNumber() && v.get(1).isIntegralNumber()
                && v.get(0).canConvertToInt() && v.get(1).canConvertToInt()) {
            return new int[] {v.get(0).asInt(), v.get(1).asInt()};
        }
        problem(field, "expected a whole number or [height, width], found " + describe(v));
        return new int[] {fallback, fallback};
    }

    Padding padding(String field) {
        JsonNode v = get(field);
        if (v == null) {
            return Padding.VALID;
        }
        if (v.isTextual()) {
            switch (v.asText()) {
                case "same":
                    return Padding.SAME;
                case "valid":
                    return Padding.VALID;
                default:
                    problem(field, "expected \"same\", \"valid\", a whole number or [height, width], found " + describe(v));
                    return Padding.VALID;
            }
        }
        int[] p = pair(field, 0);
        if (p[0] < 0 || p[1] < 0) {
            problem(field, "padding cannot be negative");
            return Padding.VALID;
        }
        return Padding.of(p[0], p[1]);
    }

    <E> E choice(String field, Map<String, E> choices, E fallback) {
        JsonNode v = get(field);
        if (v == null) {
            return fallback;
        }
        E e = v.isTextual() ? choices.get(v.asText()) : null;
        if (e == null) {
            problem(field, "expected one of " + String.join(", ", choices.keySet()) + ", found " + describe(v));
            return fallback;
        }
        return e;
    }

    /** A list of lists of channel numbers (a connection table); empty when absent. */
    List<List<Integer>> table(String field) {
        JsonNode v = get(field);
        if (v == null) {
            return List.of();
        }
        List<List<Integer>> rows = new ArrayList<>();
        if (!v.isArray()) {
            problem(field, "expected a list of channel lists like [[0,1,2],[1,2,3]], found " + describe(v));
            return List.of();
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode row = v.get(i);
            if (!row.isArray()) {
                problem(field + "[" + i + "]", "expected a list of channel numbers, found " + describe(row));
                return List.of();
            }
            List<Integer> r = new ArrayList<>();
            for (JsonNode c : row) {
                if (!c.isIntegralNumber() || !c.canConvertToInt()) {
                    problem(field + "[" + i + "]", "expected channel numbers, found " + describe(c));
                    return List.of();
                }
                r.add(c.asInt());
            }
            rows.add(r);
        }
        return rows;
    }
}
