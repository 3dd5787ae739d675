package org.convstudio.ui.editor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import org.convstudio.model.graph.Network;
import org.convstudio.model.io.NetworkFileException;
import org.convstudio.model.io.NetworkJson;
import org.convstudio.ui.common.AppServices;
import org.convstudio.ui.common.Background;

/**
 * The Design workspace's files: opening and saving designs off the FX thread (atomic writes through the
 * model's writer), the messages when that fails, and exporting the diagram as PNG.
 */
final class DesignFiles {

    private final AppServices app;
    private final DesignViewModel vm;
    /** The canvas, built on first use. */
    private final Supplier<DesignCanvas> canvas;
    private final DesignRecovery recovery;

    DesignFiles(AppServices app, DesignViewModel vm, Supplier<DesignCanvas> canvas, DesignRecovery recovery) {
        this.app = app;
        this.vm = vm;
        this.canvas = canvas;
        this.recovery = recovery;
    }

    /** Asks for a design file to open; null if the user cancels. */
    Path chooseToOpen() {
        FileChooser fc = chooser("Open design");
        java.io.File f = fc.showOpenDialog(app.window());
        return f == null ? null : f.toPath();
    }

    /** Reads a design file off the FX thread. A file that cannot be read changes nothing. */
    void read(Path file) {
        app.status("Opening " + file.getFileName() + "…");
        Background.submit(() -> NetworkJson.read(file), net -> {
            vm.load(net, file);
            app.fileUsed(file);
            canvas.get().adoptRoutes();
            canvas.get().fitWhenShown();
            app.status("Opened " + file.getFileName());
        }, error -> openFailed(file, error));
    }

    private void openFailed(Path file, Throwable error) {
        String details;
        if (error instanceof NetworkFileException nfe) {
            details = String.join("\n", nfe.problems().stream().limit(12).map(s -> "• " + s).toList());
            if (nfe.problems().stream().anyMatch(s -> s.startsWith("the file does not exist"))) {
                app.fileGone(file);
            }
        } else {
            details = String.valueOf(error.getMessage());
        }
        Alert a = new Alert(Alert.AlertType.WARNING, "", ButtonType.CLOSE);
        a.initOwner(app.window());
        a.setTitle("Cannot open design");
        a.setHeaderText("“" + file.getFileName() + "” cannot be opened");
        Label text = new Label(details + "\n\nYour current design has not been changed.");
        text.setWrapText(true);
        text.setMaxWidth(560);
        text.setId("open-error-text");
        a.getDialogPane().setContent(text);
        a.getDialogPane().setId("open-error-dialog");
        a.show();
        app.status("Could not open " + file.getFileName());
    }

    /** Saves (asking for a file if needed), then runs {@code after} once the file is written. */
    void save(Runnable after) {
        if (vm.getFile() == null) {
            saveAs(after);
        } else {
            write(vm.getFile(), after);
        }
    }

    void saveAs(Runnable after) {
        FileChooser fc = chooser("Save design");
        fc.setInitialFileName(safeName(vm.getNetwork().name()) + NetworkJson.EXTENSION);
        java.io.File f = fc.showSaveDialog(app.window());
        if (f != null) {
            Path p = f.toPath();
            if (!p.getFileName().toString().endsWith(".json")) {
                p = p.resolveSibling(p.getFileName() + NetworkJson.EXTENSION);
            }
            write(p, after);
        }
    }

    /** Writes the current design to {@code file} (atomically, off the FX thread). */
    void write(Path file, Runnable after) {
        Network net = vm.getNetwork();
        long revision = vm.getRevision();
        app.status("Saving " + file.getFileName() + "…");
        Background.submit(Background.serial(), () -> {
            NetworkJson.write(net, file);
            return null;
        }, ok -> {
            vm.saved(file, revision);
            recovery.saved(revision);
            app.fileUsed(file);
            app.status("Saved " + file.getFileName());
            after.run();
        }, error -> {
            Alert a = new Alert(Alert.AlertType.ERROR, "", ButtonType.CLOSE);
            a.initOwner(app.window());
            a.setTitle("Cannot save design");
            a.setHeaderText("“" + file.getFileName() + "” could not be saved");
            a.setContentText(error.getMessage() + "\n\nNothing was lost: the design is still open. "
                    + "Try Save As… with another folder.");
            a.show();
        });
    }

    /** Asks where to export the diagram as PNG, then exports it. */
    void exportPng() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export diagram as PNG");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        fc.setInitialFileName(safeName(vm.getNetwork().name()) + ".png");
        java.io.File f = fc.showSaveDialog(app.window());
        if (f != null) {
            exportPng(f.toPath());
        }
    }

    /** Renders the diagram (FX thread) and writes it as PNG (background). */
    void exportPng(Path file) {
        WritableImage image = canvas.get().renderDiagram(2, Color.WHITE.equals(background()) ? Color.WHITE : background());
        Background.submit(() -> {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", tmp.toFile());
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return file;
        }, p -> app.status("Exported " + p.getFileName()), e -> app.error("Export diagram", e));
    }

    private Color background() {
        var bg = canvas.get().getBackground();
        if (bg != null && !bg.getFills().isEmpty() && bg.getFills().get(0).getFill() instanceof Color c) {
            return c;
        }
        return Color.WHITE;
    }

    private FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("ConvStudio design", "*" + NetworkJson.EXTENSION, "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        Path current = vm.getFile();
        if (current != null && current.getParent() != null && Files.isDirectory(current.getParent())) {
            fc.setInitialDirectory(current.getParent().toFile());
        }
        return fc;
    }

    private static String safeName(String s) {
        String n = s.replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        return n.isEmpty() ? "design" : n;
    }
}
