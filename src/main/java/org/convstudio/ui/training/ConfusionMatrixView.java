package org.convstudio.ui.training;

import java.util.List;
import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.convstudio.analysis.metrics.ConfusionMatrix;

/**
 * A confusion matrix as a heat-map grid on one canvas: rows are the true classes, columns the
 * predicted ones, each cell shows its count and is shaded by its share of the row. Redrawn only when
 * the matrix, the size or the theme changes. Labels, counts and lines are sized from the theme's font, so
 * Large Text enlarges them with the rest of the page.
 */
public final class ConfusionMatrixView extends Region {

    private static final Color ACCENT = Color.web("#2f81f7");
    private static final Color RIGHT = Color.web("#2da44e");

    private final Canvas canvas = new Canvas();
    private final Label textProbe = new Label();
    private final Label gridProbe = new Label();
    private final Text measure = new Text();
    private ConfusionMatrix matrix;
    private List<String> names = List.of();
    private String emptyText = "The confusion matrix appears after the first epoch";
    private boolean dirty = true;
    private double lastW = -1;
    private double lastH = -1;
    private long redraws;

    public ConfusionMatrixView() {
        getStyleClass().add("confusion-matrix");
        textProbe.getStyleClass().add("line-plot-text");
        gridProbe.getStyleClass().add("line-plot-grid");
        for (Label probe : List.of(textProbe, gridProbe)) {
            probe.setManaged(false);
            probe.setVisible(false);
            probe.textFillProperty().addListener((o, a, b) -> markDirty());
        }
        textProbe.fontProperty().addListener((o, a, b) -> markDirty());
        getChildren().addAll(canvas, textProbe, gridProbe);
        setMinSize(160, 160);
        setPrefSize(360, 360);
        javafx.scene.control.MenuItem png = new javafx.scene.control.MenuItem("Save Matrix as PNG…");
        png.setOnAction(e -> choose("png"));
        javafx.scene.control.MenuItem svg = new javafx.scene.control.MenuItem("Save Matrix as SVG…");
        svg.setOnAction(e -> choose("svg"));
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(png, svg);
        setOnContextMenuRequested(e -> {
            if (matrix != null) {
                menu.show(this, e.getScreenX(), e.getScreenY());
            }
        });
    }

    private void choose(String ext) {
        org.convstudio.ui.common.PlotExport.chooseFile(this, "confusion matrix", "confusion-matrix", ext).ifPresent(f ->
                save(f, done -> { }, error -> org.convstudio.ui.common.PlotExport.showFailure(this, "confusion matrix", f, error)));
    }

