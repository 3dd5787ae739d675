package org.convstudio.ui.training;

import java.util.List;
import java.util.Locale;
import org.convstudio.analysis.metrics.ConfusionMatrix;
import org.convstudio.ui.common.PlotSvg;

/**
 * Writes a confusion matrix as SVG, drawn as the Train page draws it: rows the true classes, columns the predicted
 * ones, each cell shaded by its share of the row (green on the diagonal, blue off it) with its count, class names
 * on both axes. Pure Java (no JavaFX), for papers and slides.
 */
public final class ConfusionMatrixSvg {

    static final String RIGHT = "#2da44e";
    static final String WRONG = "#2f81f7";
    private static final double CELL = 40;
    private static final double FONT = 12;

    private ConfusionMatrixSvg() {
    }

    /** The matrix as a standalone SVG document; {@code names} by class index (missing names: the index). */
    public static String write(ConfusionMatrix m, List<String> names) {
        int k = m.classes();
        boolean shortNames = true; // columns fit names of up to 3 letters; longer ones: the index on top, both by row
        for (int c = 0; c < k; c++) {
            shortNames &= name(names, c).length() <= 3;
        }
        double labelW = 0;
        for (int c = 0; c < k; c++) {
            labelW = Math.max(labelW, rowLabel(names, c, shortNames).length() * FONT * 0.6);
        }
        double left = FONT * 2 + labelW + 8;
        double top = FONT * 2 + FONT * 1.6;
        double grid = CELL * k;
        double width = left + grid + 12;
        double height = top + grid + 12;
        StringBuilder b = new StringBuilder(4096 + 160 * k * k);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(PlotSvg.num(width))
                .append("\" height=\"").append(PlotSvg.num(height)).append("\" viewBox=\"0 0 ").append(PlotSvg.num(width))
                .append(' ').append(PlotSvg.num(height)).append("\" font-family=\"sans-serif\" font-size=\"")
                .append(PlotSvg.num(FONT)).append("\">\n");
        b.append("<title>Confusion matrix: ").append(m.total()).append(" images, accuracy ")
                .append(String.format(Locale.ROOT, "%.4f", m.accuracy())).append("</title>\n");
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        text(b, left + grid / 2, FONT * 1.2, "middle", "bold", "predicted class");
        b.append("<text transform=\"translate(").append(PlotSvg.num(FONT * 1.1)).append(' ')
                .append(PlotSvg.num(top + grid / 2)).append(") rotate(-90)\" text-anchor=\"middle\" font-weight=\"bold\">")
                .append("true class</text>\n");
        for (int c = 0; c < k; c++) {
            text(b, left + c * CELL + CELL / 2, top - FONT * 0.6, "middle", null,
                    shortNames ? name(names, c) : Integer.toString(c));
            text(b, left - 6, top + c * CELL + CELL / 2 + FONT * 0.35, "end", null, rowLabel(names, c, shortNames));
        }
        for (int t = 0; t < k; t++) {
            long row = Math.max(1, m.rowTotal(t));
            for (int p = 0; p < k; p++) {
                long n = m.count(t, p);
                if (n == 0) {
                    continue;
                }
                double share = n / (double) row;
                double x = left + p * CELL;
                double y = top + t * CELL;
                b.append("<rect class=\"cell\" x=\"").append(PlotSvg.num(x + 1)).append("\" y=\"").append(PlotSvg.num(y + 1))
                        .append("\" width=\"").append(PlotSvg.num(CELL - 2)).append("\" height=\"")
                        .append(PlotSvg.num(CELL - 2)).append("\" fill=\"").append(t == p ? RIGHT : WRONG)
                        .append("\" fill-opacity=\"").append(PlotSvg.num(0.12 + 0.88 * Math.sqrt(share)))
                        .append("\"><title>true ").append(PlotSvg.esc(name(names, t))).append(", predicted ")
                        .append(PlotSvg.esc(name(names, p))).append(": ").append(n).append("</title></rect>\n");
                b.append("<text x=\"").append(PlotSvg.num(x + CELL / 2)).append("\" y=\"")
                        .append(PlotSvg.num(y + CELL / 2 + FONT * 0.35)).append("\" text-anchor=\"middle\" font-weight=\"bold\"")
                        .append(share > 0.45 ? " fill=\"#ffffff\"" : "").append('>').append(n).append("</text>\n");
            }
        }
        for (int i = 0; i <= k; i++) {
            line(b, left + i * CELL, top, left + i * CELL, top + grid);
            line(b, left, top + i * CELL, left + grid, top + i * CELL);
        }
        return b.append("</svg>\n").toString();
    }

    private static String rowLabel(List<String> names, int c, boolean shortNames) {
        return shortNames ? name(names, c) : c + " " + name(names, c);
    }

    private static String name(List<String> names, int c) {
        return names != null && c < names.size() ? names.get(c) : Integer.toString(c);
    }

    private static void text(StringBuilder b, double x, double y, String anchor, String weight, String s) {
        b.append("<text x=\"").append(PlotSvg.num(x)).append("\" y=\"").append(PlotSvg.num(y))
                .append("\" text-anchor=\"").append(anchor).append('"');
        if (weight != null) {
            b.append(" font-weight=\"").append(weight).append('"');
        }
        b.append('>').append(PlotSvg.esc(s)).append("</text>\n");
    }

    private static void line(StringBuilder b, double x1, double y1, double x2, double y2) {
        b.append("<line x1=\"").append(PlotSvg.num(x1)).append("\" y1=\"").append(PlotSvg.num(y1)).append("\" x2=\"")
                .append(PlotSvg.num(x2)).append("\" y2=\"").append(PlotSvg.num(y2))
                .append("\" stroke=\"#d0d7de\" stroke-width=\"1\"/>\n");
    }
}
