package org.convstudio.ui.editor;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.Problem;
import org.convstudio.model.io.LayerCodec;
import org.convstudio.model.layer.ActivationKind;
import org.convstudio.model.layer.Layer;
import org.convstudio.model.layer.LayerType;
import org.convstudio.model.layer.PoolMode;
import org.convstudio.ui.common.Css;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Edits the selected block's hyperparameters. The fields are the model's own file fields
 * ({@link LayerCodec}), so typed values are validated by the same reader as files, as you type: a
 * valid value updates the design at once (one undo step per field), an invalid one shows the reason
 * under the fields and changes nothing.
 */
public final class Inspector extends ScrollPane {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final DesignViewModel vm;
    private final VBox box = new VBox(12);
    private final Map<String, Control> editors = new LinkedHashMap<>();
    private final Label validation = new Label();
    private final BlockFacts blockFacts;
    private String shownId;
    private Layer shownLayer;
    private boolean shownTrainable;
    private boolean committing;
    private ObjectNode extraFields;

    public Inspector(DesignViewModel vm) {
        this.vm = vm;
        this.blockFacts = new BlockFacts(vm);
        box.getStyleClass().add("inspector");
        setContent(box);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        getStyleClass().addAll("inspector-scroll", "edge-to-edge");
        setId("inspector");
        validation.getStyleClass().add("validation-message");
        validation.setId("inspector-validation");
        validation.setWrapText(true);
        vm.networkProperty().addListener((o, a, b) -> refresh());
        vm.getSelection().addListener((javafx.collections.SetChangeListener<String>) c -> refresh());
        refresh();
    }

    /** The editor of field {@code name} of the shown block (tests). */
    public Control editor(String name) {
        return editors.get(name);
    }

    private void refresh() {
        if (committing) {
            blockFacts.update(shownId);
            return;
        }
        var sel = vm.getSelection();
        if (sel.size() == 1) {
            String id = sel.iterator().next();
            var node = vm.getNetwork().node(id).orElse(null);
            if (node != null) {
                if (!id.equals(shownId) || !node.layer().equals(shownLayer) || node.trainable() != shownTrainable) {
                    showBlock(node);
                } else {
                    blockFacts.update(shownId);
                }
                return;
            }
        }
        shownId = null;
        shownLayer = null;
        editors.clear();
        if (sel.size() > 1) {
            showMany(sel.size());
        } else {
            showNetwork();
        }
    }

    // ------------------------------------------------------------------ one block

    private void showBlock(org.convstudio.model.graph.Node node) {
        shownId = node.id();
        shownLayer = node.layer();
        editors.clear();
        shownTrainable = node.trainable();
        LayerType type = node.layer().type();
        FontIcon icon = new FontIcon(BlockIcons.of(type));
        icon.getStyleClass().add("inspector-icon");
        Label title = new Label(type.title());
        title.getStyleClass().add(Css.TITLE_3);
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the id gives way, never the title
        Label id = new Label(node.id());
        id.getStyleClass().add("block-id");
        HBox head = new HBox(10, icon, title, id);
        head.setAlignment(Pos.CENTER_LEFT);
        Label desc = new Label(type.description());
        desc.setWrapText(true);
        desc.getStyleClass().add(Css.TEXT_MUTED);

        ObjectNode fields = JSON.objectNode();
        LayerCodec.write(node.layer(), fields);
        extraFields = JSON.objectNode();
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.getStyleClass().add("inspector-fields");
        int row = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String name = f.getKey();
            if (name.equals("connections")) {
                extraFields.set(name, f.getValue());
                grid.add(ConnectionTableEditor.row(vm, node, f.getValue().size(), this::getScene), 0, row++, 2, 1);
                continue;
            }
            Control editor = editorFor(name, f.getValue(), type);
            editor.setId("field-" + name);
            editors.put(name, editor);
            Label label = new Label(pretty(name));
            label.setLabelFor(editor);
            grid.add(label, 0, row);
            grid.add(editor, 1, row);
            GridPane.setHgrow(editor, Priority.ALWAYS);
            row++;
        }
        if (node.layer() instanceof org.convstudio.model.layer.Conv2d c && !c.hasConnectionTable()) {
            grid.add(ConnectionTableEditor.row(vm, node, 0, this::getScene), 0, row++, 2, 1);
        }
        if (editors.isEmpty()) {
            Label none = new Label("This block has no settings.");
            none.getStyleClass().add(Css.TEXT_MUTED);
            grid.add(none, 0, 0, 2, 1);
        }
        validation.setText("");
        validation.setVisible(false);
        validation.setManaged(false);

