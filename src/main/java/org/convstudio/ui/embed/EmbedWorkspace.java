package org.convstudio.ui.embed;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.convstudio.analysis.embed.Embedder;
import org.convstudio.engine.embed.LayerActivations;
import org.convstudio.model.graph.Network;
import org.convstudio.ui.common.AppServices;
import org.convstudio.ui.common.Css;
import org.convstudio.ui.common.TaskExecutor;
import org.convstudio.ui.common.Workspace;
import org.convstudio.ui.training.RunCatalog;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The Embed workspace: what to map (the bundled sample's pixels or a saved run's layer), the method, perplexity
 * and sample count chosen before computing; the map itself ({@link ScatterPlot}), its legend and scores
 * ({@link EmbedSidePanel}); export as PNG and CSV. All computing happens in {@link EmbedViewModel}'s worker.
 */
public final class EmbedWorkspace implements Workspace {

    /** A choice in the source list: null run = pixels. */
    record Source(String label, Path run, Network network) {
        @Override
        public String toString() {
            return label;
        }
    }

    static final Source PIXELS = new Source("Pixels of the bundled sample", null, null);

    private final AppServices services;
    private final TaskExecutor executor;
    private final EmbedViewModel vm;
    private BorderPane view;
    private final ComboBox<Source> source = new ComboBox<>();
    private final ComboBox<String> layer = new ComboBox<>();
    private final ChoiceBox<String> method = new ChoiceBox<>();
    private final Spinner<Integer> perplexity = new Spinner<>();
    private final Spinner<Integer> samples = new Spinner<>();
    private ScatterPlot plot;
    private EmbedSidePanel side;

    public EmbedWorkspace(AppServices services) {
        this(services, TaskExecutor.javaFx());
    }

    public EmbedWorkspace(AppServices services, TaskExecutor executor) {
        this.services = services;
        this.executor = executor;
        this.vm = new EmbedViewModel(executor);
    }

    @Override
    public String id() {
        return "embed";
    }

    @Override
    public String title() {
        return "Embed";
    }

    @Override
    public String description() {
        return "Map the network's internal representations in 2D";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignS.SCATTER_PLOT;
    }

    public EmbedViewModel viewModel() {
        return vm;
    }

    ScatterPlot plot() {
        return plot;
    }

    @Override
    public Node view() {
        if (view == null) {
            build();
        }
        return view;
    }

    @Override
    public void onShown() {
        refreshSources();
    }

    /** Sets the choices as a student would, then presses Compute (tests, screenshots). */
    public void compute(String methodName, int perplexityValue, int sampleCount) {
        view();
        method.setValue(methodName);
        perplexity.getValueFactory().setValue(perplexityValue);
        samples.getValueFactory().setValue(sampleCount);
        computeChosen();
    }

    /** Offers a run folder (not necessarily in the app's catalog) and selects it, as if picked in the list. */
    void chooseRun(String label, Path run, Network network) {
        view();
        Source s = new Source(label, run, network);
        source.getItems().add(s);
        source.setValue(s);
    }