    /**
     * Saves the matrix shown to {@code file}: SVG (redrawn from the counts by {@link ConfusionMatrixSvg}) when its
     * name ends in {@code .svg}, else PNG as drawn. Call on the FX thread; the file is written on a worker.
     */
    public void save(java.nio.file.Path file, java.util.function.Consumer<java.nio.file.Path> onSaved,
                     java.util.function.Consumer<Throwable> onError) {
        if (matrix == null) {
            onError.accept(new IllegalStateException("there is no confusion matrix yet: train for an epoch first"));
            return;
        }
        java.util.concurrent.Callable<byte[]> encode;
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
            ConfusionMatrix m = matrix;
            List<String> n = List.copyOf(names);
            encode = () -> ConfusionMatrixSvg.write(m, n).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } else {
            encode = org.convstudio.ui.common.PlotExport.png(canvas.snapshot(null, null));
        }
        org.convstudio.ui.common.PlotExport.write(file, encode, onSaved, onError);
    }

    /** Shows {@code m} with {@code classNames} (by class index); null clears. */
    public void setMatrix(ConfusionMatrix m, List<String> classNames) {
        matrix = m;
        names = classNames == null ? List.of() : classNames;
        markDirty();
    }

    public ConfusionMatrix getMatrix() {
        return matrix;
    }

    public void setEmptyText(String text) {
        emptyText = text;
        markDirty();
    }

    public long getRedrawCount() {
        return redraws;
    }

    private void markDirty() {
        dirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        canvas.setWidth(w);
        canvas.setHeight(h);
        if (dirty || w != lastW || h != lastH) {
            lastW = w;
            lastH = h;
            dirty = false;
            draw();
        }
    }

    private Color textColor() {
        Paint p = textProbe.getTextFill();
        return p instanceof Color c ? c : Color.GRAY;
    }

    private Color gridColor() {
        Paint p = gridProbe.getTextFill();
        return p instanceof Color c ? c : Color.LIGHTGRAY;
    }

    private String name(int c) {
        return c < names.size() ? names.get(c) : Integer.toString(c);
    }

    private double width(String s, Font f) {
        measure.setFont(f);
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
    }

    private void draw() {
        redraws++;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        double base = textProbe.getFont() == null ? 12 : textProbe.getFont().getSize();
        Font font = Font.font(base);
        Font small = Font.font(base * 0.9);
        Font bold = Font.font(null, FontWeight.BOLD, base);
        Color text = textColor();
        if (matrix == null || w < 40 || h < 40) {
            g.setFill(text);
            g.setFont(font);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(emptyText, w / 2, h / 2, Math.max(10, w - 16));
            return;
        }
        int k = matrix.classes();
        boolean shortNames = true;
        double rowLabelW = 0;
        for (int c = 0; c < k; c++) {
            shortNames &= name(c).length() <= 3;
            rowLabelW = Math.max(rowLabelW, width(name(c), small));
        }
        rowLabelW = Math.min(rowLabelW, w * 0.3) + 8;
        double axisW = base * 1.6; // rotated "true class"
        double top = base * 1.6 + base * 1.5; // "predicted" + column labels
        double left = axisW + rowLabelW;
        double cell = Math.floor(Math.min((w - left - 4) / k, (h - top - 4) / k));
        if (cell < 6) {
            return;
        }
        double gridW = cell * k;
        double x0 = left + Math.max(0, (w - left - gridW) / 2 - 0);
        x0 = Math.min(x0, left + 8);
        double y0 = top;

        g.setFill(text);
        g.setFont(bold);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("predicted class", x0 + gridW / 2, base * 0.9);
        g.save();
        g.translate(base * 0.8, y0 + gridW / 2);
        g.rotate(-90);
        g.fillText("true class", 0, 0);
        g.restore();

        g.setFont(small);
        for (int c = 0; c < k; c++) {
            String col = shortNames ? name(c) : Integer.toString(c);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(col, x0 + c * cell + cell / 2, top - base * 0.75, cell);
            g.setTextAlign(TextAlignment.RIGHT);
            String row = shortNames ? name(c) : c + " " + name(c);
            g.fillText(row, x0 - 6, y0 + c * cell + cell / 2, rowLabelW - 6);
        }

        Font countFont = Font.font(null, FontWeight.BOLD, Math.max(8, Math.min(base * 1.05, cell * 0.5)));
        g.setFont(countFont);
        g.setTextAlign(TextAlignment.CENTER);
        for (int t = 0; t < k; t++) {
            long rowTotal = Math.max(1, matrix.rowTotal(t));
            for (int p = 0; p < k; p++) {
                long n = matrix.count(t, p);
                double share = n / (double) rowTotal;
                double x = x0 + p * cell;
                double y = y0 + t * cell;
                Color hue = t == p ? RIGHT : ACCENT;
                if (n > 0) {
                    g.setFill(hue.deriveColor(0, 1, 1, 0.12 + 0.88 * Math.sqrt(share)));
                    g.fillRect(x + 1, y + 1, cell - 2, cell - 2);
                }
                if (n > 0 && cell >= 14) {
                    g.setFill(share > 0.45 ? Color.WHITE : text);
                    g.fillText(n > 9999 ? String.format(Locale.ROOT, "%.0fk", n / 1000.0) : Long.toString(n),
                            x + cell / 2, y + cell / 2, cell - 2);
                }
            }
        }
        g.setStroke(gridColor());
        g.setLineWidth(Math.max(1, Math.round(base / 14))); // thicker with Large Text
        for (int i = 0; i <= k; i++) {
            g.strokeLine(snap(x0 + i * cell), snap(y0), snap(x0 + i * cell), snap(y0 + gridW));
            g.strokeLine(snap(x0), snap(y0 + i * cell), snap(x0 + gridW), snap(y0 + i * cell));
        }
    }

    private static double snap(double v) {
        return Math.floor(v) + 0.5;
    }
}
