package org.convstudio.analysis.lesson;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws a lesson step as a slide with Java2D: title, text, and the step's {@link Drawing}. Works without a
 * display (headless), so the command line renders slides on a server; the app shows the same pictures.
 */
public final class LessonRenderer {

    /** Colours and type sizes; {@link #PRESENTATION} is high-contrast with large type for projectors. */
    public record Theme(Color background, Color text, Color muted, Color accent, Color good, Color bad,
                        Color positive, Color negative, float scale) {

        public static final Theme LIGHT = new Theme(new Color(0xFAFAFA), new Color(0x1A1A1A), new Color(0x666666),
                new Color(0xE65100), new Color(0x2E7D32), new Color(0xC62828), new Color(0x1565C0), new Color(0xC62828), 1f);
        public static final Theme PRESENTATION = new Theme(Color.BLACK, Color.WHITE, new Color(0xBBBBBB),
                new Color(0xFFD600), new Color(0x69F0AE), new Color(0xFF5252), new Color(0x40C4FF), new Color(0xFF5252), 1.25f);

        Color tone(Drawing.Tone t) {
            return switch (t) {
                case ACCENT -> accent;
                case GOOD -> good;
                case BAD -> bad;
                case MUTED -> muted;
            };
        }
    }

    private final Theme theme;

    public LessonRenderer(Theme theme) {
        this.theme = theme;
    }

