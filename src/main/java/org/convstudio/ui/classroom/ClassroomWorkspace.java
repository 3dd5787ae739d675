package org.convstudio.ui.classroom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import org.convstudio.engine.data.DatasetException;
import org.convstudio.engine.device.TorchThreads;
import org.convstudio.engine.lesson.AutogradBackprop;
import org.convstudio.engine.lesson.LessonRuns;
import org.convstudio.engine.lesson.SampleDigit;
import org.convstudio.ui.common.Background;
import org.convstudio.ui.common.Workspace;
import org.convstudio.ui.training.EngineRun;
import org.convstudio.ui.training.RunCatalog;
import org.convstudio.ui.training.RunState;
import org.convstudio.ui.training.TrainingRun;
import org.convstudio.model.graph.Network;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The Classroom workspace: the course's lessons, live, with a presentation window for projectors. */
public final class ClassroomWorkspace implements Workspace {

    /** Start of the label of the run training now. */
    static final String LIVE_PREFIX = "Live: ";

    /** The source of the run training now (the same object while the same run trains), or null. */
    private LessonNetwork.Source liveSource;

    /** Label of the source that follows the design being edited. */
    static final String CURRENT_DESIGN = "Current design (initial weights)";

    private final Supplier<Network> currentDesign;
    private final javafx.beans.value.ObservableValue<TrainingRun> currentRun;
    private final javafx.beans.value.ObservableValue<RunState> runState;
    private final Path dataDirectory;
    private final Consumer<String> openPreset;
    private final ObservableList<LessonNetwork.Source> sources = FXCollections.observableArrayList();
    private ExecutorService trainRunner;
    private ExecutorService networkWorker;
    private ClassroomViewModel viewModel;
    /** The source picked by default last time (followed while the teacher picks nothing else). */
    private LessonNetwork.Source defaultPick;
    private ClassroomView view;
    private double[][] digit;
    private volatile String missingSample;

    /** A Classroom on its own (no designer, no saved runs): the lessons keep their own examples. */
    public ClassroomWorkspace() {
        this(() -> null, null, null);
    }

    /**
     * @param currentDesign the design being edited (called on the FX thread), or null
     * @param dataDirectory where the app keeps its runs (for the saved runs to look into), or null
     * @param openPreset    opens a preset in the designer (the case studies' button), or null
     */
    public ClassroomWorkspace(Supplier<Network> currentDesign, Path dataDirectory, Consumer<String> openPreset) {
        this(currentDesign, null, null, dataDirectory, openPreset);
    }

    /**
     * @param currentRun the Train workspace's current run (the network lessons follow it while it trains), or null
     * @param runState   its state, or null
     */
    public ClassroomWorkspace(Supplier<Network> currentDesign, javafx.beans.value.ObservableValue<TrainingRun> currentRun,
                              javafx.beans.value.ObservableValue<RunState> runState, Path dataDirectory,
                              Consumer<String> openPreset) {
        this.currentDesign = currentDesign;
        this.currentRun = currentRun;
        this.runState = runState;
        this.dataDirectory = dataDirectory;
        this.openPreset = openPreset;
    }

    @Override
    public String id() {
        return "classroom";
    }

    @Override
    public String title() {
        return "Classroom";
    }

    @Override
    public String description() {
        return "The course's lessons, step by step, and a presentation mode for projectors";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignS.SCHOOL;
    }

    public ClassroomViewModel viewModel() {
        view();
        return viewModel;
    }

    /** Called on the worker: the bundled sample's first test digit (loaded once), or a plain square if it is missing. */
    private synchronized double[][] digit() {
        if (digit == null) {
            try {
                digit = SampleDigit.load(0);
            } catch (DatasetException e) {
                missingSample = e.getMessage() + " The image lessons show a plain square instead.";
                String notice = missingSample;
                Platform.runLater(() -> view.notice(notice));
                double[][] d = new double[28][28];
                for (int r = 8; r < 20; r++) {
                    for (int c = 8; c < 20; c++) {
                        d[r][c] = 1;
                    }
                }
                digit = d;
            }
        }
        return digit;
    }

    @Override
    public Node view() {
        if (view == null) {
            trainRunner = daemon("convstudio-lesson-train");
            networkWorker = daemon("convstudio-lesson-network");
            ClassroomViewModel.Engines engines = new ClassroomViewModel.Engines(trainRunner, LessonTraining.BUNDLED,
                    () -> new LessonRuns(TorchThreads.forApp()), 150_000_000L,
                    new LessonNetwork(networkWorker, Platform::runLater, LessonNetwork.ENGINE));
            viewModel = new ClassroomViewModel(Background.executor(), Platform::runLater, this::digit, new AutogradBackprop(),
                    engines);
            view = new ClassroomView(viewModel, sources, openPreset);
            if (runState != null) {
                // a run starts: the lessons can follow it; it ends: its folder joins the saved runs
                runState.addListener((o, a, b) -> {
                    if (b != null && (b.isActive() != (a != null && a.isActive()) || b.isTerminal())) {
                        refreshSources();
                    }
                });
            }
            refreshSources();
        }
        return view;
    }

