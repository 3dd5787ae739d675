package org.convstudio.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.convstudio.model.graph.AutoLayout;
import org.convstudio.model.graph.Network;
import org.convstudio.model.graph.Node;

/**
 * Auto-layout for the editor. A plain chain (every block reads at most one block and feeds at most one)
 * is laid out top to bottom and wrapped into columns of {@code rows} blocks, so a long chain such as
 * LeNet fits a screen at a readable zoom. Anything else uses the model's layered {@link AutoLayout}.
 */
public final class ChainLayout {

    public static final double ROW = AutoLayout.ROW_HEIGHT + 14;
    public static final double COLUMN = AutoLayout.COLUMN_WIDTH + 50;

    private ChainLayout() {
    }

    public static Network apply(Network net, int rows) {
        List<Node> chain = chain(net);
        if (chain == null) {
            return AutoLayout.apply(net);
        }
        int r = Math.max(2, rows);
        Network out = net;
        for (int i = 0; i < chain.size(); i++) {
            Node n = chain.get(i);
            out = out.replace(n.withPosition((i / r) * COLUMN, (i % r) * ROW));
        }
        return out;
    }

    /** The nodes in order if the network is a single chain, else null. */
    static List<Node> chain(Network net) {
        if (net.nodes().isEmpty()) {
            return null;
        }
        Node start = null;
        for (Node n : net.nodes()) {
            if (n.inputs().size() > 1 || net.consumers(n.id()).size() > 1) {
                return null;
            }
            if (n.inputs().isEmpty()) {
                if (start != null) {
                    return null;
                }
                start = n;
            }
        }
        if (start == null) {
            return null;
        }
        List<Node> order = new ArrayList<>();
        Node cur = start;
        while (cur != null && order.size() <= net.nodes().size()) {
            order.add(cur);
            List<Node> next = net.consumers(cur.id());
            cur = next.isEmpty() ? null : next.get(0);
        }
        return order.size() == net.nodes().size() ? order : null;
    }
}
