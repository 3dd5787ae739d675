package org.convstudio.ui.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.convstudio.model.graph.Network;
import org.convstudio.ui.common.AppServices;
import org.convstudio.ui.common.Css;
import org.convstudio.ui.common.Workspace;
import javafx.beans.value.ObservableValue;
import org.convstudio.ui.training.EngineRun;
import org.convstudio.ui.training.RunState;
import org.convstudio.ui.training.TrainingRun;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The Inspect workspace: pick a saved run or a design (at its initialisation) and a validation sample, then
 * look at feature maps, filters, receptive fields, attribution, errors, or draw a digit. Everything is
 * computed off the FX thread (see {@link InspectViewModel}).
 */
public final class InspectWorkspace implements Workspace {

    private final AppServices services;
    private final Supplier<Network> currentDesign;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "convstudio-inspect-open");
        t.setDaemon(true);
        return t;
    });
    private final InspectViewModel vm = new InspectViewModel(background, Platform::runLater);
    private BorderPane view;
    private final ComboBox<InspectSource> source = new ComboBox<>();
    private final Spinner<Integer> sample = new Spinner<>(0, 0, 0);
    private final Label prediction = new Label();
    private TabPane tabs;
    private FieldPane field;
    private DrawPane draw;
    private AttributionPane attribution;
    private final RunFollowing following;
    /**
     * A sample asked for by {@link #showSample} (-1: none) and the run it belongs to (null: whichever source opens
     * next); it follows the sample spinner, so a source reopened by a refresh keeps showing it.
     */
    private int wantedSample = -1;
    private java.nio.file.Path wantedRun;
    /** The sample the source opened last starts at. */
    private int openedFirst;

    /**
     * @param services      the shell's services (status bar, dialogs, data folder)
     * @param currentDesign the design open in the Design workspace (may return null)
     */
    public InspectWorkspace(AppServices services, Supplier<Network> currentDesign) {
        this(services, currentDesign, null, null);
    }

    /**
     * @param currentRun the Train workspace's current run (followed live while it trains; may be null)
     * @param runState   its state
     */
    public InspectWorkspace(AppServices services, Supplier<Network> currentDesign, ObservableValue<TrainingRun> currentRun,
                            ObservableValue<RunState> runState) {
        this.services = services;
        this.currentDesign = currentDesign;
        this.following = new RunFollowing(currentRun, runState, new RunFollowing.Host() {
            @Override
            public void ensureView() {
                view();
            }

            @Override
            public ComboBox<InspectSource> sources() {
                return source;
            }

            @Override
            public LiveFollower follower() {
                return vm.follower();
            }

            @Override
            public boolean onFollowingPane() {
                Tab t = tabs == null ? null : tabs.getSelectionModel().getSelectedItem();
                return t != null && !"inspect-tab-errors".equals(t.getId());
            }

            @Override
            public void open(InspectSource saved) {
                InspectWorkspace.this.open(saved);
            }
        });
    }

    @Override
    public String id() {
        return "inspect";
    }

    @Override
    public String title() {
        return "Inspect";
    }

    @Override
    public String description() {
        return "Look inside a network: feature maps, filters, receptive fields, attribution, errors, draw a digit";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignM.MAGNIFY_SCAN;
    }

    public InspectViewModel viewModel() {
        return vm;
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
        following.setShown(true);
        refreshSources();
    }

    @Override
    public void onHidden() {
        following.setShown(false);
    }

    private void build() {
        view = new BorderPane();
        view.setId("workspace-inspect");
        source.setId("inspect-source");
        source.setPromptText("Choose a run or a design");
        source.setPrefWidth(260);
        source.setMinWidth(160);
        source.valueProperty().addListener((o, a, s) -> {
            if (s == null || s == a) {
                return;
            }
            if (s.live() != null) {
                wantedSample = -1;
                wantedRun = null;
                vm.follow(s.live());
                sampleRange(vm.sampleCount(), true);
                following.updateListening();
            } else {
                following.turnAway();
                boolean wanted = wantedSample >= 0 && (wantedRun == null || wantedRun.equals(s.run()));
                wantedSample = wanted ? wantedSample : -1;
                wantedRun = wanted ? s.run() : null;
                openedFirst = Math.max(0, wantedSample);
                vm.open(s, openedFirst);
            }
        });
        Button refresh = new Button(null, new FontIcon(MaterialDesignR.REFRESH));
        refresh.setOnAction(e -> refreshSources());
        sample.setId("inspect-sample");
        sample.setEditable(true);
        sample.setPrefWidth(100);
        sample.setMinWidth(84);
        sample.valueProperty().addListener((o, a, i) -> {
            if (i != null && (vm.loaded() != null || vm.follower().following())) {
                wantedSample = wantedSample >= 0 ? i : -1;
                vm.selectSample(i);
            }
        });
        Button prev = new Button(null, new FontIcon(MaterialDesignC.CHEVRON_LEFT));
        prev.setOnAction(e -> sample.decrement());
        Button next = new Button(null, new FontIcon(MaterialDesignC.CHEVRON_RIGHT));
        next.setOnAction(e -> sample.increment());
        Button imageFile = new Button("Image file…");
        imageFile.setId("inspect-image-file");
        imageFile.setMinWidth(Region.USE_PREF_SIZE);
        imageFile.setTooltip(new javafx.scene.control.Tooltip("Look at an image of your own (converted to the network's input)"));
        imageFile.setOnAction(e -> {
            if (vm.loaded() == null) {
                return;
            }
            Fx.chooseImage(services == null ? null : services.window()).ifPresent(f -> {
                vm.selectImageFile(f);
                tabs.getSelectionModel().select(0);
            });
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.setId("inspect-status");
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        status.setMinWidth(0);
        prediction.setId("inspect-prediction");
        prediction.getStyleClass().add(Css.TEXT_BOLD);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label inspectLabel = new Label("Inspect");
        Label sampleLabel = new Label("Sample");
        for (Label l : List.of(inspectLabel, sampleLabel, prediction)) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        status.setMaxWidth(360);
        status.setWrapText(true); // two short lines rather than one cut at 1280 px; the whole text also as a tooltip
        status.setMaxHeight(Region.USE_PREF_SIZE);
        javafx.scene.control.Tooltip statusTip = new javafx.scene.control.Tooltip();
        statusTip.textProperty().bind(vm.statusProperty());
        statusTip.setWrapText(true);
        statusTip.setMaxWidth(480);
        status.setTooltip(statusTip);
        HBox bar = new HBox(8, inspectLabel, source, refresh, sampleLabel, prev, sample, next, imageFile, prediction, grow, busy,
                status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.getStyleClass().add("workspace-toolbar");
        vm.loadedProperty().addListener((o, a, l) -> {
            if (l != null) {
                int first = Math.max(0, Math.min(openedFirst, l.samples() - 1));
                sample.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, Math.max(0, l.samples() - 1),
                        first));
            }
        });
        vm.sampleProperty().addListener((o, a, s) -> prediction.setText(InspectSnapshots.predictionText(s, vm.classNames())));
        field = new FieldPane(vm, services);
        draw = new DrawPane(vm, services);
        attribution = new AttributionPane(vm, services);
        tabs = new TabPane(
                tab("Feature maps", "inspect-tab-maps", new FeatureMapsPane(vm, services)),
                tab("Filters", "inspect-tab-filters", new FiltersPane(vm, services)),
                tab("Receptive fields", "inspect-tab-field", field),
                tab("Attribution", "inspect-tab-attribution", attribution),
                tab("Errors", "inspect-tab-errors", new ErrorsPane(vm, services, i -> {
                    sample.getValueFactory().setValue(i);
                    tabs.getSelectionModel().select(0);
                })),
                tab("Draw a digit", "inspect-tab-draw", draw));
        tabs.setId("inspect-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t != null && "inspect-tab-draw".equals(t.getId()) && vm.loaded() != null && vm.drawingProperty().get() == null) {
                draw.clear();
            }
            following.updateListening();
        });
        view.setTop(bar);
        view.setCenter(tabs);
    }

    /** The sample spinner offers images 0 … n-1, from 0 or keeping the current one (when it fits). */
    private void sampleRange(int n, boolean keepCurrent) {
        Integer now = sample.getValue();
        int keep = now == null || !keepCurrent ? 0 : Math.max(0, Math.min(now, n - 1));
        sample.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, Math.max(0, n - 1), keep));
    }

    private static Tab tab(String title, String id, Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }

    /** Lists presets, the current design and the saved runs (file I/O off the FX thread). */
    public CompletableFuture<List<InspectSource>> refreshSources() {
        Network design = currentDesign == null ? null : currentDesign.get();
        return CompletableFuture.supplyAsync(() -> InspectSource.available(services.dataDirectory(), design
        ), background).whenComplete((list, t) -> Platform.runLater(() -> {
            if (list == null) {
                return;
            }
            InspectSource keep = source.getValue();
            List<InspectSource> items = new ArrayList<>(list);
            EngineRun training = following.trainingRun();
            if (training != null) {
                items.add(0, InspectSource.live(training)); // the run training now can be followed
            }
            if (keep != null) {
                items.removeIf(s -> s.label().equals(keep.label()));
                items.add(0, keep); // the open source stays selected and shown
            }
            source.getItems().setAll(items);
            source.setValue(keep);
        }));
    }

    /** Opens {@code s} as if picked in the source list. */
    public void open(InspectSource s) {
        view();
        if (!source.getItems().contains(s)) {
            source.getItems().add(0, s);
        }
        source.setValue(s);
    }

    /**
     * Shows validation sample {@code index} on the Feature maps tab: of the saved run in {@code run}, opened unless
     * it is the open source, or (run null) of the source open now, or of the next one chosen (the Embed workspace's
     * "open in Inspect").
     */
    public void showSample(java.nio.file.Path run, int index) {
        view();
        InspectSource open = source.getValue();
        tabs.getSelectionModel().select(0);
        wantedSample = index;
        if (run == null || (open != null && run.equals(open.run()))) {
            wantedRun = open == null ? null : open.run();
            if (vm.loaded() != null && open != null) {
                sample.getValueFactory().setValue(index);
            }
            return;
        }
        wantedRun = run;
        open(source.getItems().stream().filter(s -> run.equals(s.run())).findFirst()
                .orElse(InspectSource.run("Run " + run.getFileName(), run)));
    }

    public void select(String tabId) {
        view();
        tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    FieldPane fieldPane() {
        return field;
    }

    DrawPane drawPane() {
        return draw;
    }

    AttributionPane attributionPane() {
        return attribution;
    }

    /** Frees the inspection model and threads (when the window closes). */
    public void close() {
        vm.close();
        background.shutdown();
    }
}
