package org.convstudio.ui.editor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.convstudio.model.graph.Network;
import org.convstudio.model.io.NetworkFileException;
import org.convstudio.model.io.NetworkJson;
import org.convstudio.model.layer.Input;
import org.convstudio.model.preset.Presets;
import org.convstudio.ui.common.AppServices;
import org.convstudio.ui.common.Background;
import org.convstudio.ui.common.Css;
import org.convstudio.ui.common.Workspace;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/**
 * The Design workspace: palette, canvas, inspector, totals; file handling (open/save off the FX
 * thread, atomic writes through the model's writer), autosave to a recovery file, presets, export.
 */
public final class DesignWorkspace implements Workspace {

    /** How often unsaved work is written to the recovery file. */
    public static final Duration AUTOSAVE_EVERY = Duration.seconds(5);

    private final AppServices app;
    private final DesignViewModel vm;
    private final ReadOnlyBooleanWrapper hasSelection = new ReadOnlyBooleanWrapper(this, "hasSelection");
    private final javafx.beans.property.ReadOnlyStringWrapper documentTitle =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "documentTitle");
    private final java.util.concurrent.ScheduledFuture<?> autosave;
    private long autosavedRevision = -1;
    /** This window's autosave slot (null when the recovery folder cannot be written). */
    private final AutosaveSlot slot;
    private StackPane view;
    private DesignCanvas canvas;
    private Label zoomLabel;

    public DesignWorkspace(AppServices app) {
        this.app = app;
        Network start = Presets.draft("lenet"); // laid out in the background once the window shows
        vm = new DesignViewModel(start);
        vm.getSelection().addListener((javafx.collections.SetChangeListener<String>) c ->
                hasSelection.set(!vm.getSelection().isEmpty()));
        documentTitle.bind(vm.titleProperty());
        AutosaveSlot claimed = null;
        try {
            claimed = AutosaveSlot.claim(recoveryFolder());
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(DesignWorkspace.class).warn("No autosave: " + e.getMessage());
        }
        slot = claimed;
        autosave = Background.every((long) AUTOSAVE_EVERY.toMillis(), this::autosave);
    }

    @Override
    public String id() {
        return "design";
    }

    @Override
    public String title() {
        return "Design";
    }

    @Override
    public String description() {
        return "Build a network from blocks and see shapes and sizes as you go";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignV.VECTOR_SQUARE;
    }

    public DesignViewModel viewModel() {
        return vm;
    }

    public DesignCanvas canvas() {
        view();
        return canvas;
    }

    @Override
    public Node view() {
        if (view == null) {
            build();
        }
        return view;
    }

    private void build() {
        Pane overlay = new Pane();
        overlay.setPickOnBounds(false);
        overlay.setMouseTransparent(true);
        canvas = new DesignCanvas(vm);
        Palette palette = new Palette(canvas, overlay, id -> app.status("Added " + id));
        palette.getStyleClass().add("design-palette"); // width in em: grows with Large Text
        Inspector inspector = new Inspector(vm);
        inspector.getStyleClass().add("design-inspector");

        TotalsBar totals = new TotalsBar(vm);
        VBox centre = new VBox(canvas, totals);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        centre.setMinWidth(0);
        canvas.setMinSize(0, 0);

        BorderPane layout = new BorderPane(centre);
        layout.setTop(toolbar());
        layout.setLeft(palette);
        layout.setRight(inspector);
        view = new StackPane(layout, overlay);
        view.setId("workspace-design");
        view.getStyleClass().add("design-workspace");
        vm.setLayouter(canvas::layoutNetwork);
        canvas.relayoutWhenShown();
        canvas.fitWhenShown();
    }

    private Node toolbar() {
        zoomLabel = new Label("100 %");
        zoomLabel.getStyleClass().add("zoom-label");
        zoomLabel.setMinWidth(48);
        zoomLabel.setAlignment(Pos.CENTER);
        // 100 % is "actual size", which Large Text draws larger
        canvas.zoomProperty().addListener((o, a, z) -> zoomLabel.setText(
                Math.round(z.doubleValue() / canvas.getPresentationScale() * 100) + " %"));
        zoomLabel.setText(Math.round(canvas.getZoom() / canvas.getPresentationScale() * 100) + " %");
        Button undo = tool(MaterialDesignU.UNDO, "Undo (Ctrl+Z)", this::undo);
        undo.disableProperty().bind(vm.canUndoProperty().not());
        undo.setId("tool-undo");
        Button redo = tool(MaterialDesignR.REDO, "Redo (Ctrl+Y)", this::redo);
        redo.disableProperty().bind(vm.canRedoProperty().not());
        redo.setId("tool-redo");
        Button del = tool(MaterialDesignD.DELETE_OUTLINE, "Delete selected blocks (Delete)", this::deleteSelection);
        del.disableProperty().bind(hasSelection.not());
        Button dup = tool(MaterialDesignC.CONTENT_DUPLICATE, "Duplicate selected blocks (Ctrl+D)", this::duplicateSelection);
        dup.disableProperty().bind(hasSelection.not());
        Button presets = new Button("Presets", new FontIcon(MaterialDesignV.VIEW_GRID_OUTLINE));
        presets.setOnAction(e -> showPresets());
        presets.setId("tool-presets");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(4,
                tool(MaterialDesignF.FILE_PLUS, "New design (Ctrl+N)", this::newDesign),
                tool(MaterialDesignF.FOLDER_OPEN, "Open… (Ctrl+O)", this::open),
                tool(MaterialDesignC.CONTENT_SAVE, "Save (Ctrl+S)", this::save),
                new Separator(Orientation.VERTICAL), undo, redo,
                new Separator(Orientation.VERTICAL), del, dup,
                tool(MaterialDesignS.SITEMAP, "Auto layout (Ctrl+L)", this::autoLayout),
                new Separator(Orientation.VERTICAL),
                tool(MaterialDesignM.MAGNIFY_MINUS_OUTLINE, "Zoom out (Ctrl+-)", this::zoomOut), zoomLabel,
                tool(MaterialDesignM.MAGNIFY_PLUS_OUTLINE, "Zoom in (Ctrl+=)", this::zoomIn),
                tool(MaterialDesignF.FIT_TO_SCREEN_OUTLINE, "Fit to view (Ctrl+Shift+F)", this::fitToView),
                spacer, presets,
                tool(MaterialDesignI.IMAGE_OUTLINE, "Export diagram as PNG (Ctrl+E)", this::exportPng));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("workspace-toolbar");
        return bar;
    }

    private static Button tool(Ikon icon, String tip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().addAll(Css.BUTTON_ICON, Css.FLAT);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    // ------------------------------------------------------------------ shell-facing properties

    public ReadOnlyStringProperty documentTitleProperty() {
        return documentTitle.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return vm.dirtyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return vm.canUndoProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return vm.canRedoProperty();
    }

    public ReadOnlyBooleanProperty hasSelectionProperty() {
        return hasSelection.getReadOnlyProperty();
    }

    // ------------------------------------------------------------------ edit commands

    public void undo() {
        String label = vm.undoLabel();
        vm.undo();
        if (label != null) {
            app.status("Undid: " + label);
        }
    }

    public void redo() {
        String label = vm.redoLabel();
        vm.redo();
        if (label != null) {
            app.status("Redid: " + label);
        }
    }

    public void deleteSelection() {
        vm.deleteSelection();
    }

    public void duplicateSelection() {
        vm.duplicateSelection();
    }

    public void selectAll() {
        vm.selectAll();
    }

    public void autoLayout() {
        view();
        vm.autoLayout();
        canvas.fitWhenShown();
    }

    public void zoomIn() {
        canvas().setZoom(canvas.getZoom() * 1.25);
    }

    public void zoomOut() {
        canvas().setZoom(canvas.getZoom() / 1.25);
    }

    public void zoomReset() {
        canvas().setZoom(canvas.getPresentationScale());
    }

    public void fitToView() {
        canvas().fit();
    }

    // ------------------------------------------------------------------ documents

    /** Asks to save unsaved changes, then runs {@code proceed} unless the user cancels. */
    public void confirmDiscard(Runnable proceed) {
        if (!vm.isDirty()) {
            proceed.run();
            return;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.initOwner(app.window());
        a.setTitle("Unsaved changes");
        a.setHeaderText("Save changes to “" + vm.titleProperty().get() + "”?");
        a.setContentText("Your changes will be lost if you don't save them.");
        ButtonType saveButton = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        a.getButtonTypes().setAll(saveButton, discard, ButtonType.CANCEL);
        ButtonType r = a.showAndWait().orElse(ButtonType.CANCEL);
        if (r == saveButton) {
            save(proceed);
        } else if (r == discard) {
            proceed.run();
        }
    }

    public void newDesign() {
        confirmDiscard(() -> {
            Network net = Network.empty("Untitled").with(
                    new org.convstudio.model.graph.Node("input", new Input(1, 28, 28), java.util.List.of(), 0, 0));
            vm.load(net, null);
            canvas().fitWhenShown();
            app.status("New design: drag blocks from the palette onto the canvas");
        });
    }

    public void showPresets() {
        Optional<org.convstudio.model.preset.Preset> p = PresetGallery.choose(app.window());
        p.ifPresent(preset -> confirmDiscard(() -> loadPreset(preset.id())));
    }

    /** Replaces the design with preset {@code id} (no questions asked). */
    public void loadPreset(String id) {
        vm.load(Presets.draft(id), null);
        canvas().relayoutWhenShown();
        canvas().fitWhenShown();
        app.status("Opened preset " + id);
    }

    public void open() {
        FileChooser fc = chooser("Open design");
        java.io.File f = fc.showOpenDialog(app.window());
        if (f != null) {
            open(f.toPath());
        }
    }

    /** Opens a design file (read off the FX thread). A file that cannot be read changes nothing. */
    public void open(Path file) {
        confirmDiscard(() -> read(file));
    }

    private void read(Path file) {
        app.status("Opening " + file.getFileName() + "…");
        Background.submit(() -> NetworkJson.read(file), net -> {
            vm.load(net, file);
            app.fileUsed(file);
            canvas().adoptRoutes();
            canvas().fitWhenShown();
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

    public void save() {
        save(() -> { });
    }

    /** Saves (asking for a file if needed), then runs {@code after} once the file is written. */
    public void save(Runnable after) {
        if (vm.getFile() == null) {
            saveAs(after);
        } else {
            write(vm.getFile(), after);
        }
    }

    public void saveAs() {
        saveAs(() -> { });
    }

    private void saveAs(Runnable after) {
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
    public void write(Path file, Runnable after) {
        Network net = vm.getNetwork();
        long revision = vm.getRevision();
        app.status("Saving " + file.getFileName() + "…");
        Background.submit(Background.serial(), () -> {
            NetworkJson.write(net, file);
            return null;
        }, ok -> {
            vm.saved(file, revision);
            if (revision >= autosavedRevision) {
                deleteRecovery(); // the recovery file holds nothing newer than what was just saved
            }
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

    public void exportPng() {
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
    public void exportPng(Path file) {
        WritableImage image = canvas().renderDiagram(2, Color.WHITE.equals(background()) ? Color.WHITE : background());
        Background.submit(() -> {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", tmp.toFile());
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return file;
        }, p -> app.status("Exported " + p.getFileName()), e -> app.error("Export diagram", e));
    }

    private Color background() {
        var bg = canvas.getBackground();
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

    // ------------------------------------------------------------------ autosave and recovery

    private Path recoveryFolder() {
        return app.dataDirectory().resolve("recovery");
    }

    /** This window's autosave file (its own slot: other windows never offer or delete it while it is open). */
    public Path recoveryFile() {
        return slot == null ? null : slot.designFile();
    }

    private Path recoverySource() {
        return slot == null ? null : slot.sourceFile();
    }

    /** Writes unsaved work to the recovery file (serialised here, written in the background). */
    public void autosave() {
        if (slot == null || !vm.isDirty() || vm.getRevision() == autosavedRevision) {
            return;
        }
        autosavedRevision = vm.getRevision();
        Network net = vm.getNetwork();
        Path source = vm.getFile();
        Path file = recoveryFile();
        Path meta = recoverySource();
        Background.serial().execute(() -> {
            try {
                Files.createDirectories(file.getParent());
                NetworkJson.write(net, file);
                Files.writeString(meta, source == null ? "" : source.toString(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                org.slf4j.LoggerFactory.getLogger(DesignWorkspace.class).warn("Autosave failed", e);
            }
        });
    }

    /** After start-up: offers unsaved work left by windows that are gone (a crash), newest first. */
    public void checkRecovery() {
        Path folder = recoveryFolder();
        AutosaveSlot own = slot;
        Background.submit(() -> {
            List<Recovered> found = new ArrayList<>();
            for (AutosaveSlot.Orphan o : AutosaveSlot.orphans(folder, own)) {
                try {
                    found.add(new Recovered(NetworkJson.read(o.designFile()), o.source().orElse(null), o.when(), o));
                } catch (IOException | RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(DesignWorkspace.class).warn("Recovery file unreadable: "
                            + o.designFile() + ": " + e.getMessage());
                    o.release();
                }
            }
            return found;
        }, found -> offerRecovery(found, 0),
                e -> org.slf4j.LoggerFactory.getLogger(DesignWorkspace.class).warn("Recovery failed", e));
    }

    private record Recovered(Network network, Path source, Instant when, AutosaveSlot.Orphan orphan) {
    }

    private void offerRecovery(List<Recovered> all, int index) {
        if (index >= all.size()) {
            return;
        }
        Recovered r = all.get(index);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.initOwner(app.window());
        a.setTitle("Recover unsaved work");
        a.setHeaderText("ConvStudio did not close properly last time");
        String when = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm").withZone(ZoneId.systemDefault()).format(r.when());
        a.setContentText("Unsaved changes to “" + r.network().name() + "” from " + when
                + " were kept. Restore them?");
        ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        a.getButtonTypes().setAll(restore, discard);
        a.getDialogPane().setId("recovery-dialog");
        a.setOnHidden(e -> {
            boolean restored = a.getResult() == restore;
            if (restored) {
                vm.load(r.network(), r.source());
                vm.markUnsaved();
                canvas().adoptRoutes();
                canvas().fitWhenShown();
                app.status("Restored unsaved work — save it to keep it");
                autosave(); // the restored work now lives in this window's own slot
            }
            // restored (now in this window's slot) or discarded: the orphan's files go, never a live window's
            Background.serial().execute(() -> {
                try {
                    r.orphan().discard();
                } catch (IOException ex) {
                    org.slf4j.LoggerFactory.getLogger(DesignWorkspace.class).warn("Could not delete recovery file", ex);
                }
            });
            if (restored) {
                for (int i = index + 1; i < all.size(); i++) {
                    all.get(i).orphan().release(); // offered again at the next start
                }
            } else {
                offerRecovery(all, index + 1);
            }
        });
        a.show();
    }

    private void deleteRecovery() {
        AutosaveSlot own = slot;
        if (own == null) {
            return;
        }
        Background.serial().execute(() -> {
            try {
                own.clear();
            } catch (IOException e) {
                org.slf4j.LoggerFactory.getLogger(DesignWorkspace.class).warn("Could not delete recovery file", e);
            }
        });
    }

    /** Clean shutdown: stop autosaving, remove this window's recovery files and release its slot. */
    public void shutdown() {
        autosave.cancel(false);
        AutosaveSlot own = slot;
        if (own == null) {
            return;
        }
        try {
            Background.serial().submit(() -> { // after any save still being written
                own.close();
                return null;
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(DesignWorkspace.class).warn("Could not delete recovery file", e);
        }
    }
}
