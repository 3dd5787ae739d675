package org.convstudio.ui.common;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Benchmark (prints, never asserts): redraw time of 2 series × 20,000 points on {@link LinePlot}
 * versus JavaFX's {@link LineChart}. A "redraw" is a data change followed by a full render of the
 * node into an image ({@code snapshot}), which forces CSS, layout and rendering in both cases.
 *
 * <p>Run under a display (Xvfb) with the test class path, e.g.
 * {@code xvfb-run -a java -cp target/classes:target/test-classes:$(cat cp.txt) -Dprism.order=sw
 * org.convstudio.ui.common.LinePlotBenchmark}.
 */
public final class LinePlotBenchmark {

    static final int POINTS = 20_000;
    static final int W = 1200;
    static final int H = 700;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        double[] x = new double[POINTS];
        double[] y1 = new double[POINTS];
        double[] y2 = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            x[i] = i / 1000.0;
            y1[i] = 2.3 * Math.exp(-x[i] / 4) + 0.1 * Math.sin(i * 0.37) + 0.05 * Math.cos(i * 1.7);
            y2[i] = 2.5 * Math.exp(-x[i] / 5) + 0.08 * Math.sin(i * 0.11);
        }
        System.out.printf(Locale.ROOT, "LinePlot vs LineChart, 2 series x %,d points, %dx%d px, prism=%s%n",
                POINTS, W, H, System.getProperty("prism.order", "default"));
        onFx(() -> {
            benchBaseline(rounds);
            benchCanvas(x, y1, y2, rounds);
            benchChart(x, y1, y2, Math.max(3, rounds / 4));
            return null;
        });
        Platform.exit();
    }

    /** The cost of snapshot itself (render + read-back of an empty pane of the same size). */
    private static void benchBaseline(int rounds) {
        StackPane empty = new StackPane();
        empty.setStyle("-fx-background-color: white;");
        Stage stage = show(empty);
        empty.snapshot(null, null);
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            empty.setStyle(i % 2 == 0 ? "-fx-background-color: white;" : "-fx-background-color: #fefefe;");
            empty.snapshot(null, null);
        }
        System.out.printf(Locale.ROOT, "  baseline: %.2f ms per snapshot of an empty %dx%d pane (included in the numbers below)%n",
                (System.nanoTime() - t0) / 1e6 / rounds, W, H);
        stage.close();
    }

    private static void benchCanvas(double[] x, double[] y1, double[] y2, int rounds) {
        LinePlot plot = new LinePlot();
        LinePlot.Series a = plot.addSeries("training");
        LinePlot.Series b = plot.addSeries("validation");
        Stage stage = show(plot);
        a.setAll(x, y1, POINTS);
        b.setAll(x, y2, POINTS);
        plot.snapshot(null, null); // warm-up
        for (int i = 0; i < 5; i++) {
            plot.redraw();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            plot.redraw();
        }
        double drawOnly = (System.nanoTime() - t0) / 1e6 / rounds;
        t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            y1[i] += 1e-6; // a data change: both series replaced, as from a snapshot
            a.setAll(x, y1, POINTS);
            b.setAll(x, y2, POINTS);
            plot.snapshot(null, null);
        }
        double full = (System.nanoTime() - t0) / 1e6 / rounds;
        System.out.printf(Locale.ROOT, "  LinePlot (Canvas): %.2f ms per redraw (draw calls only); "
                + "%.2f ms per full data replace (both series) + render%n", drawOnly, full);
        stage.close();
    }

    private static void benchChart(double[] x, double[] y1, double[] y2, int rounds) {
        NumberAxis xAxis = new NumberAxis();
        NumberAxis yAxis = new NumberAxis();
        LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        XYChart.Series<Number, Number> a = new XYChart.Series<>();
        a.setName("training");
        XYChart.Series<Number, Number> b = new XYChart.Series<>();
        b.setName("validation");
        long t0 = System.nanoTime();
        a.getData().setAll(points(x, y1));
        b.getData().setAll(points(x, y2));
        chart.getData().add(a);
        chart.getData().add(b);
        Stage stage = show(chart);
        chart.snapshot(null, null);
        double firstShow = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            a.getData().get(i).setYValue(y1[i] + 1e-6); // a data change
            chart.snapshot(null, null);
        }
        double full = (System.nanoTime() - t0) / 1e6 / rounds;
        t0 = System.nanoTime();
        int replaceRounds = 3;
        for (int i = 0; i < replaceRounds; i++) {
            a.getData().setAll(points(x, y1));
            b.getData().setAll(points(x, y2));
            chart.snapshot(null, null);
        }
        double replace = (System.nanoTime() - t0) / 1e6 / replaceRounds;
        System.out.printf(Locale.ROOT, "  LineChart:         %.2f ms first build + render; %.2f ms per one-point change + render; "
                + "%.2f ms per full data replace (both series) + render%n", firstShow, full, replace);
        stage.close();
    }

    private static java.util.List<XYChart.Data<Number, Number>> points(double[] x, double[] y) {
        java.util.List<XYChart.Data<Number, Number>> list = new java.util.ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            list.add(new XYChart.Data<>(x[i], y[i]));
        }
        return list;
    }

    private static Stage show(javafx.scene.Parent node) {
        Stage stage = new Stage();
        stage.setScene(new Scene(new StackPane(node), W, H));
        stage.show();
        return stage;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(c.call());
            } catch (Exception e) {
                error.set(e);
            } finally {
                done.countDown();
            }
        });
        done.await();
        if (error.get() != null) {
            throw error.get();
        }
        return result.get();
    }
}
