package org.convstudio.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a line chart as SVG from its data — axes with the same "nice" ticks as the screen
 * ({@link Ticks}), grid, title, axis labels, one {@code <polyline>} per series and a legend — so that a
 * chart scales cleanly in a paper or a slide. Pure Java (no JavaFX): {@link LinePlot#toSvg(double, double)}
 * hands it a copy of the plot's data.
 */
public final class PlotSvg {

    /** One series: its name, colour ({@code #rrggbb}) and points (non-finite values break the line). */
    public record Series(String name, String color, double[] xs, double[] ys) {
    }

    /** A chart: texts, the y scale and the series, drawn at {@code width} × {@code height} user units. */
    public record Chart(String title, String xLabel, String yLabel, boolean logY, List<Series> series,
                        double width, double height) {
    }

    private static final double PAD = 12;
    private static final double FONT = 12;

    private PlotSvg() {
    }

    /** The chart as a standalone SVG document (UTF-8 text). */
    public static String write(Chart c) {
        boolean log = c.logY();
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Series s : c.series()) {
            for (int i = 0; i < Math.min(s.xs().length, s.ys().length); i++) {
                double x = s.xs()[i];
                double y = s.ys()[i];
                if (!Double.isFinite(x) || !Double.isFinite(y) || (log && y <= 0)) {
                    continue;
                }
                double v = log ? Math.log10(y) : y;
                xMin = Math.min(xMin, x);
                xMax = Math.max(xMax, x);
                yMin = Math.min(yMin, v);
                yMax = Math.max(yMax, v);
            }
        }
        double[] range = PlotRange.padded(xMin, xMax, yMin, yMax, log);
        xMin = range[0];
        xMax = range[1];
        yMin = range[2];
        yMax = range[3];
        double w = c.width();
        double h = c.height();
        double top = PAD + (c.title().isEmpty() ? 0 : FONT * 1.8);
        double bottom = h - PAD - FONT * 1.4 - (c.xLabel().isEmpty() ? 0 : FONT * 1.4);
        int yTarget = (int) Math.max(2, Math.min(10, (bottom - top) / 45));
        List<Double> yTicks = log ? Ticks.log(yMin, yMax) : Ticks.linear(yMin, yMax, yTarget);
        double yStep = log ? 1 : Ticks.niceStep(yMax - yMin, yTarget);
        List<String> yText = new ArrayList<>();
        int widest = 0;
        for (double t : yTicks) {
            String s = Ticks.format(t, log ? t : yStep); // log ticks are values, placed at their log10
            yText.add(s);
            widest = Math.max(widest, yText.get(yText.size() - 1).length());
        }
        double left = PAD + widest * FONT * 0.6 + 8 + (c.yLabel().isEmpty() ? 0 : FONT * 1.4);
        double right = w - PAD;
        int xTarget = (int) Math.max(2, Math.min(12, (right - left) / 90));
        List<Double> xTicks = Ticks.linear(xMin, xMax, xTarget);
        double xStep = Ticks.niceStep(xMax - xMin, xTarget);
        double sx = (right - left) / (xMax - xMin);
        double sy = (bottom - top) / (yMax - yMin);
        final double x0 = xMin;
        final double y0 = yMin;

        StringBuilder b = new StringBuilder(4096);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append("\" viewBox=\"0 0 ").append(num(w)).append(' ')
                .append(num(h)).append("\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"")
                .append(num(FONT)).append("\">\n");
        if (!c.title().isEmpty()) {
            b.append("  <title>").append(esc(c.title())).append("</title>\n");
        }
        b.append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        b.append("  <g id=\"grid\" stroke=\"#d0d7de\" stroke-width=\"1\" fill=\"#24292f\">\n");
        for (int i = 0; i < yTicks.size(); i++) {
            double py = bottom - ((log ? Math.log10(yTicks.get(i)) : yTicks.get(i)) - y0) * sy;
            if (py < top - 0.5 || py > bottom + 0.5) {
                continue;
            }
            b.append("    <line x1=\"").append(num(left)).append("\" y1=\"").append(num(py)).append("\" x2=\"")
                    .append(num(right)).append("\" y2=\"").append(num(py)).append("\"/>\n");
            b.append("    <text x=\"").append(num(left - 6)).append("\" y=\"").append(num(py + FONT * 0.35))
                    .append("\" text-anchor=\"end\" stroke=\"none\">").append(esc(yText.get(i))).append("</text>\n");
        }
        for (double t : xTicks) {
            double px = left + (t - x0) * sx;
            if (px < left - 0.5 || px > right + 0.5) {
                continue;
            }
            b.append("    <line x1=\"").append(num(px)).append("\" y1=\"").append(num(top)).append("\" x2=\"")
                    .append(num(px)).append("\" y2=\"").append(num(bottom)).append("\"/>\n");
            b.append("    <text x=\"").append(num(px)).append("\" y=\"").append(num(bottom + FONT * 1.2))
                    .append("\" text-anchor=\"middle\" stroke=\"none\">").append(esc(Ticks.format(t, xStep))).append("</text>\n");
        }
        b.append("  </g>\n");
        b.append("  <g id=\"axes\" stroke=\"#24292f\" stroke-width=\"1\" fill=\"none\">\n");
        b.append("    <polyline points=\"").append(num(left)).append(',').append(num(top)).append(' ').append(num(left))
                .append(',').append(num(bottom)).append(' ').append(num(right)).append(',').append(num(bottom)).append("\"/>\n");
        b.append("  </g>\n");
        b.append("  <g id=\"labels\" fill=\"#24292f\">\n");
        if (!c.title().isEmpty()) {
            b.append("    <text x=\"").append(num(left)).append("\" y=\"").append(num(PAD + FONT)).append("\" font-weight=\"bold\">")
                    .append(esc(c.title())).append("</text>\n");
        }
        if (!c.xLabel().isEmpty()) {
            b.append("    <text x=\"").append(num((left + right) / 2)).append("\" y=\"").append(num(h - PAD))
                    .append("\" text-anchor=\"middle\">").append(esc(c.xLabel())).append("</text>\n");
        }
        if (!c.yLabel().isEmpty()) {
            double cx = PAD + FONT * 0.7;
            double cy = (top + bottom) / 2;
            b.append("    <text x=\"").append(num(cx)).append("\" y=\"").append(num(cy)).append("\" text-anchor=\"middle\" transform=\"rotate(-90 ")
                    .append(num(cx)).append(' ').append(num(cy)).append(")\">").append(esc(c.yLabel() + (log ? " (log)" : "")))
                    .append("</text>\n");
        }
        b.append("  </g>\n");
        b.append("  <g id=\"series\" fill=\"none\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-linecap=\"round\">\n");
        for (Series s : c.series()) {
            b.append("    <g class=\"series\" stroke=\"").append(esc(s.color())).append("\"><title>").append(esc(s.name()))
                    .append("</title>\n");
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i <= Math.min(s.xs().length, s.ys().length); i++) {
                boolean end = i == Math.min(s.xs().length, s.ys().length);
                double x = end ? Double.NaN : s.xs()[i];
                double y = end ? Double.NaN : s.ys()[i];
                boolean ok = Double.isFinite(x) && Double.isFinite(y) && !(log && y <= 0);
                if (ok) {
                    double v = log ? Math.log10(y) : y;
                    pts.append(pts.length() == 0 ? "" : " ").append(num(left + (x - x0) * sx)).append(',')
                            .append(num(bottom - (v - y0) * sy));
                } else if (pts.length() > 0) { // a gap ends one polyline
                    b.append("      <polyline points=\"").append(pts).append("\"/>\n");
                    pts.setLength(0);
                }
            }
            b.append("    </g>\n");
        }
        b.append("  </g>\n");
        legend(b, c.series(), right, top);
        b.append("</svg>\n");
        return b.toString();
    }

    private static void legend(StringBuilder b, List<Series> series, double right, double top) {
        if (series.isEmpty()) {
            return;
        }
        int longest = series.stream().mapToInt(s -> s.name().length()).max().orElse(0);
        double lineH = FONT * 1.45;
        double boxW = 18 + 8 + longest * FONT * 0.6 + 16;
        double boxH = series.size() * lineH + 8;
        double x = right - boxW - 8;
        double y = top + 8;
        b.append("  <g id=\"legend\">\n");
        b.append("    <rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(boxW))
                .append("\" height=\"").append(num(boxH)).append("\" rx=\"4\" fill=\"#ffffff\" fill-opacity=\"0.88\" stroke=\"#d0d7de\"/>\n");
        double cy = y + 4 + lineH / 2;
        for (Series s : series) {
            b.append("    <line x1=\"").append(num(x + 8)).append("\" y1=\"").append(num(cy)).append("\" x2=\"").append(num(x + 26))
                    .append("\" y2=\"").append(num(cy)).append("\" stroke=\"").append(esc(s.color())).append("\" stroke-width=\"3\"/>\n");
            b.append("    <text x=\"").append(num(x + 34)).append("\" y=\"").append(num(cy + FONT * 0.35)).append("\" fill=\"#24292f\">")
                    .append(esc(s.name())).append("</text>\n");
            cy += lineH;
        }
        b.append("  </g>\n");
    }

    /** A coordinate with at most two decimals, '.' as the separator whatever the locale. */
    public static String num(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s.equals("-0") ? "0" : s;
    }

    /** Text for XML content and attributes. */
    public static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (ch >= 0x20 || ch == '\t' || ch == '\n') {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }
}
