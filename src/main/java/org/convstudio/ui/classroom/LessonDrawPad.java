package org.convstudio.ui.classroom;

import java.util.function.Consumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * A small drawing for the kernel playground: 28×28 grey cells (white ink on black, like the sample digits)
 * drawn with a soft pen or an eraser, cleared with one button. Each change is handed over as a fresh copy
 * of the cells, while drawing at most every {@link #DRAG_INTERVAL_NANOS} and always when the button is
 * released, so that the slides are not redrawn for every mouse event. FX thread only.
 */
final class LessonDrawPad extends VBox {

    static final int CELLS = 28;
    static final int CELL_PX = 7;
    static final long DRAG_INTERVAL_NANOS = 120_000_000L;
    private static final double PEN_RADIUS = 1.6;
    private static final double ERASER_RADIUS = 2.2;

    private final double[][] ink = new double[CELLS][CELLS];
    private final Canvas canvas = new Canvas(CELLS * CELL_PX, CELLS * CELL_PX);
    private final ToggleButton pen = new ToggleButton("Pen");
    private final ToggleButton eraser = new ToggleButton("Eraser");
    private final Consumer<double[][]> changed;
    private double lastX = Double.NaN;
    private double lastY;
    private long lastSent;

    /** @param start cells to start from (a drawing made before), or null for a black pad */
    LessonDrawPad(double[][] start, Consumer<double[][]> changed) {
        super(6);
        this.changed = changed;
        setId("lesson-draw");
        canvas.setId("lesson-draw-canvas");
        pen.setId("lesson-draw-pen");
        eraser.setId("lesson-draw-eraser");
        ToggleGroup tools = new ToggleGroup();
        pen.setToggleGroup(tools);
        eraser.setToggleGroup(tools);
        pen.setSelected(true);
        tools.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one tool is always chosen
            }
        });
        Button clear = new Button("Clear");
        clear.setId("lesson-draw-clear");
        clear.setOnAction(e -> {
            for (double[] row : ink) {
                java.util.Arrays.fill(row, 0);
            }
            repaint();
            send();
        });
        if (start != null && start.length == CELLS && start[0].length == CELLS) {
            for (int r = 0; r < CELLS; r++) {
                System.arraycopy(start[r], 0, ink[r], 0, CELLS);
            }
        }
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            lastX = Double.NaN;
            stroke(e.getX(), e.getY());
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            stroke(e.getX(), e.getY());
            if (System.nanoTime() - lastSent >= DRAG_INTERVAL_NANOS) {
                send();
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            lastX = Double.NaN;
            send();
        });
        repaint();
        getChildren().addAll(canvas, new HBox(6, pen, eraser, clear));
    }

    /** Extends the stroke to (x, y) in canvas pixels with the chosen tool. */
    void stroke(double x, double y) {
        double cx = x / CELL_PX;
        double cy = y / CELL_PX;
        double fromX = Double.isNaN(lastX) ? cx : lastX;
        double fromY = Double.isNaN(lastX) ? cy : lastY;
        double length = Math.hypot(cx - fromX, cy - fromY);
        int dabs = Math.max(1, (int) Math.ceil(length / 0.25));
        for (int i = 1; i <= dabs; i++) {
            double t = i / (double) dabs;
            dab(fromX + t * (cx - fromX), fromY + t * (cy - fromY));
        }
        lastX = cx;
        lastY = cy;
        repaint();
    }

    private void dab(double cx, double cy) {
        boolean erase = eraser.isSelected();
        double radius = erase ? ERASER_RADIUS : PEN_RADIUS;
        for (int r = (int) Math.floor(cy - radius); r <= (int) Math.ceil(cy + radius); r++) {
            for (int c = (int) Math.floor(cx - radius); c <= (int) Math.ceil(cx + radius); c++) {
                if (r < 0 || c < 0 || r >= CELLS || c >= CELLS) {
                    continue;
                }
                double d = Math.hypot(c + 0.5 - cx, r + 0.5 - cy);
                if (d >= radius) {
                    continue;
                }
                if (erase) {
                    ink[r][c] = 0;
                } else {
                    ink[r][c] = Math.max(ink[r][c], Math.min(1, 1.6 * (1 - d / radius)));
                }
            }
        }
    }

    private void send() {
        lastSent = System.nanoTime();
        changed.accept(cells());
    }

    private void repaint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        for (int r = 0; r < CELLS; r++) {
            for (int c = 0; c < CELLS; c++) {
                g.setFill(Color.gray(Math.max(0, Math.min(1, ink[r][c]))));
                g.fillRect(c * CELL_PX, r * CELL_PX, CELL_PX, CELL_PX);
            }
        }
    }

    /** A copy of the cells. */
    double[][] cells() {
        double[][] copy = new double[CELLS][];
        for (int r = 0; r < CELLS; r++) {
            copy[r] = ink[r].clone();
        }
        return copy;
    }

    /** Total ink (for tests). */
    double ink() {
        double t = 0;
        for (double[] row : ink) {
            for (double v : row) {
                t += v;
            }
        }
        return t;
    }
}
