package org.convstudio.ui.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * A fast line plot drawn on a single {@link Canvas}: several named series, thousands of points each.
 *
 * <ul>
 *   <li>Each series is decimated to at most four vertices per pixel column before stroking.</li>
 *   <li>Redraws only when dirty (data, size, options or theme changed), at most once per pulse:
 *       changes mark the plot dirty and request a layout; drawing happens in
 *       {@link #layoutChildren()}.</li>
 *   <li>Axes with "nice" ticks, optional log-scale y, a legend, title and axis labels.</li>
 *   <li>Colours follow the theme: text and grid colours come from CSS (style classes
 *       {@code line-plot-text} and {@code line-plot-grid}, looked-up AtlantaFX colours).</li>
 * </ul>
 * All methods must be called on the FX thread; feed it from workers through {@link PulseDrain}.
 */
public class LinePlot extends Region {

    /** Default series colours, legible on light and dark backgrounds. */
    public static final List<Color> PALETTE = List.of(
            Color.web("#2f81f7"), Color.web("#f0883e"), Color.web("#3fb950"),
            Color.web("#db61a2"), Color.web("#a371f7"), Color.web("#d29922"));

    /** One named line. Append points or replace them all; both mark the plot dirty. */
    public final class Series {
        private final String name;
        private Color color;
        private double[] xs = new double[64];
        private double[] ys = new double[64];
        private int size;
        private boolean visible = true;

        private Series(String name, Color color) {
            this.name = name;
            this.color = color;
        }

        public String name() {
            return name;
        }

        public Color color() {
            return color;
        }

        public void setColor(Color color) {
            this.color = color;
            markDirty();
        }

        public int size() {
            return size;
        }

        public boolean isVisible() {
            return visible;
        }

        public void setVisible(boolean visible) {
            this.visible = visible;
            markDirty();
        }

        public void append(double x, double y) {
            ensure(size + 1);
            xs[size] = x;
            ys[size] = y;
            size++;
            markDirty();
        }

        /** Replaces the data with the first {@code n} values of the arrays (copied). */
        public void setAll(double[] x, double[] y, int n) {
            if (n > x.length || n > y.length) {
                throw new IllegalArgumentException("n=" + n + " exceeds the arrays");
            }
            ensure(n);
            System.arraycopy(x, 0, xs, 0, n);
            System.arraycopy(y, 0, ys, 0, n);
            size = n;
            markDirty();
        }

        public void clear() {
            size = 0;
            markDirty();
        }

        /**
         * Brings the series up to date with an append-only snapshot: copies only the new points when
         * the snapshot extends what is shown, everything otherwise.
         */
        public void sync(AppendOnlySeries.Snapshot snapshot) {
            int n = snapshot.size();
            if (n == size) {
                return;
            }
            if (n > size && size > 0 && snapshot.xs()[size - 1] == xs[size - 1]
                    && (snapshot.ys()[size - 1] == ys[size - 1]
                        || (Double.isNaN(snapshot.ys()[size - 1]) && Double.isNaN(ys[size - 1])))) {
                ensure(n);
                System.arraycopy(snapshot.xs(), size, xs, size, n - size);
                System.arraycopy(snapshot.ys(), size, ys, size, n - size);
                size = n;
                markDirty();
            } else {
                setAll(snapshot.xs(), snapshot.ys(), n);
            }
        }

        public double x(int i) {
            return xs[i];
        }

        public double y(int i) {
            return ys[i];
        }

        private void ensure(int capacity) {
            if (capacity > xs.length) {
                int n = Math.max(capacity, xs.length * 2);
                xs = Arrays.copyOf(xs, n);
                ys = Arrays.copyOf(ys, n);
            }
        }
    }

    private static final double PAD = 10;

    private final Canvas canvas = new Canvas();
    private final List<Series> series = new ArrayList<>();
    private final Decimator decimator = new Decimator();
    private final Text measure = new Text();
    private final Label textProbe = new Label();
    private final Label gridProbe = new Label();

    private final BooleanProperty logY = new SimpleBooleanProperty(this, "logY", false);
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty xLabel = new SimpleStringProperty(this, "xLabel", "");
    private final StringProperty yLabel = new SimpleStringProperty(this, "yLabel", "");
    private final StringProperty emptyText = new SimpleStringProperty(this, "emptyText", "No data yet");

    private final BooleanProperty legendBottom = new SimpleBooleanProperty(this, "legendBottom", false);
    private boolean dirty = true;
    private long redrawCount;
    private double lastWidth = -1;
    private double lastHeight = -1;

    public LinePlot() {
        getStyleClass().add("line-plot");
        textProbe.getStyleClass().add("line-plot-text");
        gridProbe.getStyleClass().add("line-plot-grid");
        for (Label probe : List.of(textProbe, gridProbe)) {
            probe.setManaged(false);
            probe.setVisible(false);
        }
        getChildren().addAll(canvas, textProbe, gridProbe);
        textProbe.textFillProperty().addListener((o, a, b) -> markDirty());
        textProbe.fontProperty().addListener((o, a, b) -> markDirty());
        gridProbe.textFillProperty().addListener((o, a, b) -> markDirty());
        logY.addListener((o, a, b) -> markDirty());
        legendBottom.addListener((o, a, b) -> markDirty());
        title.addListener((o, a, b) -> markDirty());
        xLabel.addListener((o, a, b) -> markDirty());
        yLabel.addListener((o, a, b) -> markDirty());
        emptyText.addListener((o, a, b) -> markDirty());
        setMinSize(120, 90);
        setPrefSize(480, 300);
    }

    /** Adds a series with the next palette colour. */
    public Series addSeries(String name) {
        return addSeries(name, PALETTE.get(series.size() % PALETTE.size()));
    }

    public Series addSeries(String name, Color color) {
        Series s = new Series(name, color);
        series.add(s);
        markDirty();
        return s;
    }

    public List<Series> getSeries() {
        return Collections.unmodifiableList(series);
    }

    public void clearSeries() {
        series.clear();
        markDirty();
    }

    /** Marks the plot for redrawing at the next pulse. Cheap; call freely. */
    public final void markDirty() {
        if (!dirty) {
            dirty = true;
        }
        requestLayout();
    }

    public boolean isDirty() {
        return dirty;
    }

    /** How many times the plot has actually been drawn (for tests and benchmarks). */
    public long getRedrawCount() {
        return redrawCount;
    }

    public BooleanProperty logYProperty() {
        return logY;
    }

    public boolean isLogY() {
        return logY.get();
    }

    public void setLogY(boolean v) {
        logY.set(v);
    }

    /** Puts the legend in the bottom-right corner (for rising curves such as accuracy). */
    public BooleanProperty legendBottomProperty() {
        return legendBottom;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public void setTitle(String v) {
        title.set(v);
    }

    public StringProperty xLabelProperty() {
        return xLabel;
    }

    public void setXLabel(String v) {
        xLabel.set(v);
    }

    public StringProperty yLabelProperty() {
        return yLabel;
    }

    public void setYLabel(String v) {
        yLabel.set(v);
    }

    public StringProperty emptyTextProperty() {
        return emptyText;
    }

    public Canvas getCanvas() {
        return canvas;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (w != lastWidth || h != lastHeight) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            lastWidth = w;
            lastHeight = h;
            dirty = true;
        }
        canvas.relocate(0, 0);
        if (dirty) {
            redraw();
        }
    }

    /** Draws now, regardless of the dirty flag. Normally called from layout, once per pulse. */
    public void redraw() {
        dirty = false;
        redrawCount++;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w < 20 || h < 20) {
            return;
        }
        Paint textFill = textProbe.getTextFill() != null ? textProbe.getTextFill() : Color.GRAY;
        Paint gridFill = gridProbe.getTextFill() != null ? gridProbe.getTextFill() : Color.LIGHTGRAY;
        Font base = textProbe.getFont() != null ? textProbe.getFont() : Font.getDefault();
        Font tickFont = Font.font(base.getFamily(), base.getSize() * 0.86);
        Font titleFont = Font.font(base.getFamily(), FontWeight.BOLD, base.getSize());
        boolean log = logY.get();

        // ---- data bounds
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
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
        if (empty) {
            xMin = 0;
            xMax = 1;
            yMin = 0;
            yMax = 1;
        }
        if (xMax == xMin) {
            xMin -= 0.5;
            xMax += 0.5;
        }
        if (yMax == yMin) {
            yMin -= log ? 0.5 : Math.max(1e-9, Math.abs(yMin) * 0.1 + (yMin == 0 ? 1 : 0));
            yMax += log ? 0.5 : Math.max(1e-9, Math.abs(yMax) * 0.1 + (yMax == 0 ? 1 : 0));
        } else {
            double padY = (yMax - yMin) * 0.05;
            yMin -= padY;
            yMax += padY;
        }

        // ---- ticks and margins
        g.setFont(tickFont);
        double lineH = tickFont.getSize() * 1.3;
        double top = PAD + (title.get().isEmpty() ? 0 : titleFont.getSize() * 1.6);
        double bottom = h - PAD - lineH - (xLabel.get().isEmpty() ? 0 : lineH);
        int yTarget = (int) Math.max(2, Math.min(10, (bottom - top) / 45));
        List<Double> yTicks = log ? Ticks.log(yMin, yMax) : Ticks.linear(yMin, yMax, yTarget);
        double yStep = log ? 1 : Ticks.niceStep(yMax - yMin, yTarget);
        List<String> yTickText = new ArrayList<>(yTicks.size());
        double labelW = 0;
        for (double t : yTicks) {
            String s = log ? Ticks.format(t, t) : Ticks.format(t, yStep);
            yTickText.add(s);
            labelW = Math.max(labelW, textWidth(s, tickFont));
        }
        double left = PAD + labelW + 8 + (yLabel.get().isEmpty() ? 0 : lineH);
        double right = w - PAD - 6;
        if (right - left < 10 || bottom - top < 10) {
            return;
        }
        int xTarget = (int) Math.max(2, Math.min(12, (right - left) / 90));
        List<Double> xTicks = Ticks.linear(xMin, xMax, xTarget);
        double xStep = Ticks.niceStep(xMax - xMin, xTarget);

        double xScale = (right - left) / (xMax - xMin);
        double yScale = (bottom - top) / (yMax - yMin);
        Decimator.Mapping map = new Decimator.Mapping(xMin, xScale, left, log, yMin, yScale, bottom);

        // ---- grid and ticks
        g.setLineWidth(1);
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
            g.fillText(yTickText.get(i), left - 6, py);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t : xTicks) {
            double px = Math.round(map.px(t)) + 0.5;
            if (px < left - 0.5 || px > right + 0.5) {
                continue;
            }
            g.strokeLine(px, top, px, bottom);
            g.fillText(Ticks.format(t, xStep), px, bottom + 4);
        }
        g.setStroke(textFill);
        g.strokeLine(left + 0.5, top, left + 0.5, bottom + 0.5);
        g.strokeLine(left, bottom + 0.5, right, bottom + 0.5);

        // ---- labels
        if (!title.get().isEmpty()) {
            g.setFont(titleFont);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(title.get(), left, PAD);
        }
        g.setFont(tickFont);
        if (!xLabel.get().isEmpty()) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(xLabel.get(), (left + right) / 2, h - PAD + 4);
        }
        if (!yLabel.get().isEmpty()) {
            g.save();
            g.translate(PAD + lineH / 2, (top + bottom) / 2);
            g.rotate(-90);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(yLabel.get() + (log ? " (log)" : ""), 0, 0);
            g.restore();
        }

        if (empty) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(emptyText.get(), (left + right) / 2, (top + bottom) / 2);
            return;
        }

        // ---- series (no clip: bounds come from the data, and clipping is costly in software rendering)
        g.save();
        g.setLineWidth(2);
        g.setLineJoin(StrokeLineJoin.ROUND);
        for (Series s : series) {
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
    private void drawPolyline(GraphicsContext g, Series s, Decimator.Mapping map) {
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
            g.fillOval(px[n - 1] - 2.5, py[n - 1] - 2.5, 5, 5);
        }
    }

    /**
     * Dense data (more points than pixel columns): a translucent min–max band per column and a line
     * through the column means. Same envelope as the full line; far cheaper to rasterise than a
     * zig-zag stroke, especially with the software pipeline.
     */
    private void drawEnvelope(GraphicsContext g, Series s, Decimator.Mapping map) {
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
        List<Series> shown = series.stream().filter(s -> s.visible).toList();
        if (shown.isEmpty()) {
            return;
        }
        double lineH = font.getSize() * 1.45;
        double swatch = 18;
        double textW = 0;
        for (Series s : shown) {
            textW = Math.max(textW, textWidth(s.name, font));
        }
        double boxW = swatch + 8 + textW + 16;
        double boxH = shown.size() * lineH + 8;
        double x = right - boxW - 8;
        double y = legendBottom.get() ? bottom - boxH - 8 : top + 8;
        if (x < left + 8) {
            return;
        }
        Paint bg = getBackground() != null && !getBackground().getFills().isEmpty()
                ? getBackground().getFills().get(0).getFill() : Color.WHITE;
        g.setGlobalAlpha(0.88);
        g.setFill(bg);
        g.fillRoundRect(x, y, boxW, boxH, 8, 8);
        g.setGlobalAlpha(1);
        g.setStroke(border);
        g.setLineWidth(1);
        g.strokeRoundRect(x + 0.5, y + 0.5, boxW, boxH, 8, 8);
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double cy = y + 4 + lineH / 2;
        for (Series s : shown) {
            g.setStroke(s.color);
            g.setLineWidth(3);
            g.strokeLine(x + 8, cy, x + 8 + swatch, cy);
            g.setFill(textFill);
            g.fillText(s.name, x + 8 + swatch + 8, cy);
            cy += lineH;
        }
    }

    private double textWidth(String s, Font font) {
        measure.setFont(font);
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
    }
}