    /** The whole slide: lesson title, step title, text and picture. */
    public BufferedImage render(Lesson lesson, int stepIndex, int width, int height) {
        LessonStep step = lesson.steps().get(stepIndex);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            setup(g);
            g.setColor(theme.background());
            g.fillRect(0, 0, width, height);
            float s = theme.scale() * Math.min(width / 1280f, height / 720f);
            int margin = Math.round(28 * s);
            g.setFont(font(Font.PLAIN, 16 * s));
            g.setColor(theme.muted());
            int y = margin + g.getFontMetrics().getAscent();
            g.drawString(lesson.title() + "  ·  step " + (stepIndex + 1) + " of " + lesson.steps().size(), margin, y);
            g.setFont(font(Font.BOLD, 30 * s));
            g.setColor(theme.text());
            y += g.getFontMetrics().getHeight();
            g.drawString(step.title(), margin, y);
            g.setFont(font(Font.PLAIN, 19 * s));
            List<String> lines = wrap(g.getFontMetrics(), step.text(), width - 2 * margin);
            y += Math.round(12 * s);
            for (String line : lines) {
                y += g.getFontMetrics().getHeight();
                g.drawString(line, margin, y);
            }
            y += Math.round(18 * s);
            drawing(g, step.drawing(), margin, y, width - 2 * margin, height - y - margin, s);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Only the picture of a step, for the app's canvas. */
    public BufferedImage renderDrawing(Drawing d, int width, int height, float scale) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            setup(g);
            drawing(g, d, 0, 0, width, height, scale * theme.scale());
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Writes a PNG atomically (temporary file, then move). */
    public static void writePng(BufferedImage img, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".lesson", ".png.tmp");
        try {
            if (!ImageIO.write(img, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void setup(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    private static Font font(int style, float size) {
        return new Font(Font.SANS_SERIF, style, 1).deriveFont(style, Math.max(6f, size));
    }

    static List<String> wrap(FontMetrics fm, String text, int width) {
        List<String> out = new ArrayList<>();
        for (String para : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : para.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (fm.stringWidth(candidate) > width && line.length() > 0) {
                    out.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            out.add(line.toString());
        }
        return out;
    }

    private void drawing(Graphics2D g, Drawing d, int x, int y, int w, int h, float s) {
        if (w <= 10 || h <= 10) {
            return;
        }
        if (d instanceof Drawing.Grid grid) {
            grid(g, grid, x, y, w, h, s);
        } else if (d instanceof Drawing.Row row) {
            row(g, row, x, y, w, h, s);
        } else if (d instanceof Drawing.Bars bars) {
            bars(g, bars, x, y, w, h, s);
        } else if (d instanceof Drawing.Table table) {
            table(g, table, x, y, w, h, s);
        } else if (d instanceof Drawing.Graph graph) {
            GraphPainter.paint(g, graph, x, y, w, h, s, theme);
        } else if (d instanceof Drawing.Lines lines) {
            lines(g, lines, x, y, w, h, s);
        } else if (d instanceof Drawing.Chart chart) {
            ChartPainter.paint(g, chart, x, y, w, h, s, theme);
        }
    }

    private void row(Graphics2D g, Drawing.Row row, int x, int y, int w, int h, float s) {
        int n = row.items().size();
        int gap = row.between().isEmpty() ? Math.round(20 * s) : Math.round(48 * s);
        int each = (w - gap * (n - 1)) / n;
        g.setFont(font(Font.BOLD, 34 * s));
        for (int i = 0; i < n; i++) {
            int ix = x + i * (each + gap);
            drawing(g, row.items().get(i), ix, y, each, h, s);
            if (i < n - 1 && !row.between().isEmpty()) {
                g.setFont(font(Font.BOLD, 34 * s));
                g.setColor(theme.muted());
                FontMetrics fm = g.getFontMetrics();
                g.drawString(row.between(), ix + each + (gap - fm.stringWidth(row.between())) / 2, y + h / 2 + fm.getAscent() / 2);
            }
        }
    }

    private int caption(Graphics2D g, String caption, int x, int y, int w, float s) {
        if (caption == null || caption.isEmpty()) {
            return 0;
        }
        g.setFont(font(Font.BOLD, 16 * s));
        g.setColor(theme.muted());
        FontMetrics fm = g.getFontMetrics();
        String c = caption;
        while (fm.stringWidth(c) > w && c.length() > 4) {
            c = c.substring(0, c.length() - 2);
        }
        if (!c.equals(caption)) {
            c = c + "…";
        }
        g.drawString(c, x, y + fm.getAscent());
        return fm.getHeight() + Math.round(6 * s);
    }

    private void grid(Graphics2D g, Drawing.Grid grid, int x, int y, int w, int h, float s) {
        int top = y + caption(g, grid.caption(), x, y, w, s);
        int rows = grid.rows();
        int cols = grid.cols();
        if (rows == 0 || cols == 0) {
            return;
        }
        double cell = Math.min((double) w / cols, (double) (y + h - top) / rows);
        double min = 0;
        double max = 0;
        for (double[] r : grid.values()) {
            for (double v : r) {
                if (!Double.isNaN(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        double absMax = Math.max(Math.abs(min), Math.abs(max));
        float fontSize = (float) Math.min(cell * 0.38, 22 * s);
        g.setFont(font(Font.BOLD, fontSize));
        FontMetrics fm = g.getFontMetrics();
        if (grid.showValues()) { // one type size for the whole grid: smaller when the longest value needs it
            int widest = 0;
            for (double[] r : grid.values()) {
                for (double v : r) {
                    widest = Double.isNaN(v) ? widest : Math.max(widest, fm.stringWidth(Grids.fmt(v)));
                }
            }
            if (widest > cell * 0.92) {
                fontSize = (float) Math.max(fontSize * 0.65, fontSize * cell * 0.92 / widest);
                g.setFont(font(Font.BOLD, fontSize));
                fm = g.getFontMetrics();
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = grid.values()[r][c];
                int cx = (int) Math.round(x + c * cell);
                int cy = (int) Math.round(top + r * cell);
                int size = (int) Math.round(x + (c + 1) * cell) - cx;
                int sizeY = (int) Math.round(top + (r + 1) * cell) - cy;
                if (Double.isNaN(v)) {
                    g.setColor(theme.muted());
                    g.drawRect(cx, cy, size, sizeY);
                    continue;
                }
                Color fill = grid.signed() ? diverging(v, absMax) : grey(v, min, max);
                g.setColor(fill);
                g.fillRect(cx, cy, size, sizeY);
                if (grid.showValues() && cell >= 14) {
                    String t = Grids.fmt(v);
                    if (fm.stringWidth(t) > cell * 0.92) {
                        t = String.format(java.util.Locale.ROOT, "%.1f", v);
                    }
                    g.setColor(luminance(fill) > 0.55 ? Color.BLACK : Color.WHITE);
                    g.drawString(t, cx + (size - fm.stringWidth(t)) / 2, cy + (sizeY + fm.getAscent() - fm.getDescent()) / 2);
                }
            }
        }
        if (grid.showValues() || cell >= 16) {
            g.setColor(theme.muted());
            g.setStroke(new BasicStroke(1f));
            for (int r = 0; r <= rows; r++) {
                int ly = (int) Math.round(top + r * cell);
                g.drawLine(x, ly, (int) Math.round(x + cols * cell), ly);
            }
            for (int c = 0; c <= cols; c++) {
                int lx = (int) Math.round(x + c * cell);
                g.drawLine(lx, top, lx, (int) Math.round(top + rows * cell));
            }
        }
        g.setStroke(new BasicStroke(Math.max(2f, 4 * s)));
        for (Drawing.Box b : grid.boxes()) {
            g.setColor(theme.tone(b.tone()));
            g.drawRect((int) Math.round(x + b.left() * cell), (int) Math.round(top + b.top() * cell),
                    (int) Math.round(b.width() * cell), (int) Math.round(b.height() * cell));
        }
        g.setStroke(new BasicStroke(1f));
    }

    private Color grey(double v, double min, double max) {
        double t = max > min ? (v - min) / (max - min) : 0;
        int level = (int) Math.round(40 + 215 * Math.max(0, Math.min(1, t)));
        return new Color(level, level, level);
    }

    private Color diverging(double v, double absMax) {
        double t = absMax == 0 ? 0 : Math.max(-1, Math.min(1, v / absMax));
        Color end = t >= 0 ? theme.positive() : theme.negative();
        double a = Math.abs(t);
        return new Color((int) Math.round(255 + (end.getRed() - 255) * a), (int) Math.round(255 + (end.getGreen() - 255) * a),
                (int) Math.round(255 + (end.getBlue() - 255) * a));
    }

    static double luminance(Color c) {
        return (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
    }

    private void bars(Graphics2D g, Drawing.Bars bars, int x, int y, int w, int h, float s) {
        int top = y + caption(g, bars.caption(), x, y, w, s);
        int n = bars.values().size();
        g.setFont(font(Font.PLAIN, 20 * s));
        FontMetrics fm = g.getFontMetrics();
        int labelW = 0;
        for (String l : bars.labels()) {
            labelW = Math.max(labelW, fm.stringWidth(l));
        }
        int valueW = fm.stringWidth("000,000,000,000");
        int barMax = Math.max(10, w - labelW - valueW - Math.round(40 * s));
        int rowH = Math.min((y + h - top) / Math.max(1, n), Math.round(70 * s));
        double maxV = bars.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        for (int i = 0; i < n; i++) {
            double v = bars.values().get(i);
            double frac = bars.log() ? Math.log10(Math.max(1, v)) / Math.max(1e-9, Math.log10(Math.max(10, maxV)))
                    : v / (maxV == 0 ? 1 : maxV);
            int by = top + i * rowH;
            g.setColor(theme.text());
            g.drawString(bars.labels().get(i), x, by + (rowH + fm.getAscent()) / 2 - fm.getDescent());
            g.setColor(i == 0 ? theme.accent() : theme.positive());
            int bw = (int) Math.round(barMax * Math.max(0.005, frac));
            g.fillRect(x + labelW + Math.round(16 * s), by + rowH / 5, bw, rowH * 3 / 5);
            g.setColor(theme.text());
            String t = v == Math.rint(v) ? ParameterExplosionLesson.f((long) v) : Grids.fmt(v);
            g.drawString(t, x + labelW + Math.round(24 * s) + bw, by + (rowH + fm.getAscent()) / 2 - fm.getDescent());
        }
    }

    private void table(Graphics2D g, Drawing.Table table, int x, int y, int w, int h, float s) {
        int top = y + caption(g, table.caption(), x, y, w, s);
        int rows = table.rows().size() + 1;
        float size = Math.min(20 * s, (y + h - top) / (rows * 1.45f));
        Font plain = font(Font.PLAIN, size);
        Font bold = font(Font.BOLD, size);
        int cols = table.header().size();
        int[] widths = new int[cols];
        for (int pass = 0; pass < 8; pass++) {
            g.setFont(bold);
            FontMetrics fm = g.getFontMetrics();
            java.util.Arrays.fill(widths, 0);
            for (int c = 0; c < cols; c++) {
                widths[c] = fm.stringWidth(table.header().get(c));
                for (List<String> r : table.rows()) {
                    widths[c] = Math.max(widths[c], fm.stringWidth(r.get(c)));
                }
            }
            int total = java.util.Arrays.stream(widths).sum() + Math.round(18 * s) * cols;
            if (total <= w || size < 8) {
                break;
            }
            size *= 0.88f;
            plain = font(Font.PLAIN, size);
            bold = font(Font.BOLD, size);
        }
        int pad = Math.round(18 * s);
        g.setFont(bold);
        int rowH = Math.round(g.getFontMetrics().getHeight() * 1.35f);
        for (int r = 0; r < rows; r++) {
            List<String> cells = r == 0 ? table.header() : table.rows().get(r - 1);
            g.setFont(r == 0 ? bold : plain);
            g.setColor(r == 0 ? theme.accent() : theme.text());
            int cx = x;
            int by = top + r * rowH + g.getFontMetrics().getAscent();
            for (int c = 0; c < cols; c++) {
                g.drawString(cells.get(c), cx, by);
                cx += widths[c] + pad;
            }
        }
    }

    private void lines(Graphics2D g, Drawing.Lines lines, int x, int y, int w, int h, float s) {
        float size = 30 * s;
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 1).deriveFont(size));
        int longest = lines.lines().stream().mapToInt(l -> g.getFontMetrics().stringWidth(l)).max().orElse(1);
        if (longest > w) {
            size = size * w / longest;
            g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 1).deriveFont(size));
        }
        FontMetrics fm = g.getFontMetrics();
        int lineH = Math.round(fm.getHeight() * 1.4f);
        int by = y + Math.max(0, (h - lineH * lines.lines().size()) / 3);
        g.setColor(theme.text());
        for (String l : lines.lines()) {
            by += lineH;
            g.drawString(l, x + Math.round(20 * s), by);
        }
    }
}
