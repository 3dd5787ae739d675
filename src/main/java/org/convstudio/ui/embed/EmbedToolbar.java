package org.convstudio.ui.embed;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.convstudio.analysis.embed.Embedder;
import org.convstudio.engine.embed.LayerActivations;
import org.convstudio.model.graph.Network;
import org.convstudio.ui.common.Css;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The Embed workspace's toolbar: what to map (the bundled sample's pixels or a saved run's layer), the method,
 * perplexity and sample count, chosen before Compute (with "Input space beside" in the side panel); the lasso tool;
 * export as PNG and CSV.
 */
final class EmbedToolbar extends HBox {

    /** A choice in the source list: null run = pixels. */
    record Source(String label, Path run, Network network) {
        @Override
        public String toString() {
            return label;
        }
    }

    static final Source PIXELS = new Source("Pixels of the bundled sample", null, null);

    final ComboBox<Source> source = new ComboBox<>();
    final ComboBox<String> layer = new ComboBox<>();
    final ChoiceBox<String> method = new ChoiceBox<>();
    final Spinner<Integer> perplexity = new Spinner<>();
    final Spinner<Integer> samples = new Spinner<>();
    final ToggleButton lasso = new ToggleButton(null, new FontIcon(MaterialDesignL.LASSO));

    /**
     * @param vm        the workspace's state (busy, side by side, something to export)
     * @param onCompute Compute
     * @param onRefresh re-list the saved runs
     * @param onExport  export: true for PNG, false for CSV
     */
    EmbedToolbar(EmbedViewModel vm, Runnable onCompute, Runnable onRefresh, Consumer<Boolean> onExport) {
        super(8);
        source.setId("embed-source");
        source.getItems().setAll(PIXELS);
        source.setValue(PIXELS);
        source.setPrefWidth(190);
        source.setMinWidth(110);
        source.valueProperty().addListener((o, a, s) -> layersOf(s));
        layer.setId("embed-layer");
        layer.setPrefWidth(100);
        layer.setMinWidth(80);
        layer.setDisable(true);
        layer.setPromptText("layer");
        Button refresh = new Button(null, new FontIcon(MaterialDesignR.REFRESH));
        refresh.setTooltip(new Tooltip("List the saved runs again"));
        refresh.setOnAction(e -> onRefresh.run());
        method.setId("embed-method");
        method.getItems().setAll("t-SNE", "PCA");
        method.setValue("t-SNE");
        method.setPrefWidth(82);
        method.setMinWidth(82);
        perplexity.setId("embed-perplexity");
        perplexity.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(2, 100, 30, 5));
        perplexity.setEditable(true);
        perplexity.setPrefWidth(72);
        perplexity.setMinWidth(72);
        perplexity.disableProperty().bind(method.valueProperty().isEqualTo("PCA"));
        samples.setId("embed-samples");
        samples.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(100, 10_000, 2000, 500));
        samples.setEditable(true);
        samples.setPrefWidth(88);
        samples.setMinWidth(88);
        Button compute = new Button("Compute", new FontIcon(MaterialDesignP.PLAY));
        compute.setId("embed-compute");
        compute.getStyleClass().add(Css.ACCENT);
        compute.setDefaultButton(true);
        compute.setOnAction(e -> onCompute.run());
        compute.setMinWidth(Region.USE_PREF_SIZE);
        Button cancel = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        cancel.setId("embed-cancel");
        cancel.disableProperty().bind(vm.busyProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        cancel.setTooltip(new Tooltip("Stop the computation"));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.setMinWidth(18);
        busy.visibleProperty().bind(vm.busyProperty());
        lasso.setId("embed-lasso");
        lasso.setTooltip(new Tooltip("Lasso: drag around points to see their images (or Shift-drag, right-drag)"));
        Button png = new Button(null, new FontIcon(MaterialDesignF.FILE_IMAGE_OUTLINE));
        png.setTooltip(new Tooltip("Export the learned map as a PNG image (with legend and scores)"));
        png.setId("embed-export-png");
        png.setOnAction(e -> onExport.accept(true));
        Button csv = new Button(null, new FontIcon(MaterialDesignF.FILE_DELIMITED_OUTLINE));
        csv.setTooltip(new Tooltip("Export the learned map's coordinates as CSV: index, x, y, label, prediction"));
        csv.setId("embed-export-csv");
        csv.setOnAction(e -> onExport.accept(false));
        png.disableProperty().bind(vm.snapshotProperty().isNull());
        csv.disableProperty().bind(vm.snapshotProperty().isNull());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        source.setTooltip(new Tooltip("What to map: the bundled sample's pixels, or a saved run's layer"));
        getChildren().setAll(source, refresh, layer, method, label("Perplexity"), perplexity,
                label("Samples"), samples, compute, cancel, busy, grow, lasso, png, csv);
        setAlignment(Pos.CENTER_LEFT);
        setMinWidth(0); // a narrow window clips the export buttons instead of widening the workspace
        setPadding(new Insets(6, 10, 6, 10));
        getStyleClass().add("workspace-toolbar");
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** The chosen method. */
    Embedder.Method chosenMethod() {
        return "PCA".equals(method.getValue()) ? Embedder.Method.PCA : Embedder.Method.TSNE;
    }

    /** What the toolbar asks for. */
    EmbedRequest request() {
        Source s = source.getValue() == null ? PIXELS : source.getValue();
        return new EmbedRequest(s.run(), s.run() == null ? null : layer.getValue(), chosenMethod(),
                perplexity.getValue(), samples.getValue(), 42);
    }

    /** Selects the source of run folder {@code run}, adding it to the list under {@code label} if missing. */
    void selectRun(String label, Path run, Network network) {
        Source s = source.getItems().stream().filter(x -> run.equals(x.run())).findFirst().orElse(null);
        if (s == null) {
            s = new Source(label, run, network);
            source.getItems().add(s);
        }
        source.setValue(s);
    }

    private void layersOf(Source s) {
        if (s == null || s.network() == null) {
            layer.getItems().clear();
            layer.setDisable(true);
            return;
        }
        Network net = s.network();
        String was = layer.getValue();
        var ids = net.nodes().stream().map(n -> n.id()).toList();
        layer.getItems().setAll(ids);
        layer.setValue(was != null && ids.contains(was) ? was : LayerActivations.defaultLayer(net));
        layer.setDisable(false);
    }
}
