package org.convstudio.analysis.lesson;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.util.HashMap;
import java.util.Map;

/** Draws a small network ({@link Drawing.Graph}): units as circles, weights written on the arrows. */
final class GraphPainter {

    private GraphPainter() {
    }

    static void paint(Graphics2D g, Drawing.Graph graph, int x, int y, int w, int h, float s, LessonRenderer.Theme theme) {
        double r = Math.min(w * 0.045, h * 0.1);
        Map<String, double[]> at = new HashMap<>();
        for (Drawing.GraphNode n : graph.nodes()) {
            at.put(n.id(), new double[] {x + n.x() * w, y + r + n.y() * (h - 3 * r)});
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 1).deriveFont(Math.max(10f, (float) (r * 0.55))));
        FontMetrics fm = g.getFontMetrics();
        for (Drawing.GraphEdge e : graph.edges()) {
            double[] a = at.get(e.from());
            double[] b = at.get(e.to());
            boolean hot = graph.highlight().contains(e.from() + ">" + e.to());
            g.setColor(hot ? theme.accent() : theme.muted());
            g.setStroke(new BasicStroke(Math.max(1.5f, 2.5f * s)));
            double dx = b[0] - a[0];
            double dy = b[1] - a[1];
            double len = Math.hypot(dx, dy);
            double ux = dx / len;
            double uy = dy / len;
            int x1 = (int) Math.round(a[0] + ux * r);
            int y1 = (int) Math.round(a[1] + uy * r);
            int x2 = (int) Math.round(b[0] - ux * r);
            int y2 = (int) Math.round(b[1] - uy * r);
            g.drawLine(x1, y1, x2, y2);
            double head = r * 0.35;
            int[] hx = {x2, (int) Math.round(x2 - ux * head - uy * head * 0.6), (int) Math.round(x2 - ux * head + uy * head * 0.6)};
            int[] hy = {y2, (int) Math.round(y2 - uy * head + ux * head * 0.6), (int) Math.round(y2 - uy * head - ux * head * 0.6)};
            g.fillPolygon(hx, hy, 3);
            // the label sits a quarter of the way along, where crossing arrows are still apart
            double lx = a[0] + dx * 0.3;
            double ly = a[1] + dy * 0.3;
            String t = e.label();
            int tw = fm.stringWidth(t);
            g.setColor(theme.background());
            g.fillRoundRect((int) Math.round(lx - tw / 2.0 - 4), (int) Math.round(ly - fm.getAscent() / 2.0 - 3), tw + 8,
                    fm.getAscent() + 6, 8, 8);
            g.setColor(theme.text());
            g.drawString(t, (int) Math.round(lx - tw / 2.0), (int) Math.round(ly + fm.getAscent() / 2.0 - 1));
        }
        for (Drawing.GraphNode n : graph.nodes()) {
            double[] c = at.get(n.id());
            boolean hot = graph.highlight().contains(n.id());
            Ellipse2D circle = new Ellipse2D.Double(c[0] - r, c[1] - r, 2 * r, 2 * r);
            g.setColor(hot ? theme.accent() : theme.background());
            g.fill(circle);
            g.setColor(hot ? theme.accent() : theme.text());
            g.setStroke(new BasicStroke(Math.max(2f, 3f * s)));
            g.draw(circle);
            g.setColor(hot ? (LessonRenderer.luminance(theme.accent()) > 0.55 ? Color.BLACK : Color.WHITE) : theme.text());
            g.drawString(n.label(), (int) Math.round(c[0] - fm.stringWidth(n.label()) / 2.0),
                    (int) Math.round(c[1] + fm.getAscent() / 2.0 - 2));
            if (!n.note().isEmpty()) {
                g.setColor(hot ? theme.accent() : theme.text());
                g.drawString(n.note(), (int) Math.round(c[0] - fm.stringWidth(n.note()) / 2.0),
                        (int) Math.round(c[1] + r + fm.getAscent() + 4));
            }
        }
        g.setStroke(new BasicStroke(1f));
    }
}