    ClassroomView classroomView() {
        view();
        return view;
    }

    /** Why the sample digit is missing, or null. */
    public String missingSample() {
        return missingSample;
    }

    private static ExecutorService daemon(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void onShown() {
        refreshSources();
        viewModel().setShown(true);
        viewModel().refresh();
    }

    @Override
    public void onHidden() {
        viewModel().setShown(false);
    }

    /** The run training now in the Train workspace (an engine run), or null. */
    private EngineRun trainingRun() {
        TrainingRun r = currentRun == null ? null : currentRun.getValue();
        RunState st = runState == null ? null : runState.getValue();
        return r instanceof EngineRun e && st != null && st.isActive() ? e : null;
    }

    /**
     * The networks the lessons can look into: the current design first, then the saved runs (listed off
     * the FX thread). The current design is re-read each time, so the lessons follow its edits; unless the
     * teacher picked another source, the newest saved run of the current design is chosen (its trained
     * weights), else the design at its initial weights.
     */
    void refreshSources() {
        view();
        Network design = currentDesign == null ? null : currentDesign.get();
        LessonNetwork.Source current = design == null || design.nodes().isEmpty() ? null
                : new LessonNetwork.Source(CURRENT_DESIGN, design, null);
        EngineRun running = trainingRun();
        LessonNetwork.Source kept = liveSource;
        liveSource = running == null ? null : kept != null && kept.live() == running.probes() ? kept
                : new LessonNetwork.Source(LIVE_PREFIX + running.request().title(), running.request().network(), null,
                        running.probes());
        LessonNetwork.Source liveNow = liveSource;
        Path dir = dataDirectory;
        Background.submit(() -> {
            List<LessonNetwork.Source> runs = new ArrayList<>();
            if (dir != null) {
                for (RunCatalog.RunInfo r : RunCatalog.forDataDirectory(dir).list()) {
                    if (r.resumable() && r.network() != null) {
                        runs.add(new LessonNetwork.Source("Run " + r.id() + " (" + r.epochs() + " epochs)", r.network(), r.dir()));
                    }
                }
            }
            return runs;
        }, runs -> {
            List<LessonNetwork.Source> all = new ArrayList<>();
            if (liveNow != null) {
                all.add(liveNow);
            }
            if (current != null) {
                all.add(current);
            }
            all.addAll(runs);
            LessonNetwork.Choice c = viewModel.choiceProperty().get();
            sources.setAll(all);
            // by default the newest saved run of the design being edited (its trained weights), else the design
            // and, while one trains, the run training now
            LessonNetwork.Source ofDesign = liveNow != null ? liveNow : current == null ? null : runs.stream()
                    .filter(r -> sameBlocks(r.design(), current.design())).findFirst().orElse(current);
            boolean byDefault = c.source() == null || c.source().label().equals(CURRENT_DESIGN) || c.source().equals(defaultPick)
                    || (c.source().live() != null && !all.contains(c.source()));
            LessonNetwork.Source keep = c.source() == null ? null
                    : all.stream().filter(s -> s.label().equals(c.source().label())).findFirst().orElse(null);
            LessonNetwork.Source pick = byDefault && ofDesign != null ? ofDesign
                    : keep != null ? keep : all.isEmpty() ? null : all.get(0);
            defaultPick = ofDesign;
            if (pick != null && !pick.equals(c.source())) {
                viewModel.choiceProperty().set(c.withSource(pick));
            } else {
                viewModel.requestNetwork();
            }
        }, error -> view.notice("Cannot list the saved runs: " + error.getMessage()));
    }

    /** The same blocks, settings and connections, wherever they stand on the canvas. */
    static boolean sameBlocks(Network a, Network b) {
        java.util.function.Function<Network, List<List<Object>>> blocks = n -> n.nodes().stream()
                .map(x -> List.<Object>of(x.id(), x.layer(), x.inputs(), x.trainable())).toList();
        return blocks.apply(a).equals(blocks.apply(b));
    }

    /** Stops the lessons' runs and frees their threads (when the window closes). */
    public void shutdown() {
        if (viewModel != null) {
            viewModel.shutdown();
            trainRunner.shutdown();
            networkWorker.shutdown();
        }
    }
}