    private void build() {
        view = new BorderPane();
        view.setId("workspace-embed");
        source.setId("embed-source");
        source.getItems().setAll(PIXELS);
        source.setValue(PIXELS);
        source.setPrefWidth(210);
        source.setMinWidth(120);
        source.valueProperty().addListener((o, a, s) -> layersOf(s));
        layer.setId("embed-layer");
        layer.setPrefWidth(110);
        layer.setMinWidth(90);
        layer.setDisable(true);
        layer.setPromptText("layer");
        Button refresh = new Button(null, new FontIcon(MaterialDesignR.REFRESH));
        refresh.setOnAction(e -> refreshSources());
        method.setId("embed-method");
        method.getItems().setAll("t-SNE", "PCA");
        method.setValue("t-SNE");
        perplexity.setId("embed-perplexity");
        perplexity.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(2, 100, 30, 5));
        perplexity.setEditable(true);
        perplexity.setPrefWidth(75);
        perplexity.setMinWidth(75);
        perplexity.disableProperty().bind(method.valueProperty().isEqualTo("PCA"));
        samples.setId("embed-samples");
        samples.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(100, 10_000, 2000, 500));
        samples.setEditable(true);
        samples.setPrefWidth(90);
        samples.setMinWidth(90);
        Button compute = new Button("Compute", new FontIcon(MaterialDesignP.PLAY));
        compute.setId("embed-compute");
        compute.getStyleClass().add(Css.ACCENT);
        compute.setDefaultButton(true);
        compute.setOnAction(e -> computeChosen());
        compute.setMinWidth(Region.USE_PREF_SIZE);
        method.setMinWidth(Region.USE_PREF_SIZE);
        Button cancel = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        cancel.setId("embed-cancel");
        cancel.disableProperty().bind(vm.busyProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        cancel.setTooltip(new Tooltip("Stop the computation"));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        Button png = new Button(null, new FontIcon(MaterialDesignF.FILE_IMAGE_OUTLINE));
        png.setTooltip(new Tooltip("Export the map as a PNG image (with legend and scores)"));
        png.setId("embed-export-png");
        png.setOnAction(e -> export("embedding.png", "PNG image", "*.png", true));
        Button csv = new Button(null, new FontIcon(MaterialDesignF.FILE_DELIMITED_OUTLINE));
        csv.setTooltip(new Tooltip("Export the map as CSV: index, x, y, label, prediction"));
        csv.setId("embed-export-csv");
        csv.setOnAction(e -> export("embedding.csv", "CSV table", "*.csv", false));
        png.disableProperty().bind(vm.snapshotProperty().isNull());
        csv.disableProperty().bind(vm.snapshotProperty().isNull());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        List<Node> items = new ArrayList<>();
        items.add(label("Map"));
        items.add(source);
        items.add(refresh);
        items.add(layer);
        items.add(method);
        items.add(label("Perplexity"));
        items.add(perplexity);
        items.add(label("Samples"));
        items.add(samples);
        items.add(compute);
        items.add(cancel);
        items.add(busy);
        items.add(grow);
        items.add(png);
        items.add(csv);
        HBox bar = new HBox(8);
        bar.getChildren().setAll(items);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.getStyleClass().add("workspace-toolbar");
        Label status = new Label();
        status.setId("embed-status");
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        status.setPadding(new Insets(4, 10, 6, 10));
        plot = new ScatterPlot();
        side = new EmbedSidePanel(plot);
        vm.snapshotProperty().addListener((o, a, s) -> {
            plot.show(s);
            side.show(s);
        });
        view.setTop(bar);
        view.setCenter(plot);
        view.setRight(side);
        view.setBottom(status);
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private void computeChosen() {
        Source s = source.getValue() == null ? PIXELS : source.getValue();
        Embedder.Method m = "PCA".equals(method.getValue()) ? Embedder.Method.PCA : Embedder.Method.TSNE;
        vm.compute(new EmbedRequest(s.run(), s.run() == null ? null : layer.getValue(), m,
                perplexity.getValue(), samples.getValue(), 42));
    }

    private void layersOf(Source s) {
        if (s == null || s.network() == null) {
            layer.getItems().clear();
            layer.setDisable(true);
            return;
        }
        Network net = s.network();
        layer.getItems().setAll(net.nodes().stream().map(n -> n.id()).toList());
        layer.setValue(LayerActivations.defaultLayer(net));
        layer.setDisable(false);
    }

    /** Lists the saved runs with a finished epoch (file I/O on the worker). */
    void refreshSources() {
        Path dataDir = services.dataDirectory();
        executor.submit(() -> {
            List<Source> list = new ArrayList<>();
            list.add(PIXELS);
            for (RunCatalog.RunInfo r : RunCatalog.forDataDirectory(dataDir).list()) {
                if (r.resumable() && r.network() != null) {
                    list.add(new Source("Run " + r.id() + " (" + r.epochs() + " epochs)", r.dir(), r.network()));
                }
            }
            return list;
        }, list -> {
            Source keep = source.getValue();
            source.getItems().setAll(list);
            source.setValue(list.stream().filter(x -> keep != null && x.label().equals(keep.label())).findFirst()
                    .orElse(PIXELS));
        }, e -> services.status("Cannot list the saved runs: " + e.getMessage()));
    }

    private void export(String name, String kind, String pattern, boolean png) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the map as " + kind);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        File f = chooser.showSaveDialog(services.window());
        if (f == null) {
            return;
        }
        Path file = f.toPath();
        Runnable done = () -> services.fileUsed(file);
        if (png) {
            vm.exportPng(file, done);
        } else {
            vm.exportCsv(file, done);
        }
        services.status(String.format(Locale.ROOT, "Exporting %s…", file.getFileName()));
    }
}
