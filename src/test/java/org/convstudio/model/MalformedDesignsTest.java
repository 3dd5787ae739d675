package org.convstudio.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.analysis.Problem;
import org.convstudio.model.graph.Network;
import org.convstudio.model.io.NetworkFileException;
import org.convstudio.model.io.NetworkJson;
import org.convstudio.model.layer.LayerType;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of random, malformed designs and files: every one ends in a network (with its problems
 * listed) or in a readable message — never in an exception.
 */
class MalformedDesignsTest {

    private static final ObjectMapper M = new ObjectMapper();
    private static final String[] FIELDS = {"channels", "height", "width", "filters", "kernel", "stride", "padding",
        "dilation", "groups", "bias", "connections", "mode", "function", "alpha", "rate", "units", "epsilon", "momentum",
        "size", "beta", "k"};

    @Test
    void randomGraphsAlwaysEndInMessages() {
        Random rnd = new Random(42);
        int invalid = 0;
        int refused = 0;
        for (int round = 0; round < 600; round++) {
            String json = randomDesign(rnd).toString();
            Network n;
            try {
                n = NetworkJson.parse("random" + round, json);
            } catch (NetworkFileException e) {
                assertFalse(e.problems().isEmpty());
                e.problems().forEach(p -> assertTrue(p.startsWith("$"), p));
                refused++;
                continue;
            } catch (RuntimeException e) {
                fail("reading threw " + e + " for " + json, e);
                return;
            }
            Analysis a = check(n, json);
            if (!a.isValid() || a.trainBlocker().isPresent()) {
                invalid++;
            }
        }
        assertTrue(invalid > 100, "the generator should produce plenty of invalid designs, got " + invalid);
        assertTrue(refused > 50, "the generator should produce plenty of malformed files, got " + refused);
    }

    @Test
    void mutatedPresetFilesAlwaysEndInMessages() {
        Random rnd = new Random(7);
        List<String> texts = Presets.all().stream().map(p -> NetworkJson.toJson(p.network())).toList();
        for (int round = 0; round < 400; round++) {
            String text = texts.get(rnd.nextInt(texts.size()));
            StringBuilder b = new StringBuilder(text);
            int edits = 1 + rnd.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = rnd.nextInt(b.length());
                switch (rnd.nextInt(4)) {
                    case 0 -> b.deleteCharAt(at);
                    case 1 -> b.insert(at, "\"}],-19e9x".charAt(rnd.nextInt(10)));
                    case 2 -> b.replace(at, Math.min(b.length(), at + 1 + rnd.nextInt(30)), "");
                    default -> b.setCharAt(at, (char) ('0' + rnd.nextInt(10)));
                }
            }
            String json = b.toString();
            try {
                check(NetworkJson.parse("mutated" + round, json), json);
            } catch (NetworkFileException e) {
                assertFalse(e.getMessage().isBlank());
            } catch (RuntimeException e) {
                fail("reading threw " + e + " for " + json, e);
            }
        }
    }

    private static Analysis check(Network n, String json) {
        Analysis a;
        try {
            a = NetworkAnalyzer.analyze(n);
            a.trainBlocker();
        } catch (RuntimeException e) {
            fail("analysis threw " + e + " for " + json, e);
            return null;
        }
        for (Problem p : a.problems()) {
            assertFalse(p.message().isBlank());
            if (p.nodeId() != null) {
                assertTrue(p.message().startsWith(p.nodeId() + ": "), p.message());
            }
        }
        return a;
    }

    private static ObjectNode randomDesign(Random rnd) {
        ObjectNode root = M.createObjectNode();
        root.put("format", rnd.nextInt(20) == 0 ? 2 : 1);
        root.put("name", "r");
        ArrayNode nodes = root.putArray("nodes");
        int count = rnd.nextInt(10);
        LayerType[] types = LayerType.values();
        for (int i = 0; i < count; i++) {
            ObjectNode o = nodes.addObject();
            o.put("id", rnd.nextInt(15) == 0 ? "n" + rnd.nextInt(3) : "n" + i);
            LayerType t = i == 0 && rnd.nextBoolean() ? LayerType.INPUT : types[rnd.nextInt(types.length)];
            o.put("type", t.id());
            ArrayNode in = o.putArray("inputs");
            int k = rnd.nextInt(3);
            for (int j = 0; j < k; j++) {
                in.add("n" + rnd.nextInt(Math.max(1, count)));
            }
            int fields = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(2) : 0;
            for (int f = 0; f < fields; f++) {
                String field = FIELDS[rnd.nextInt(FIELDS.length)];
                switch (rnd.nextInt(7)) {
                    case 0 -> o.put(field, rnd.nextInt(70) - 5);
                    case 1 -> o.put(field, rnd.nextInt(4));
                    case 2 -> o.putArray(field).add(rnd.nextInt(9)).add(rnd.nextInt(9));
                    case 3 -> o.put(field, rnd.nextDouble() * 2);
                    case 4 -> o.put(field, rnd.nextBoolean() ? "same" : "max");
                    case 5 -> o.putArray(field).addArray().add(rnd.nextInt(8));
                    default -> o.put(field, rnd.nextBoolean());
                }
            }
            if (t == LayerType.INPUT) {
                o.put("channels", 1 + rnd.nextInt(3));
                o.put("height", rnd.nextInt(40));
                o.put("width", 1 + rnd.nextInt(40));
            }
        }
        return root;
    }
}
