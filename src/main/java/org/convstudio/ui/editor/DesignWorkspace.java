package org.convstudio.ui.editor;

import java.nio.file.Path;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import org.convstudio.ui.common.AppServices;
import org.convstudio.ui.common.ComingSoonPane;
import org.convstudio.ui.common.Workspace;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/** The Design workspace: palette, canvas, inspector (temporary shell until the model lands). */
public final class DesignWorkspace implements Workspace {

    private final AppServices app;
    private final ReadOnlyStringWrapper documentTitle = new ReadOnlyStringWrapper(this, "documentTitle", "Untitled");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyBooleanWrapper hasSelection = new ReadOnlyBooleanWrapper(this, "hasSelection");
    private Node view;

    public DesignWorkspace(AppServices app) {
        this.app = app;
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

    @Override
    public Node view() {
        if (view == null) {
            view = new ComingSoonPane(icon(), "Design", "The network editor.", java.util.List.of("Palette", "Canvas"));
            view.setId("workspace-design");
        }
        return view;
    }

    public ReadOnlyStringProperty documentTitleProperty() {
        return documentTitle.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasSelectionProperty() {
        return hasSelection.getReadOnlyProperty();
    }

    public void newDesign() {
        app.status("New design");
    }

    public void open() {
    }

    public void open(Path file) {
    }

    public void save() {
    }

    public void saveAs() {
    }

    public void exportPng() {
    }

    public void undo() {
    }

    public void redo() {
    }

    public void deleteSelection() {
    }

    public void duplicateSelection() {
    }

    public void selectAll() {
    }

    public void zoomIn() {
    }

    public void zoomOut() {
    }

    public void zoomReset() {
    }

    public void fitToView() {
    }

    public void autoLayout() {
    }

    public void showPresets() {
    }

    /** Called on quit: stops autosave, deletes the recovery file if saved. */
    /** Saves now and waits (used by the quit confirmation). */
    public boolean saveBlocking() {
        return true;
    }

    public void shutdown() {
    }
}
