package org.convstudio.ui.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;

/**
 * A fast line plot drawn on a single {@link Canvas}: several named series, thousands of points each
 * (drawn by {@link LinePlotPainter}).
 *
 * <ul>
 *   <li>Each series is decimated to at most four vertices per pixel column before stroking.</li>
 *   <li>Redraws only when dirty (data, size, options or theme changed), at most once per pulse:
 *       changes mark the plot dirty and request a layout; drawing happens in
 *       {@link #layoutChildren()}.</li>
 *   <li>Axes with "nice" ticks, optional log-scale y, a legend, title and axis labels.</li>
 *   <li>Right-click: save the chart as PNG or SVG ({@link PlotExport}).</li>
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
        // read by LinePlotPainter
        final String name;
        Color color;
        double[] xs = new double[64];
        double[] ys = new double[64];
        int size;
        boolean visible = true;

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

    private final Canvas canvas = new Canvas();
    private final List<Series> series = new ArrayList<>();
    private final LinePlotPainter painter = new LinePlotPainter(this);
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
        PlotExport.install(this); // context menu: save as PNG or SVG
    }

    /** The chart as an SVG document of {@code width} × {@code height}, redrawn from the visible series' data. */
    public String toSvg(double width, double height) {
        return PlotSvg.write(PlotExport.chart(this, width, height));
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
        painter.paint(g, w, h, textFill, gridFill, base);
    }
}
