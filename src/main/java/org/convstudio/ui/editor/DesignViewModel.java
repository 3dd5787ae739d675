package org.convstudio.ui.editor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.graph.AutoLayout;
import org.convstudio.model.graph.Network;
import org.convstudio.model.graph.Node;
import org.convstudio.model.layer.Layer;
import org.convstudio.model.layer.LayerType;

/**
 * The Design workspace's state: the current immutable {@link Network}, its {@link Analysis}, the
 * selection, the file and the undo history. Every change to the network goes through
 * {@link #edit(String, UnaryOperator)} and so is undoable. FX thread only.
 */
public final class DesignViewModel {

    private final EditHistory<Network> history;
    private final ReadOnlyObjectWrapper<Network> network = new ReadOnlyObjectWrapper<>(this, "network");
    private final ReadOnlyObjectWrapper<Analysis> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyLongWrapper document = new ReadOnlyLongWrapper(this, "document");
    private final ObservableSet<String> selection = FXCollections.observableSet(new LinkedHashSet<>());
    // a lambda, not a method reference: AutoLayout (and ELK behind it) is loaded when first used, not at start-up
    private UnaryOperator<Network> layouter = n -> AutoLayout.apply(n);
    private final javafx.beans.property.IntegerProperty dataClasses =
            new javafx.beans.property.SimpleIntegerProperty(this, "dataClasses", 0);

    public DesignViewModel(Network initial) {
        history = new EditHistory<>(initial, 500);
        sync();
    }

    // ------------------------------------------------------------------ state

    public ReadOnlyObjectProperty<Network> networkProperty() {
        return network.getReadOnlyProperty();
    }

    public Network getNetwork() {
        return network.get();
    }

