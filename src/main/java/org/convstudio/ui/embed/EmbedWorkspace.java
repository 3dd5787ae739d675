package org.convstudio.ui.embed;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.convstudio.engine.embed.LayerActivations;
import org.convstudio.ui.common.AppServices;
import org.convstudio.ui.common.Css;
import org.convstudio.ui.common.TaskExecutor;
import org.convstudio.ui.common.Workspace;
import org.convstudio.ui.embed.EmbedToolbar.Source;
import org.convstudio.ui.training.RunCatalog;
import org.convstudio.ui.training.TrainingViewModel;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The Embed workspace: the choices before computing ({@link EmbedToolbar}); the learned space of a run's layer
 * beside the input space of the same samples (two {@link MapPanel}s, same colours, hover and selection linked);
 * the legend, live mode and scores ({@link EmbedSidePanel}); the lasso's gallery ({@link SelectionGallery}); the
 * epochs' replay in live mode ({@link ReplayBar}). A click on a sample opens it in Inspect through the shell's
 * {@link #setInspector inspector}. All computing happens in {@link EmbedViewModel}'s worker.
 */
public final class EmbedWorkspace implements Workspace {

    static final Source PIXELS = EmbedToolbar.PIXELS;

    private final AppServices services;
    private final TaskExecutor executor;
    private final EmbedViewModel vm;
    private BorderPane view;
    private EmbedToolbar bar;
    private MapPanel inputPanel;
    private MapPanel layerPanel;
    private SelectionGallery gallery;
    private BiConsumer<Path, Integer> inspector;
    private LiveFollower follower;

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

    /** The learned space's map (or the only map). */
    ScatterPlot plot() {
        return layerPanel.plot();
    }

    /** The input space's map (shown beside a layer). */
    ScatterPlot inputPlot() {
        return inputPanel.plot();
    }

    MapPanel inputPanel() {
        return inputPanel;
    }

    MapPanel layerPanel() {
        return layerPanel;
    }

    SelectionGallery gallery() {
        return gallery;
    }

    /** Opens a sample elsewhere: the shell shows it in Inspect ({@code run} null: pixels, no run). */
    public void setInspector(BiConsumer<Path, Integer> inspector) {
        this.inspector = inspector;
    }

    /** Follows the runs the Train workspace trains (live mode). */
    public void follow(TrainingViewModel training) {
        follower = new LiveFollower(this::epochSaved);
        follower.follow(training);
        vm.liveProperty().addListener((o, was, on) -> {
            if (on && follower.latest() != null) {
                epochSaved(follower.latest());
            }
        });
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
        choose(methodName, perplexityValue, sampleCount);
        vm.compute(bar.request());
    }

    /** Sets the method, perplexity and sample count as a student would (live mode uses them). */
    public void choose(String methodName, int perplexityValue, int sampleCount) {
        view();
        bar.method.setValue(methodName);
        bar.perplexity.getValueFactory().setValue(perplexityValue);
        bar.samples.getValueFactory().setValue(sampleCount);
    }

    /** The source chosen in the toolbar's list. */
    Path chosenRun() {
        return bar.source.getValue() == null ? null : bar.source.getValue().run();
    }

    /** Offers a run folder (not necessarily in the app's catalog) and selects it, as if picked in the list. */
    void chooseRun(String label, Path run, org.convstudio.model.graph.Network network) {
        view();
        bar.selectRun(label, run, network);
    }

    private void build() {
        view = new BorderPane();
        view.setId("workspace-embed");
        bar = new EmbedToolbar(vm, () -> vm.compute(bar.request()), this::refreshSources, this::export);
        inputPanel = new MapPanel("Input space: computing…", "embed-input", new ScatterPlot("embed-input-canvas",
                "embed-input-hover"));
        layerPanel = new MapPanel("Nothing mapped yet: choose the pixels or a run's layer, then Compute.",
                "embed-layer", new ScatterPlot());
        layerPanel.setBottom(new ReplayBar(vm));
        BooleanBinding beside = vm.sideBySideProperty().and(vm.comparingProperty());
        inputPanel.visibleProperty().bind(beside);
        inputPanel.managedProperty().bind(beside);
        HBox maps = new HBox(1, inputPanel, layerPanel);
        maps.getStyleClass().add("embed-maps");
        HBox.setHgrow(inputPanel, Priority.ALWAYS);
        HBox.setHgrow(layerPanel, Priority.ALWAYS);
        inputPanel.setPrefWidth(10);
        layerPanel.setPrefWidth(10);
        for (MapPanel p : List.of(inputPanel, layerPanel)) {
            ScatterPlot plot = p.plot();
            plot.setOnHover(i -> vm.hoveredProperty().set(i));
            plot.setOnLasso(polygon -> vm.select(plot.data(), polygon));
            plot.setOnOpen(i -> openInInspect(i));
            bar.lasso.selectedProperty().addListener((o, a, on) -> plot.setLassoTool(on));
        }
        vm.hoveredProperty().addListener((o, a, i) -> {
            inputPanel.plot().highlight(i.intValue());
            layerPanel.plot().highlight(i.intValue());
        });
        EmbedSidePanel side = new EmbedSidePanel(vm, on -> {
            inputPanel.plot().colourByPrediction(on);
            layerPanel.plot().colourByPrediction(on);
        });
        gallery = new SelectionGallery(this::openInInspect, vm::clearSelection);
        vm.snapshotProperty().addListener((o, a, s) -> {
            layerPanel.show(s);
            side.show(s);
            gallery.show(vm.selectionProperty().get(), s);
        });
        vm.inputProperty().addListener((o, a, s) -> inputPanel.show(s));
        vm.selectionProperty().addListener((o, a, s) -> {
            inputPanel.plot().select(s);
            layerPanel.plot().select(s);
            gallery.show(s, vm.snapshotProperty().get());
        });
        Label status = new Label();
        status.setId("embed-status");
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        status.setPadding(new Insets(4, 10, 6, 10));
        view.setTop(bar);
        view.setCenter(maps);
        javafx.scene.control.ScrollPane sideScroll = new javafx.scene.control.ScrollPane(side);
        sideScroll.setFitToWidth(true);
        sideScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        sideScroll.getStyleClass().add(Css.EDGE_TO_EDGE);
        view.setRight(sideScroll);
        view.setBottom(new VBox(gallery, status));
        layerPanel.show(null);
        inputPanel.show(null);
        view.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                vm.clearSelection();
            }
        });
    }

    /** Opens sample {@code i} of the maps in Inspect (validation images only: those are Inspect's samples). */
    void openInInspect(int i) {
        EmbedSnapshot s = vm.snapshotProperty().get();
        if (s == null || inspector == null) {
            return;
        }
        if (i >= s.validation()) {
            services.status(String.format(Locale.ROOT, "Sample %d is a training image; Inspect shows the %d validation"
                    + " images (samples 0 to %d of this map).", i, s.validation(), s.validation() - 1));
            return;
        }
        inspector.accept(s.request().run(), i);
    }

    /** A followed run saved an epoch: map its layer (the one chosen when this run is the source) from it. */
    private void epochSaved(LiveFollower.SavedEpoch e) {
        if (!vm.liveProperty().get()) {
            return;
        }
        view();
        bar.selectRun("Training: " + e.run().getFileName(), e.run(), e.network());
        String layerId = bar.layer.getValue();
        boolean known = layerId != null && e.network().nodes().stream().anyMatch(n -> n.id().equals(layerId));
        EmbedRequest r = bar.request().forRun(e.run(), known ? layerId : LayerActivations.defaultLayer(e.network()));
        vm.liveEpoch(r);
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
            Source keep = bar.source.getValue();
            if (keep != null && keep.run() != null && list.stream().noneMatch(x -> keep.run().equals(x.run()))) {
                list.add(keep); // a run chosen by hand or followed live stays
            }
            bar.source.getItems().setAll(list);
            bar.source.setValue(list.stream().filter(x -> keep != null && java.util.Objects.equals(x.run(), keep.run()))
                    .findFirst().orElse(PIXELS));
        }, e -> services.status("Cannot list the saved runs: " + e.getMessage()));
    }

    private void export(boolean png) {
        String name = png ? "embedding.png" : "embedding.csv";
        String kind = png ? "PNG image" : "CSV table";
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the map as " + kind);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, png ? "*.png" : "*.csv"));
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
