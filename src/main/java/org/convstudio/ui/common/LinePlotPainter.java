package org.convstudio.ui.common;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link LinePlot} onto its canvas: data bounds, nice ticks and grid, title and axis labels,
 * each series (exact line when sparse, min–max envelope when dense) and the legend.
 *
 * <p>Everything is sized from the theme's font: at the default 14 px the sizes below are used as they
 * are; a larger font (View ▸ Large Text) scales margins, tick spacing, line widths, markers and the legend
 * with it, so a projected chart grows as a whole.
 */
final class LinePlotPainter {

    private static final double PAD = 10;
    /** The font size the sizes here are drawn for. */
    static final double BASE_FONT_PX = 14;

    private final LinePlot plot;
    private final Decimator decimator = new Decimator();
    private final Text measure = new Text();
    /** The current drawing's scale: the font size over {@link #BASE_FONT_PX} (never below 1). */
    private double em = 1;

    LinePlotPainter(LinePlot plot) {
        this.plot = plot;
    }

    /** Paints the plot on a cleared {@code w} × {@code h} canvas with the theme's colours and font. */
    void paint(GraphicsContext g, double w, double h, Paint textFill, Paint gridFill, Font base) {
        em = Math.max(1, base.getSize() / BASE_FONT_PX);
        double pad = PAD * em;
        Font tickFont = Font.font(base.getFamily(), base.getSize() * 0.86);
        Font titleFont = Font.font(base.getFamily(), FontWeight.BOLD, base.getSize());
        boolean log = plot.isLogY();

        // ---- data bounds
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (LinePlot.Series s : plot.getSeries()) {
            if (!s.visible) {
                continue;
            }
            for (int i = 0; i < s.size; i++) {
                double x = s.xs[i];
                double y = s.ys[i];
                if (!Double.isFinite(x) || !Double.isFinite(y) || (log && y <= 0)) {
                    continue;
                }
                double v = log ? Math.log10(y) : y;
                if (x < xMin) {
                    xMin = x;
                }
                if (x > xMax) {
                    xMax = x;
                }
                if (v < yMin) {
                    yMin = v;
                }
                if (v > yMax) {
                    yMax = v;
                }
            }
        }
        boolean empty = xMin > xMax;
        double[] range = PlotRange.padded(xMin, xMax, yMin, yMax, log);
        xMin = range[0];
        xMax = range[1];
        yMin = range[2];
        yMax = range[3];

        // ---- ticks and margins
        g.setFont(tickFont);
        double lineH = tickFont.getSize() * 1.3;
        double top = pad + (plot.titleProperty().get().isEmpty() ? 0 : titleFont.getSize() * 1.6);
        double bottom = h - pad - lineH - (plot.xLabelProperty().get().isEmpty() ? 0 : lineH);
        int yTarget = (int) Math.max(2, Math.min(10, (bottom - top) / (45 * em)));
        List<Double> yTicks = log ? Ticks.log(yMin, yMax) : Ticks.linear(yMin, yMax, yTarget);
        double yStep = log ? 1 : Ticks.niceStep(yMax - yMin, yTarget);
        List<String> yTickText = new ArrayList<>(yTicks.size());
        double labelW = 0;
        for (double t : yTicks) {
            String s = log ? Ticks.format(t, t) : Ticks.format(t, yStep);
            yTickText.add(s);
            labelW = Math.max(labelW, textWidth(s, tickFont));
        }
        double left = pad + labelW + 8 * em + (plot.yLabelProperty().get().isEmpty() ? 0 : lineH);
        double right = w - pad - 6 * em;
        if (right - left < 10 || bottom - top < 10) {
            return;
        }
        int xTarget = (int) Math.max(2, Math.min(12, (right - left) / (90 * em)));
        List<Double> xTicks = Ticks.linear(xMin, xMax, xTarget);
        double xStep = Ticks.niceStep(xMax - xMin, xTarget);

        double xScale = (right - left) / (xMax - xMin);
        double yScale = (bottom - top) / (yMax - yMin);
        Decimator.Mapping map = new Decimator.Mapping(xMin, xScale, left, log, yMin, yScale, bottom);

        // ---- grid and ticks (hairlines at the default size, thicker when scaled up)
        g.setLineWidth(Math.round(em));
        g.setStroke(gridFill);
        g.setFill(textFill);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (int i = 0; i < yTicks.size(); i++) {
            double py = Math.round(map.py(yTicks.get(i))) + 0.5;
            if (py < top - 0.5 || py > bottom + 0.5) {
                continue;
            }
            g.strokeLine(left, py, right, py);
            g.fillText(yTickText.get(i), left - 6 * em, py);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t : xTicks) {
            double px = Math.round(map.px(t)) + 0.5;
            if (px < left - 0.5 || px > right + 0.5) {
                continue;
            }
            g.strokeLine(px, top, px, bottom);
            g.fillText(Ticks.format(t, xStep), px, bottom + 4 * em);
        }
        g.setStroke(textFill);
        g.strokeLine(left + 0.5, top, left + 0.5, bottom + 0.5);
        g.strokeLine(left, bottom + 0.5, right, bottom + 0.5);

        // ---- labels
        if (!plot.titleProperty().get().isEmpty()) {
            g.setFont(titleFont);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(plot.titleProperty().get(), left, pad);
        }
        g.setFont(tickFont);
        if (!plot.xLabelProperty().get().isEmpty()) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(plot.xLabelProperty().get(), (left + right) / 2, h - pad + 4 * em);
        }
        if (!plot.yLabelProperty().get().isEmpty()) {
            g.save();
            g.translate(pad + lineH / 2, (top + bottom) / 2);
            g.rotate(-90);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(plot.yLabelProperty().get() + (log ? " (log)" : ""), 0, 0);
            g.restore();
        }

