package org.convstudio.ui.inspect;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import org.convstudio.analysis.image.Range;
import org.convstudio.ui.common.AppServices;
import org.convstudio.ui.inspect.InspectSnapshots.Sample;

/**
 * Draw a digit with pen and eraser; it is pre-processed as MNIST was and the class probabilities and the
 * feature maps update as you draw. The stroke is kept as ink values here (cheap arithmetic); the network
 * runs on the inspection worker, newest drawing only.
 */
final class DrawPane extends BorderPane {

    private final java.util.concurrent.atomic.AtomicLong mapsGeneration = new java.util.concurrent.atomic.AtomicLong();

    static final int SIDE = 280;
    private static final double PEN = 9;
    private static final double ERASER = 16;

    private final InspectViewModel vm;
    private final Canvas canvas = new Canvas(SIDE, SIDE);
    private final float[] ink = new float[SIDE * SIDE];
    private final ToggleButton pen = new ToggleButton("Pen");
    private final ToggleButton eraser = new ToggleButton("Eraser");
    private final GridPane bars = new GridPane();
    private final VBox maps = new VBox(8);
    private final Label prediction = new Label("Draw a digit.");
    private final ImageView digit = Fx.view("inspect-draw-digit");
    private double lastX = Double.NaN;
    private double lastY;

    DrawPane(InspectViewModel vm, AppServices services) {
        this.vm = vm;
        setId("inspect-draw");
        canvas.setId("inspect-draw-canvas");
        prediction.setId("inspect-draw-prediction");
        ToggleGroup tools = new ToggleGroup();
        pen.setToggleGroup(tools);
        eraser.setToggleGroup(tools);
        pen.setSelected(true);
        Button clear = new Button("Clear");
        clear.setId("inspect-draw-clear");
        clear.setOnAction(e -> clear());
        clearCanvas();
        canvas.setOnMousePressed(e -> {
            lastX = e.getX();
            lastY = e.getY();
            stroke(e.getX(), e.getY());
        });
        canvas.setOnMouseDragged(e -> stroke(e.getX(), e.getY()));
        canvas.setOnMouseReleased(e -> lastX = Double.NaN);
        vm.drawingProperty().addListener((o, a, s) -> show(s));
        bars.setHgap(6);
        bars.setVgap(3);
        digit.setFitWidth(84);
        VBox left = new VBox(8, new HBox(6, pen, eraser, clear), new StackPane(canvas),
                Fx.muted("Fitted in a 20×20 box and centred by mass in 28×28, as MNIST was made:"), digit);
        left.setPadding(new Insets(8));
        VBox right = new VBox(10, prediction, bars, maps);
        right.setPadding(new Insets(8));
        HBox content = new HBox(16, left, right);
        HBox bar = new HBox(8, Fx.exportButton(services, content, "draw-a-digit.png"));
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setTop(bar);
        setCenter(new ScrollPane(content));
    }

    void clear() {
        java.util.Arrays.fill(ink, 0f);
        clearCanvas();
        submit();
    }

    private void clearCanvas() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.BLACK);
        g.fillRect(0, 0, SIDE, SIDE);
    }

    /** Extends the stroke to (x, y) with the current tool and asks for a new prediction. */
    void stroke(double x, double y) {
        boolean erase = eraser.isSelected();
        double r = erase ? ERASER : PEN;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setStroke(erase ? Color.BLACK : Color.WHITE);
        g.setLineWidth(2 * r);
        g.setLineCap(StrokeLineCap.ROUND);
        double fx = Double.isNaN(lastX) ? x : lastX;
        double fy = Double.isNaN(lastX) ? y : lastY;
        g.strokeLine(fx, fy, x, y);
        double len = Math.hypot(x - fx, y - fy);
        int steps = Math.max(1, (int) Math.ceil(len / 2));
        for (int i = 0; i <= steps; i++) {
            stamp(fx + (x - fx) * i / steps, fy + (y - fy) * i / steps, r, erase ? 0f : 1f);
        }
        lastX = x;
        lastY = y;
        submit();
    }

    private void stamp(double cx, double cy, double r, float value) {
        int x0 = (int) Math.max(0, Math.floor(cx - r));
        int x1 = (int) Math.min(SIDE - 1, Math.ceil(cx + r));
        int y0 = (int) Math.max(0, Math.floor(cy - r));
        int y1 = (int) Math.min(SIDE - 1, Math.ceil(cy + r));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                if ((x + 0.5 - cx) * (x + 0.5 - cx) + (y + 0.5 - cy) * (y + 0.5 - cy) <= r * r) {
                    ink[y * SIDE + x] = value;
                }
            }
        }
    }

    private void submit() {
        if (vm.loaded() != null) {
            vm.draw(ink.clone(), SIDE, SIDE);
        }
    }

    private void show(Sample s) {
        if (s == null) {
            return;
        }
        var l = vm.loaded();
        int[] chw = l.chw();
        digit.setImage(Fx.image(org.convstudio.analysis.image.Pictures.input(s.raw(), chw[0], chw[1], chw[2]).scaled(3)));
        float[] p = s.probabilities();
        boolean blank = true;
        for (float v : ink) {
            if (v > 0) {
                blank = false;
                break;
            }
        }
        prediction.setText(blank ? "Draw a digit (an empty canvas is classified too)."
                : String.format(Locale.ROOT, "Looks like %s (%.0f %%)", name(l, s.predicted()), 100 * p[s.predicted()]));
        bars.getChildren().clear();
        for (int c = 0; c < p.length; c++) {
            Label name = new Label(name(l, c));
            name.setMinWidth(60);
            javafx.scene.layout.StackPane track = new javafx.scene.layout.StackPane();
            Region fill = new Region();
            fill.setPrefSize(Math.max(1, 260 * p[c]), 14);
            fill.setMinHeight(14);
            fill.setMaxWidth(Region.USE_PREF_SIZE);
            fill.setStyle("-fx-background-color: " + (c == s.predicted() ? "#3fb950" : "#2f81f7") + ";");
            Label value = new Label(String.format(Locale.ROOT, "%.1f %%", 100 * p[c]));
            value.setId("inspect-draw-p" + c);
            track.getChildren().add(fill);
            track.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            track.setPrefWidth(262);
            track.setMinWidth(262);
            bars.addRow(c, name, track, value);
        }
        // every block with positions, as the Feature maps pane shows them, coloured on the render thread
        Fx.render(mapsGeneration, () -> MapGrids.draw(s.activations(), l.layers(), Range.Mode.PER_LAYER, 56), grids -> {
            java.util.List<javafx.scene.Node> cards = new java.util.ArrayList<>();
            for (MapGrids.Grid g : grids) {
                cards.add(new VBox(2, new Label(g.caption()), new ImageView(g.image())));
            }
            maps.getChildren().setAll(cards);
        });
    }

    private static String name(InspectSnapshots.Loaded l, int c) {
        return c < l.classNames().size() ? l.classNames().get(c) : Integer.toString(c);
    }

    float[] ink() {
        return ink;
    }
}
