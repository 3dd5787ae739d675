package org.convstudio.analysis.lesson;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.util.List;
import java.util.Locale;

/** Draws a {@link Drawing.Chart}: axes with a few ticks, the lines (dashed for training), a legend. */
final class ChartPainter {

    private ChartPainter() {
    }

    static Color colour(LessonRenderer.Theme theme, int i) {
        return switch (Math.floorMod(i, 4)) {
            case 0 -> theme.accent();
            case 1 -> theme.positive();
            case 2 -> theme.good();
            default -> theme.bad();
        };
    }

    private static final String KEY = "training";

    /** Where each legend entry goes: {x, row}. Entries flow left to right and wrap at the chart's width. */
    private static int[][] legendPlaces(FontMetrics fm, List<Drawing.Series> legend, boolean key, int x, int w,
                                        int sample, int gap, int space) {
        int n = legend.size() + (key ? 1 : 0);
        int[][] at = new int[n][2];
        int cx = x;
        int row = 0;
        for (int i = 0; i < n; i++) {
            int width = sample + gap + fm.stringWidth(i == legend.size() ? KEY : legend.get(i).label());
            if (cx > x && cx + width > x + w) {
                cx = x;
                row++;
            }
            at[i][0] = cx;
            at[i][1] = row;
            cx += width + space;
        }
        return at;
    }

    static void paint(Graphics2D g, Drawing.Chart c, int x, int y, int w, int h, float s, LessonRenderer.Theme theme) {
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(Math.max(9f, 15 * s));
        Font bold = new Font(Font.SANS_SERIF, Font.BOLD, 1).deriveFont(Math.max(9f, 17 * s));
        g.setFont(bold);
        FontMetrics bfm = g.getFontMetrics();
        g.setColor(theme.text());
        g.drawString(c.caption(), x, y + bfm.getAscent());
        int top = y + bfm.getHeight() + Math.round(6 * s);
        g.setFont(small);
        FontMetrics fm = g.getFontMetrics();
        List<Drawing.Series> legend = c.series().stream().filter(ser -> !ser.label().isEmpty()).toList();
        boolean dashes = c.series().stream().anyMatch(Drawing.Series::dashed);
        int entries = legend.size() + (dashes ? 1 : 0);
        int sample = Math.round(26 * s);
        int gap = Math.round(6 * s);
        int[][] at = legendPlaces(fm, legend, dashes, x, w, sample, gap, Math.round(18 * s));
        int legendRows = 1;
        for (int[] p : at) {
            legendRows = Math.max(legendRows, p[1] + 1);
        }
        int legendH = fm.getHeight() * legendRows;
        int left = x + fm.stringWidth("100 %") + Math.round(10 * s);
        int bottom = y + h - fm.getHeight() - legendH - Math.round(10 * s);
        int right = x + w - Math.round(8 * s);
        if (bottom - top < 20 || right - left < 20) {
            return;
        }
        double yMin = c.yMin();
        double yMax = c.yMax() > yMin ? c.yMax() : yMin + 1;
        double xMax = c.xMax() > 0 ? c.xMax() : 1;
        g.setStroke(new BasicStroke(1f));
        double step = yMax - yMin > 0.5 ? 0.2 : 0.1;
        for (double v = Math.ceil(yMin / step - 1e-9) * step; v <= yMax + 1e-9; v += step) {
            int py = (int) Math.round(bottom - (bottom - top) * (v - yMin) / (yMax - yMin));
            g.setColor(theme.muted());
            g.drawLine(left, py, right, py);
            String t = String.format(Locale.ROOT, "%.0f %%", 100 * v);
            g.drawString(t, left - fm.stringWidth(t) - Math.round(5 * s), py + fm.getAscent() / 2 - 1);
        }
        int every = xMax <= 10 ? 1 : (int) Math.ceil(xMax / 10);
        for (int e = 0; e <= xMax; e += every) {
            int px = (int) Math.round(left + (right - left) * e / xMax);
            String t = Integer.toString(e);
            g.drawString(t, px - fm.stringWidth(t) / 2, bottom + fm.getAscent() + Math.round(3 * s));
        }
        String xl = c.xLabel();
        g.drawString(xl, right - fm.stringWidth(xl), bottom + fm.getAscent() + Math.round(3 * s) - fm.getHeight());
        float width = Math.max(2f, 3.5f * s);
        for (Drawing.Series ser : c.series()) {
            g.setColor(colour(theme, ser.colour()));
            g.setStroke(ser.dashed() ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                    new float[] {8 * s, 6 * s}, 0f) : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Path2D.Double path = new Path2D.Double();
            int n = 0;
            for (int i = 0; i < ser.xs().length; i++) {
                if (Double.isNaN(ser.ys()[i])) {
                    continue;
                }
                double px = left + (right - left) * Math.min(1, ser.xs()[i] / xMax);
                double py = bottom - (bottom - top) * Math.max(0, Math.min(1, (ser.ys()[i] - yMin) / (yMax - yMin)));
                if (n++ == 0) {
                    path.moveTo(px, py);
                } else {
                    path.lineTo(px, py);
                }
                if (!ser.dashed()) {
                    double r = 4.5 * s;
                    g.fill(new java.awt.geom.Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r));
                }
            }
            if (n > 1) {
                g.draw(path);
            }
        }
        // legend: each run's colour and name, then what dashed means; entries flow and wrap
        int ly = bottom + fm.getHeight() + Math.round(8 * s);
        for (int i = 0; i < entries; i++) {
            boolean key = i == legend.size();
            int lx = at[i][0];
            int row = ly + at[i][1] * fm.getHeight();
            int mid = row + fm.getAscent() / 2;
            g.setColor(key ? theme.muted() : colour(theme, legend.get(i).colour()));
            g.setStroke(key ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                    new float[] {6 * s, 4 * s}, 0f) : new BasicStroke(width));
            g.drawLine(lx, mid, lx + sample, mid);
            g.setColor(key ? theme.muted() : theme.text());
            g.drawString(key ? KEY : legend.get(i).label(), lx + sample + gap, row + fm.getAscent());
        }
        g.setStroke(new BasicStroke(1f));
    }
}