        if (empty) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(plot.emptyTextProperty().get(), (left + right) / 2, (top + bottom) / 2);
            return;
        }

        // ---- series (no clip: bounds come from the data, and clipping is costly in software rendering)
        g.save();
        g.setLineWidth(2 * em);
        g.setLineJoin(StrokeLineJoin.ROUND);
        for (LinePlot.Series s : plot.getSeries()) {
            if (!s.visible || s.size == 0) {
                continue;
            }
            if (s.size > (right - left) * 1.5) {
                drawEnvelope(g, s, map);
            } else {
                drawPolyline(g, s, map);
            }
        }
        g.restore();

        drawLegend(g, tickFont, textFill, gridFill, left, top, right, bottom);
    }

    /** Sparse data: the exact line (at most four vertices per pixel column). */
    private void drawPolyline(GraphicsContext g, LinePlot.Series s, Decimator.Mapping map) {
        int n = decimator.decimate(s.xs, s.ys, s.size, map);
        double[] px = decimator.xs();
        double[] py = decimator.ys();
        g.setStroke(s.color);
        g.beginPath();
        boolean pen = false;
        int run = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(px[i])) {
                pen = false;
                continue;
            }
            if (pen) {
                g.lineTo(px[i], py[i]);
                run++;
            } else {
                g.moveTo(px[i], py[i]);
                pen = true;
                run = 0;
            }
        }
        g.stroke();
        if (n > 0 && run == 0 && !Double.isNaN(px[n - 1])) {
            g.setFill(s.color);
            double r = 2.5 * em;
            g.fillOval(px[n - 1] - r, py[n - 1] - r, 2 * r, 2 * r);
        }
    }

    /**
     * Dense data (more points than pixel columns): a translucent min–max band per column and a line
     * through the column means. Same envelope as the full line; far cheaper to rasterise than a
     * zig-zag stroke, especially with the software pipeline.
     */
    private void drawEnvelope(GraphicsContext g, LinePlot.Series s, Decimator.Mapping map) {
        int n = decimator.envelope(s.xs, s.ys, s.size, map);
        double[] px = decimator.xs();
        double[] mean = decimator.ys();
        double[] lo = decimator.mins();
        double[] hi = decimator.maxs();
        g.setFill(s.color.deriveColor(0, 1, 1, 0.28));
        int start = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || Double.isNaN(px[i])) {
                if (i > start) {
                    g.beginPath();
                    g.moveTo(px[start] - 0.5, lo[start]);
                    for (int j = start; j < i; j++) {
                        g.lineTo(px[j], lo[j]);
                    }
                    g.lineTo(px[i - 1] + 0.5, lo[i - 1]);
                    g.lineTo(px[i - 1] + 0.5, hi[i - 1] + 1);
                    for (int j = i - 1; j >= start; j--) {
                        g.lineTo(px[j], hi[j] + 1);
                    }
                    g.lineTo(px[start] - 0.5, hi[start] + 1);
                    g.closePath();
                    g.fill();
                }
                start = i + 1;
            }
        }
        g.setStroke(s.color);
        g.beginPath();
        boolean pen = false;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(px[i])) {
                pen = false;
            } else if (pen) {
                g.lineTo(px[i], mean[i]);
            } else {
                g.moveTo(px[i], mean[i]);
                pen = true;
            }
        }
        g.stroke();
    }

    private void drawLegend(GraphicsContext g, Font font, Paint textFill, Paint border,
                            double left, double top, double right, double bottom) {
        List<LinePlot.Series> shown = plot.getSeries().stream().filter(s -> s.visible).toList();
        if (shown.isEmpty()) {
            return;
        }
        double lineH = font.getSize() * 1.45;
        double swatch = 18 * em;
        double gap = 8 * em;
        double textW = 0;
        for (LinePlot.Series s : shown) {
            textW = Math.max(textW, textWidth(s.name, font));
        }
        double boxW = swatch + gap + textW + 2 * gap;
        double boxH = shown.size() * lineH + gap;
        double x = right - boxW - gap;
        double y = plot.legendBottomProperty().get() ? bottom - boxH - gap : top + gap;
        if (x < left + gap) {
            return;
        }
        Paint bg = plot.getBackground() != null && !plot.getBackground().getFills().isEmpty()
                ? plot.getBackground().getFills().get(0).getFill() : Color.WHITE;
        g.setGlobalAlpha(0.88);
        g.setFill(bg);
        g.fillRoundRect(x, y, boxW, boxH, gap, gap);
        g.setGlobalAlpha(1);
        g.setStroke(border);
        g.setLineWidth(Math.round(em));
        g.strokeRoundRect(x + 0.5, y + 0.5, boxW, boxH, gap, gap);
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double cy = y + gap / 2 + lineH / 2;
        for (LinePlot.Series s : shown) {
            g.setStroke(s.color);
            g.setLineWidth(3 * em);
            g.strokeLine(x + gap, cy, x + gap + swatch, cy);
            g.setFill(textFill);
            g.fillText(s.name, x + gap + swatch + gap, cy);
            cy += lineH;
        }
    }

    private double textWidth(String s, Font font) {
        measure.setFont(font);
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
    }}
