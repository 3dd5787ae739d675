package org.convstudio.model.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places blocks in rows from top (input) to bottom (output): a block's row is the longest path that
 * leads to it, blocks sharing a row sit side by side. Pure geometry, used by presets and the editor.
 */
public final class AutoLayout {

    public static final double ROW_HEIGHT = 96;
    public static final double COLUMN_WIDTH = 230;

    private AutoLayout() {
    }

    /** The network with every block moved to its layered position. Loops are tolerated (cut arbitrarily). */
    public static Network apply(Network net) {
        Map<String, Integer> row = new HashMap<>();
        for (Node n : net.nodes()) {
            depth(net, n.id(), row, new java.util.HashSet<>());
        }
        Map<Integer, List<Node>> rows = new LinkedHashMap<>();
        for (Node n : net.nodes()) {
            rows.computeIfAbsent(row.get(n.id()), k -> new ArrayList<>()).add(n);
        }
        Network out = net;
        for (Map.Entry<Integer, List<Node>> e : rows.entrySet()) {
            List<Node> list = e.getValue();
            double left = -(list.size() - 1) * COLUMN_WIDTH / 2;
            for (int i = 0; i < list.size(); i++) {
                out = out.replace(list.get(i).withPosition(left + i * COLUMN_WIDTH, e.getKey() * ROW_HEIGHT));
            }
        }
        return out;
    }

    private static int depth(Network net, String id, Map<String, Integer> memo, java.util.Set<String> visiting) {
        Integer known = memo.get(id);
        if (known != null) {
            return known;
        }
        if (!visiting.add(id)) {
            return 0;
        }
        int d = 0;
        Node n = net.node(id).orElse(null);
        if (n != null) {
            for (String in : n.inputs()) {
                if (net.contains(in)) {
                    d = Math.max(d, depth(net, in, memo, visiting) + 1);
                }
            }
        }
        visiting.remove(id);
        memo.put(id, d);
        return d;
    }
}