    public ReadOnlyObjectProperty<Analysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    public Analysis getAnalysis() {
        return analysis.get();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public Path getFile() {
        return file.get();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public long getRevision() {
        return revision.get();
    }

    /** Counts the documents loaded (new, open, preset, recovery): changes when the design is replaced, not edited. */
    public ReadOnlyLongProperty documentProperty() {
        return document.getReadOnlyProperty();
    }

    /** File name, or the network's name for an unsaved design. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Classes of the data set chosen for training (0 = none loaded): "ready to train" checks the outputs against it. */
    public javafx.beans.property.IntegerProperty dataClassesProperty() {
        return dataClasses;
    }

    /** Ids of the selected blocks (live set). */
    public ObservableSet<String> getSelection() {
        return selection;
    }

    public String undoLabel() {
        return history.undoLabel();
    }

    public String redoLabel() {
        return history.redoLabel();
    }

    // ------------------------------------------------------------------ documents

    /** Replaces the document (new, open, preset, recovery): history is reset. */
    public void load(Network net, Path from) {
        history.reset(net);
        file.set(from);
        selection.clear();
        sync();
        document.set(document.get() + 1);
    }

    /** Records that {@code savedRevision} of the design is now in {@code to}. */
    public void saved(Path to, long savedRevision) {
        history.markSaved(savedRevision);
        file.set(to);
        sync();
    }

    /** Marks the current design as not saved (a recovered design). */
    public void markUnsaved() {
        history.markUnsaved();
        sync();
    }

    // ------------------------------------------------------------------ edits

    /** Applies an edit as one undo step; no-op edits record nothing. Returns true if the network changed. */
    public boolean edit(String label, UnaryOperator<Network> change) {
        return edit(label, change, null);
    }

    /** Like {@link #edit(String, UnaryOperator)}, coalescing consecutive edits with the same key. */
    public boolean edit(String label, UnaryOperator<Network> change, Object coalesceKey) {
        Network next = change.apply(history.current());
        if (next == null || !history.push(next, label, coalesceKey)) {
            return false;
        }
        sync();
        return true;
    }

    /** Ends a coalesced burst of edits (the inspector calls it when a field loses focus). */
    public void seal() {
        history.seal();
    }

    public void undo() {
        if (history.canUndo()) {
            history.undo();
            sync();
        }
    }

    public void redo() {
        if (history.canRedo()) {
            history.redo();
            sync();
        }
    }

    /** Adds a block of {@code type} with default hyperparameters at ({@code x}, {@code y}); returns its id. */
    public String addBlock(LayerType type, double x, double y) {
        Network net = history.current();
        String id = net.freshId(idPrefix(type));
        Node node = new Node(id, type.defaults(), List.of(), Math.round(x), Math.round(y));
        edit("Add " + type.title(), n -> n.with(node));
        selection.clear();
        selection.add(id);
        return id;
    }

    /**
     * Inserts a new block of {@code type} (one input, one output) on the connection {@code from → to}
     * at ({@code x}, {@code y}); returns its id. One undo step.
     */
    public String insertBlock(LayerType type, String from, String to, double x, double y) {
        Network net = history.current();
        String id = net.freshId(idPrefix(type));
        Node node = new Node(id, type.defaults(), List.of(), Math.round(x), Math.round(y));
        // the design is laid out again so that the new block gets room (one undo step with the insertion)
        edit("Insert " + type.title() + " between " + from + " and " + to,
                n -> layouter.apply(n.insertOnEdge(from, to, node)));
        selection.clear();
        selection.add(id);
        return id;
    }

    /**
     * Connects {@code from}'s output to {@code to}. A block that takes one input and already has one is
     * re-connected rather than given a second input. Returns false if nothing changed.
     */
    public boolean connect(String from, String to) {
        Network net = history.current();
        if (from.equals(to) || !net.contains(from) || !net.contains(to)) {
            return false;
        }
        Node target = net.node(to).orElseThrow();
        LayerType type = target.layer().type();
        if (type.maxInputs() == 0) {
            return false;
        }
        if (type.maxInputs() == 1 && !target.inputs().isEmpty()) {
            return edit("Connect " + from + " → " + to, n -> n.update(to, t -> t.withInputs(List.of(from))));
        }
        return edit("Connect " + from + " → " + to, n -> n.connect(from, to));
    }

    public boolean disconnect(String from, String to) {
        return edit("Disconnect " + from + " → " + to, n -> n.disconnect(from, to));
    }

    /** Moves blocks by a delta, as one undo step. */
    public boolean moveBy(Collection<String> ids, double dx, double dy) {
        if (ids.isEmpty() || (dx == 0 && dy == 0)) {
            return false;
        }
        Set<String> set = Set.copyOf(ids);
        return edit(ids.size() == 1 ? "Move " + ids.iterator().next() : "Move " + ids.size() + " blocks", n -> {
            Network out = n;
            for (String id : set) {
                out = out.update(id, b -> b.withPosition(Math.round(b.x() + dx), Math.round(b.y() + dy)));
            }
            return out;
        });
    }

    public boolean setLayer(String id, Layer layer, Object coalesceKey) {
        return edit("Edit " + id, n -> n.withLayer(id, layer), coalesceKey);
    }

    /** Freezes block {@code id} (training keeps its weights) or makes it trainable again: one undo step. */
    public boolean setTrainable(String id, boolean trainable) {
        return edit((trainable ? "Unfreeze " : "Freeze ") + id, n -> n.update(id, x -> x.withTrainable(trainable)));
    }

    /**
     * Transfer learning's new classifier head: the Dense block that produces the class scores gets {@code classes}
     * units and is made trainable (one undo step; it is selected). Returns "" when done, else why not.
     */
    public String replaceClassifierHead(int classes) {
        var head = org.convstudio.model.analysis.ClassFit.headId(getAnalysis());
        if (head.isEmpty()) {
            return "This design has no Dense block producing its class scores: end it with Flatten and Dense first.";
        }
        if (classes < 1 || classes > 1_000_000) {
            return "Give a number of classes from 1 to 1,000,000.";
        }
        edit("Replace classifier head (" + classes + " classes)", n -> org.convstudio.model.analysis.ClassFit
                .replaceHead(NetworkAnalyzer.analyze(n), classes).orElse(n));
        selection.clear();
        selection.add(head.get());
        return "";
    }

    public boolean rename(String network) {
        return edit("Rename design", n -> n.withName(network));
    }

    public boolean deleteSelection() {
        if (selection.isEmpty()) {
            return false;
        }
        Set<String> ids = Set.copyOf(selection);
        boolean changed = edit(ids.size() == 1 ? "Delete " + ids.iterator().next() : "Delete " + ids.size() + " blocks",
                n -> n.without(ids));
        selection.clear();
        return changed;
    }

    /** Copies the selected blocks (with the connections among them) next to the originals, and selects the copies. */
    public boolean duplicateSelection() {
        if (selection.isEmpty()) {
            return false;
        }
        Network net = history.current();
        Map<String, String> renamed = new HashMap<>();
        Network probe = net;
        for (Node n : net.nodes()) {
            if (selection.contains(n.id())) {
                String fresh = probe.freshId(idPrefix(n.layer().type()));
                renamed.put(n.id(), fresh);
                probe = probe.with(n.withId(fresh));
            }
        }
        List<Node> copies = new ArrayList<>();
        for (Node n : net.nodes()) {
            String copyId = renamed.get(n.id());
            if (copyId != null) {
                List<String> inputs = n.inputs().stream().map(i -> renamed.getOrDefault(i, i)).toList();
                copies.add(new Node(copyId, n.layer(), inputs, n.x() + 40, n.y() + 40, n.trainable()));
            }
        }
        boolean changed = edit("Duplicate", n -> {
            Network out = n;
            for (Node c : copies) {
                out = out.with(c);
            }
            return out;
        });
        selection.clear();
        selection.addAll(renamed.values());
        return changed;
    }

    public void selectAll() {
        selection.clear();
        network.get().nodes().forEach(n -> selection.add(n.id()));
    }

    public boolean autoLayout() {
        return edit("Auto layout", layouter);
    }

    /** The layout used by Auto Layout and drop-to-insert (the canvas passes one that knows its cards' sizes). */
    public void setLayouter(UnaryOperator<Network> layout) {
        this.layouter = layout;
    }

    /** Short readable id prefix per block type ("conv" → conv1, conv2...). */
    public static String idPrefix(LayerType type) {
        return switch (type) {
            case INPUT -> "input";
            case CONV2D -> "conv";
            case POOL2D -> "pool";
            case SUBSAMPLING -> "subsample";
            case GLOBAL_AVG_POOL -> "gap";
            case ACTIVATION -> "act";
            case BATCH_NORM -> "bn";
            case LOCAL_RESPONSE_NORM -> "lrn";
            case DROPOUT -> "dropout";
            case FLATTEN -> "flatten";
            case DENSE -> "fc";
            case SOFTMAX -> "softmax";
            case ADD -> "add";
            case CONCAT -> "concat";
        };
    }

    private void sync() {
        Network net = history.current();
        if (net != network.get()) {
            analysis.set(NetworkAnalyzer.analyze(net));
            network.set(net);
        }
        selection.removeIf(id -> !net.contains(id));
        revision.set(history.revision());
        dirty.set(history.isDirty());
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
        Path f = file.get();
        title.set(f != null ? f.getFileName().toString() : net.name());
    }
}