        Label settings = new Label("Settings");
        settings.getStyleClass().add("panel-title");
        Label output = new Label("Result");
        output.getStyleClass().add("panel-title");
        box.getChildren().setAll(head, desc, settings, grid, validation, blockFacts.problems, blockFacts.inputs, output, blockFacts.facts);
        javafx.scene.control.CheckBox trainable = FreezeControls.trainableSwitch(vm, node,
                vm.getAnalysis() == null ? null : vm.getAnalysis().info(node.id()).orElse(null),
                () -> committing = true, () -> {
                    committing = false;
                    shownTrainable = vm.getNetwork().node(node.id()).map(org.convstudio.model.graph.Node::trainable).orElse(true);
                });
        if (trainable != null) {
            box.getChildren().add(4, trainable);
        }
        blockFacts.update(shownId);
    }

    private Control editorFor(String name, JsonNode value, LayerType type) {
        if (value.isBoolean()) {
            CheckBox c = new CheckBox();
            c.setSelected(value.booleanValue());
            c.selectedProperty().addListener((o, a, b) -> commit(name));
            return c;
        }
        List<String> choices = null;
        if (name.equals("mode") && type == LayerType.POOL2D) {
            choices = new ArrayList<>();
            for (PoolMode m : PoolMode.values()) {
                choices.add(m.id());
            }
        } else if (name.equals("function") && type == LayerType.ACTIVATION) {
            choices = new ArrayList<>();
            for (ActivationKind k : ActivationKind.values()) {
                choices.add(k.id());
            }
        }
        if (choices != null) {
            ComboBox<String> c = new ComboBox<>();
            c.getItems().setAll(choices);
            c.setValue(value.asText());
            c.setMaxWidth(Double.MAX_VALUE);
            c.valueProperty().addListener((o, a, b) -> commit(name));
            return c;
        }
        TextField t = new TextField(FieldValues.text(value));
        t.setPrefColumnCount(8);
        t.textProperty().addListener((o, a, b) -> commit(name));
        t.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                vm.seal();
                // show the value as the model has it (e.g. "5×5" typed as "5x5")
                if (shownLayer != null && vm.getNetwork().node(shownId).isPresent()
                        && t.getPseudoClassStates().isEmpty()) {
                    refreshValues();
                }
            }
        });
        t.setOnAction(e -> vm.seal());
        t.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> fieldKey(name, e));
        return t;
    }

    private static final javafx.scene.input.KeyCombination UNDO =
            javafx.scene.input.KeyCombination.valueOf("Shortcut+Z");
    private static final javafx.scene.input.KeyCombination REDO =
            javafx.scene.input.KeyCombination.valueOf("Shortcut+Y");
    private static final javafx.scene.input.KeyCombination REDO_SHIFT =
            javafx.scene.input.KeyCombination.valueOf("Shortcut+Shift+Z");

    /**
     * In a field, Ctrl+Z / Ctrl+Y undo and redo the design (each committed field edit is one step), not
     * the field's text; Escape puts an invalid field back to the block's value.
     */
    private void fieldKey(String name, javafx.scene.input.KeyEvent e) {
        if (UNDO.match(e) || REDO.match(e) || REDO_SHIFT.match(e)) {
            e.consume();
            vm.seal();
            if (UNDO.match(e)) {
                vm.undo();
            } else {
                vm.redo();
            }
            reloadKeepingFocus(name);
        } else if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
            boolean invalid = editors.values().stream().anyMatch(c -> c.getPseudoClassStates().contains(INVALID));
            if (invalid) {
                e.consume();
                reloadKeepingFocus(name);
            }
        }
    }

    /** Shows the block's values as the design has them, keeping the caret in field {@code name}. */
    private void reloadKeepingFocus(String name) {
        if (shownId == null || vm.getNetwork().node(shownId).isEmpty()) {
            return;
        }
        shownLayer = null;
        refresh();
        Control c = editors.get(name);
        if (c != null) {
            c.requestFocus();
            if (c instanceof TextField t) {
                t.selectAll();
            }
        }
    }

    /** Validates all fields; applies the layer if valid (coalesced into one undo step per field). */
    private void commit(String field) {
        if (shownId == null) {
            return;
        }
        ObjectNode fields = extraFields.deepCopy();
        for (var e : editors.entrySet()) {
            fields.set(e.getKey(), FieldValues.value(e.getValue()));
        }
        List<String> messages = new ArrayList<>();
        LayerType type = shownLayer.type();
        Layer layer = LayerCodec.read(type, fields, "", messages);
        editors.values().forEach(c -> c.pseudoClassStateChanged(INVALID, false));
        if (layer == null) {
            for (String m : messages) {
                for (String name : editors.keySet()) {
                    if (m.startsWith(name + ":") || m.startsWith("." + name) || m.contains(" " + name + " ")) {
                        editors.get(name).pseudoClassStateChanged(INVALID, true);
                    }
                }
            }
            if (messages.isEmpty()) {
                messages.add("this value is not valid");
            }
            Control c = editors.get(field);
            if (c != null && editors.values().stream().noneMatch(x -> x.getPseudoClassStates().contains(INVALID))) {
                c.pseudoClassStateChanged(INVALID, true);
            }
            validation.setText(String.join("\n", messages.stream().map(Inspector::clean).toList()));
            validation.setVisible(true);
            validation.setManaged(true);
            return;
        }
        validation.setText("");
        validation.setVisible(false);
        validation.setManaged(false);
        shownLayer = layer;
        committing = true;
        try {
            vm.setLayer(shownId, layer, shownId + "/" + field);
        } finally {
            committing = false;
        }
    }

    private void refreshValues() {
        var node = vm.getNetwork().node(shownId).orElse(null);
        if (node != null) {
            shownLayer = null;
            refresh();
        }
    }

    private static String clean(String message) {
        String m = message.startsWith(": ") ? message.substring(2) : message;
        m = m.startsWith(".") ? m.substring(1) : m;
        return Character.toUpperCase(m.charAt(0)) + m.substring(1);
    }

    private static String pretty(String field) {
        return Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }

    // ------------------------------------------------------------------ several / none

    private void showMany(int n) {
        Label title = new Label(n + " blocks selected");
        title.getStyleClass().add(Css.TITLE_3);
        Label hint = new Label("Drag to move them together, Ctrl+D to duplicate, Delete to remove.");
        hint.setWrapText(true);
        hint.getStyleClass().add(Css.TEXT_MUTED);
        box.getChildren().setAll(title, hint);
    }

    private void showNetwork() {
        Analysis a = vm.getAnalysis();
        Label title = new Label("Design");
        title.getStyleClass().add(Css.TITLE_3);
        TextField name = new TextField(vm.getNetwork().name());
        name.setId("field-network-name");
        name.textProperty().addListener((o, x, v) -> {
            if (!v.isBlank()) {
                committing = true;
                try {
                    vm.edit("Rename design", net -> net.withName(v.strip()), "network-name");
                } finally {
                    committing = false;
                }
            }
        });
        name.focusedProperty().addListener((o, x, f) -> {
            if (!f) {
                vm.seal();
            }
        });
        Label hint = new Label("Select a block to edit its settings. Drag blocks from the palette; "
                + "connect a block's bottom port to another block.");
        hint.setWrapText(true);
        hint.getStyleClass().add(Css.TEXT_MUTED);
        VBox list = new VBox(6);
        if (a != null) {
            list.getChildren().addAll(
                    BlockFacts.fact("Blocks", Integer.toString(vm.getNetwork().nodes().size())),
                    BlockFacts.fact("Input", a.inputShape().map(Object::toString).orElse("–")),
                    BlockFacts.fact("Output", a.outputShape().map(Object::toString).orElse("–")));
            if (a.problems().isEmpty()) {
                Label ok = new Label("No problems found.");
                ok.getStyleClass().add("problem-ok");
                list.getChildren().add(ok);
            }
            for (Problem p : a.problems()) {
                list.getChildren().add(BlockFacts.problemLabel(p));
            }
        }
        Label nameLabel = new Label("Name");
        nameLabel.getStyleClass().add("panel-title");
        Label summary = new Label("Summary");
        summary.getStyleClass().add("panel-title");
        box.getChildren().setAll(title, hint, nameLabel, name, summary, list, FreezeControls.designTools(vm));
    }
}
