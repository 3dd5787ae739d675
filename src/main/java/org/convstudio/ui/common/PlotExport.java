package org.convstudio.ui.common;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;

/**
 * Saving a {@link LinePlot} as an image: PNG (the chart as drawn) or SVG (redrawn from its data by
 * {@link PlotSvg}, for papers and slides). Every plot offers both in its context menu; the data or pixels
 * are taken on the FX thread and the file is written on a worker (a temporary file, then a rename).
 */
public final class PlotExport {

    private PlotExport() {
    }

    /** Gives {@code plot} a context menu "Save Chart as PNG…" / "Save Chart as SVG…". */
    static void install(LinePlot plot) {
        MenuItem png = new MenuItem("Save Chart as PNG…");
        png.setOnAction(e -> choose(plot, "png"));
        MenuItem svg = new MenuItem("Save Chart as SVG…");
        svg.setOnAction(e -> choose(plot, "svg"));
        ContextMenu menu = new ContextMenu(png, svg);
        plot.setOnContextMenuRequested(e -> menu.show(plot, e.getScreenX(), e.getScreenY()));
    }

    private static void choose(LinePlot plot, String ext) {
        String name = plot.titleProperty().get().strip().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        chooseFile(plot, "chart", name.isEmpty() ? "chart" : name, ext).ifPresent(target ->
                save(plot, target, done -> { }, error -> showFailure(plot, "chart", target, error)));
    }

    /**
     * Saves the plot to {@code file}: SVG when its name ends in {@code .svg}, PNG otherwise. Call on the FX
     * thread; {@code onSaved} and {@code onError} run on it when the worker has written the file.
     */
    public static void save(LinePlot plot, Path file, Consumer<Path> onSaved, Consumer<Throwable> onError) {
        Callable<byte[]> encode;
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
            PlotSvg.Chart chart = chart(plot, Math.max(320, plot.getWidth()), Math.max(200, plot.getHeight()));
            encode = () -> PlotSvg.write(chart).getBytes(StandardCharsets.UTF_8);
        } else {
            plot.redraw();
            encode = png(plot.getCanvas().snapshot(null, null));
        }
        write(file, encode, onSaved, onError);
    }

    /**
     * Encodes on a worker and writes {@code file} atomically (a temporary file beside it, then a rename);
     * {@code onSaved} / {@code onError} run on the FX thread. For any view's PNG or SVG.
     */
    public static void write(Path file, Callable<byte[]> encode, Consumer<Path> onSaved, Consumer<Throwable> onError) {
        Background.submit(() -> {
            byte[] bytes = encode.call();
            Path dir = file.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, ".chart-", ".tmp");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return file;
        }, onSaved, onError);
    }

    /** A snapshot taken on the FX thread, as PNG bytes (encoded when the worker calls it). */
    public static Callable<byte[]> png(WritableImage image) {
        return () -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out);
            return out.toByteArray();
        };
    }

    /**
     * Asks where to save a view as {@code ext} ("png" or "svg"), starting from {@code baseName}; the extension is
     * added when the user leaves it out. Empty when cancelled.
     */
    public static java.util.Optional<Path> chooseFile(javafx.scene.Node owner, String what, String baseName, String ext) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Save " + what + " as " + ext.toUpperCase(Locale.ROOT));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase(Locale.ROOT) + " image", "*." + ext));
        fc.setInitialFileName(baseName + "." + ext);
        File f = fc.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        if (f == null) {
            return java.util.Optional.empty();
        }
        Path p = f.toPath();
        if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + ext)) {
            p = p.resolveSibling(p.getFileName() + "." + ext);
        }
        return java.util.Optional.of(p);
    }

    /** Tells the user, in a dialog over {@code owner}, that {@code target} could not be written and what to do. */
    public static void showFailure(javafx.scene.Node owner, String what, Path target, Throwable error) {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                "The " + what + " could not be saved as " + target + ": " + error.getMessage()
                        + ". Choose a folder you can write to, with free space.",
                javafx.scene.control.ButtonType.CLOSE);
        a.setHeaderText(Character.toUpperCase(what.charAt(0)) + what.substring(1) + " not saved");
        a.initOwner(owner.getScene() == null ? null : owner.getScene().getWindow());
        a.show();
    }

    /** The plot's texts and visible series (copied), for {@link PlotSvg}. Call on the FX thread. */
    public static PlotSvg.Chart chart(LinePlot plot, double width, double height) {
        List<PlotSvg.Series> series = new ArrayList<>();
        for (LinePlot.Series s : plot.getSeries()) {
            if (!s.isVisible()) {
                continue;
            }
            double[] xs = new double[s.size()];
            double[] ys = new double[s.size()];
            for (int i = 0; i < s.size(); i++) {
                xs[i] = s.x(i);
                ys[i] = s.y(i);
            }
            series.add(new PlotSvg.Series(s.name(), hex(s.color()), xs, ys));
        }
        return new PlotSvg.Chart(plot.titleProperty().get(), plot.xLabelProperty().get(), plot.yLabelProperty().get(),
                plot.isLogY(), series, width, height);
    }

    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }
}
