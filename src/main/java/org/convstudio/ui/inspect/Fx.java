package org.convstudio.ui.inspect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;
import org.convstudio.analysis.image.Raster;
import org.convstudio.ui.common.AppServices;
import org.convstudio.ui.common.Css;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;

/** Small JavaFX helpers of the Inspect panes: rasters as images, captions, PNG export. */
final class Fx {

    /** Colours rasters off the FX thread for every Inspect pane (one thread for the app). */
    private static final java.util.concurrent.ExecutorService RENDER = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "convstudio-inspect-render");
        t.setDaemon(true);
        return t;
    });

    private Fx() {
    }

    /**
     * Draws on the render thread and installs on the FX thread, newest request wins: {@code work} is skipped when
     * a newer request of the same {@code generation} came before it started, and its result is dropped when one
     * came before it finished. Call on the FX thread.
     */
    static <T> void render(java.util.concurrent.atomic.AtomicLong generation, java.util.function.Supplier<T> work,
                           java.util.function.Consumer<T> install) {
        long gen = generation.incrementAndGet();
        RENDER.execute(() -> {
            if (gen != generation.get()) {
                return;
            }
            T result = work.get();
            javafx.application.Platform.runLater(() -> {
                if (gen == generation.get()) {
                    install.accept(result);
                }
            });
        });
    }

    static Image image(Raster r) {
        WritableImage img = new WritableImage(r.width(), r.height());
        img.getPixelWriter().setPixels(0, 0, r.width(), r.height(), PixelFormat.getIntArgbInstance(), r.argb(), 0, r.width());
        return img;
    }

    static ImageView view(String id) {
        ImageView v = new ImageView();
        v.setSmooth(false);
        v.setPreserveRatio(true);
        v.setId(id);
        return v;
    }

    /** An image with a caption above it. */
    static VBox captioned(String caption, Node content) {
        Label l = new Label(caption);
        l.getStyleClass().add("card-title");
        VBox box = new VBox(4, l, content);
        box.getStyleClass().add("plot-card");
        return box;
    }

    static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        l.setWrapText(true);
        return l;
    }

    /** Writes a snapshot of {@code node} as a PNG (FX thread for the snapshot, the file written here too: small). */
    static void exportPng(Node node, Path file) throws IOException {
        WritableImage img = node.snapshot(null, null);
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".export", ".png");
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", tmp.toFile());
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** An "Export PNG" button that saves a snapshot of {@code content}. */
    static Button exportButton(AppServices services, Node content, String suggestedName) {
        Button b = new Button("Export PNG", new FontIcon(MaterialDesignE.EXPORT));
        b.getStyleClass().add(Css.SMALL);
        b.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setInitialFileName(suggestedName);
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
            java.io.File f = fc.showSaveDialog(services == null ? null : services.window());
            if (f == null) {
                return;
            }
            try {
                exportPng(content, f.toPath());
                if (services != null) {
                    services.status("Saved " + f.getName());
                }
            } catch (IOException ex) {
                if (services != null) {
                    services.status("Could not save " + f.getName() + ": " + ex.getMessage());
                }
            }
        });
        return b;
    }

    /** Asks for an image file (png, jpg, bmp, gif); empty when the user cancels. */
    static java.util.Optional<java.nio.file.Path> chooseImage(javafx.stage.Window owner) {
        javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
        fc.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg",
                "*.bmp", "*.gif"));
        java.io.File f = fc.showOpenDialog(owner);
        return f == null ? java.util.Optional.empty() : java.util.Optional.of(f.toPath());
    }
}
