package org.convstudio.ui.editor;

import java.nio.file.Path;
import java.util.Optional;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
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
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.convstudio.model.graph.Network;
import org.convstudio.model.layer.Input;
import org.convstudio.model.preset.Presets;
import org.convstudio.ui.common.AppServices;
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
 * The Design workspace: palette, canvas, inspector, totals, toolbar and the commands behind it;
 * file handling (open/save off the FX thread, atomic writes, PNG export) is in {@link DesignFiles},
 * autosave and crash recovery in {@link DesignRecovery}.
 */
public final class DesignWorkspace implements Workspace {

    /** How often unsaved work is written to the recovery file. */
    public static final Duration AUTOSAVE_EVERY = Duration.seconds(5);

    private final AppServices app;
    private final DesignViewModel vm;
    private final ReadOnlyBooleanWrapper hasSelection = new ReadOnlyBooleanWrapper(this, "hasSelection");
    private final javafx.beans.property.ReadOnlyStringWrapper documentTitle =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "documentTitle");
    private final DesignRecovery recovery;
    private final DesignFiles files;
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
        recovery = new DesignRecovery(app, vm, () -> {
            canvas().adoptRoutes();
            canvas().fitWhenShown();
        });
        files = new DesignFiles(app, vm, this::canvas, recovery);
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

    /**
     * Large Text's scale for the canvas (1: normal). Applied now when the view exists, else when it is built,
     * so that setting it does not build the view before the window shows.
     */
    public void setPresentationScale(double scale) {
        presentationScale = scale;
        if (canvas != null) {
            canvas.setPresentationScale(scale);
        }
    }

    private double presentationScale = 1;

    private void build() {
        Pane overlay = new Pane();
        overlay.setPickOnBounds(false);
        overlay.setMouseTransparent(true);
        canvas = new DesignCanvas(vm);
        if (presentationScale != 1) {
            canvas.setPresentationScale(presentationScale);
        }
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

    /** Edit ▸ Replace Classifier Head…: asks for the number of classes (one undo step). */
    public void replaceClassifierHead() {
        FreezeControls.askHead(app.window(), vm);
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
        Path f = files.chooseToOpen();
        if (f != null) {
            open(f);
        }
    }

    /** Opens a design file (read off the FX thread). A file that cannot be read changes nothing. */
    public void open(Path file) {
        confirmDiscard(() -> files.read(file));
    }

    public void save() {
        save(() -> { });
    }

    /** Saves (asking for a file if needed), then runs {@code after} once the file is written. */
    public void save(Runnable after) {
        files.save(after);
    }

    public void saveAs() {
        files.saveAs(() -> { });
    }

    /** Writes the current design to {@code file} (atomically, off the FX thread). */
    public void write(Path file, Runnable after) {
        files.write(file, after);
    }

    public void exportPng() {
        files.exportPng();
    }

    /** Renders the diagram (FX thread) and writes it as PNG (background). */
    public void exportPng(Path file) {
        files.exportPng(file);
    }

    // ------------------------------------------------------------------ autosave and recovery

    /** This window's autosave file (its own slot: other windows never offer or delete it while it is open). */
    public Path recoveryFile() {
        return recovery.recoveryFile();
    }

    /** Writes unsaved work to the recovery file (serialised here, written in the background). */
    public void autosave() {
        recovery.autosave();
    }

    /** After start-up: offers unsaved work left by windows that are gone (a crash), newest first. */
    public void checkRecovery() {
        recovery.checkRecovery();
    }

    /** Clean shutdown: stop autosaving, remove this window's recovery files and release its slot. */
    public void shutdown() {
        recovery.shutdown();
    }
}
