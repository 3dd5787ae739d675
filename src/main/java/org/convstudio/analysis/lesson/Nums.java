package org.convstudio.analysis.lesson;

import java.util.LinkedHashMap;
import java.util.Map;

/** Ordered maps of numbers: Map.of would shuffle the order in which a step lists its figures. */
final class Nums {

    private Nums() {
    }

    static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
