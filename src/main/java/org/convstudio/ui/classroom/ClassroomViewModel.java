package org.convstudio.ui.classroom;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.convstudio.analysis.lesson.BackpropSolver;
import org.convstudio.analysis.lesson.ConvolutionLesson;
import org.convstudio.analysis.lesson.KernelsLesson;
import org.convstudio.analysis.lesson.ReceptiveFieldLesson;
import org.convstudio.analysis.lesson.TrainingCurves;
import org.convstudio.engine.lesson.LessonRuns;
import org.convstudio.engine.probe.ProbeTap;
import org.convstudio.analysis.lesson.Lesson;
import org.convstudio.analysis.lesson.LessonRenderer;
import org.convstudio.analysis.lesson.LessonStep;
import org.convstudio.analysis.lesson.Lessons;

/**
 * The Classroom's state: which lesson, which step, the teacher's settings and whether the projector
 * theme is on. Building a lesson (autograd for back-propagation) and drawing its slide happen on the
 * {@code worker} executor; the finished, immutable {@link Slide} is handed to the {@code ui} executor
 * (the FX thread in the app, the calling thread in tests). Older requests are dropped when a newer one
 * finished first.
 */
public final class ClassroomViewModel {

    /** One drawn step: what the view shows. */
    public record Slide(String lessonId, String lessonTitle, int step, int stepCount, LessonStep data, String numbers,
                        BufferedImage image) {
    }

    private final Executor worker;
    private final Executor ui;
    private final Supplier<double[][]> digit;
    private final BackpropSolver solver;
    private final ObjectProperty<String> lessonId = new SimpleObjectProperty<>(Lessons.IDS.get(0));
    private final IntegerProperty step = new SimpleIntegerProperty(0);
    private final ObjectProperty<LessonSettings> settings = new SimpleObjectProperty<>(LessonSettings.DEFAULTS);
    private final BooleanProperty presentation = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<Slide> slide = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final AtomicLong version = new AtomicLong();
    /** The request whose slide is on screen (ui thread). */
    private long shownVersion;
    private int width = 1280;
    private int height = 720;
    private Lesson cached;
    private String cachedKey;
    /** What workers computed for the lessons (training curves, the chosen network's facts); FX thread. */
    private final ReadOnlyObjectWrapper<LiveInputs> live = new ReadOnlyObjectWrapper<>(LiveInputs.NONE);
    private long liveVersion;
    private final BooleanProperty training = new SimpleBooleanProperty(false);
    private final ObjectProperty<LessonNetwork.Choice> choice = new SimpleObjectProperty<>(
            new LessonNetwork.Choice(null, "", 0, 0, ""));
    private final ReadOnlyStringWrapper networkStatus = new ReadOnlyStringWrapper("");
    private final LessonTraining trainer;
    private final LessonNetwork network;
    /** The last choice read (or being read), so that showing a lesson again does not read it again. */
    private LessonNetwork.Choice requested;

    /** The workers of the live parts: the lessons' training runs and the network they look into. */
    record Engines(Executor trainRunner, LessonTraining.ArmsFactory arms, Supplier<LessonRuns> runs, long minIntervalNanos,
                   LessonNetwork network) {
    }

    /**
     * @param digit the sample image for the image lessons (called on the worker, may load a file)
     * @param solver autograd for the back-propagation lesson (called on the worker)
     */
    public ClassroomViewModel(Executor worker, Executor ui, Supplier<double[][]> digit, BackpropSolver solver) {
        this(worker, ui, digit, solver, null);
    }

    /** @param engines the live parts' workers, or null for none (then Train and the network lessons do nothing) */
    ClassroomViewModel(Executor worker, Executor ui, Supplier<double[][]> digit, BackpropSolver solver, Engines engines) {
        this.worker = worker;
        this.ui = ui;
        this.digit = digit;
        this.solver = solver;
        this.pictures = new PictureChoice(worker, ui, settings, error::set);
        this.trainer = engines == null ? null : new LessonTraining(engines.trainRunner(), ui, engines.arms(), engines.runs(),
                engines.minIntervalNanos(), this::curvesArrived);
        this.network = engines == null ? null : engines.network();
        choice.addListener((o, a, b) -> {
            requestNetwork();
            updateListening();
        });
        lessonId.addListener((o, a, b) -> {
            step.set(0);
            refresh();
            requestNetwork();
            updateListening();
        });
        this.follower = new RunFollower(this::roundArrived, ui);
        step.addListener((o, a, b) -> refresh());
        settings.addListener((o, a, b) -> refresh());
        presentation.addListener((o, a, b) -> refresh());
    }

    public ObjectProperty<String> lessonIdProperty() {
        return lessonId;
    }

    public IntegerProperty stepProperty() {
        return step;
    }

    public ObjectProperty<LessonSettings> settingsProperty() {
        return settings;
    }

    public BooleanProperty presentationProperty() {
        return presentation;
    }

    public ReadOnlyObjectProperty<Slide> slideProperty() {
        return slide.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True while the current lesson's training runs go on. */
    public BooleanProperty trainingProperty() {
        return training;
    }

    ObjectProperty<LessonNetwork.Choice> choiceProperty() {
        return choice;
    }

    ReadOnlyObjectProperty<LiveInputs> liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** What reading the chosen network says ("Reading LeNet…", an error, or ""). */
    public ReadOnlyStringProperty networkStatusProperty() {
        return networkStatus.getReadOnlyProperty();
    }

    /** Starts the current lesson's short training runs (locality, over-fitting), stopping any under way. */
    public void train() {
        if (trainer != null && LessonTraining.LESSONS.contains(lessonId.get())) {
            trainer.start(lessonId.get());
            training.set(true);
        }
    }

    /** Which runs Train starts (tests use smaller ones). */
    void useTrainingArms(LessonTraining.ArmsFactory arms) {
        if (trainer != null) {
            trainer.setFactory(arms);
        }
    }

    /** Stops the training runs after their current batch. */
    public void stopTraining() {
        if (trainer != null) {
            trainer.stop();
        }
    }

    private void curvesArrived(String id, TrainingCurves c) {
        live.set(live.get().withCurves(id, c));
        liveVersion++;
        training.set(c.running());
        if (id.equals(lessonId.get())) {
            refresh();
        }
    }

    /** Reads the chosen network when a lesson that uses it is shown, unless this very choice was read already. */
    public void requestNetwork() {
        if (network == null || choice.get().source() == null || !NETWORK_LESSONS.contains(lessonId.get())
                || choice.get().equals(requested)) {
            return;
        }
        requested = choice.get();
        networkStatus.set("Reading " + choice.get().source().label() + "…");
        network.request(choice.get(), this::factsArrived);
    }

    private void factsArrived(NetworkFacts facts) {
        live.set(live.get().withNetwork(facts));
        liveVersion++;
        networkStatus.set(facts.error());
        if (NETWORK_LESSONS.contains(lessonId.get())) {
            refresh();
        }
    }

    private final RunFollower follower;
    private boolean shown;

    /**
     * Whether the Classroom is on screen. The network lessons follow the run training now (the chosen source
     * is "Live") only while it is shown and one of them is open: only then does the run take probe rounds.
     */
    public void setShown(boolean on) {
        shown = on;
        updateListening();
    }

    /** Starts or stops listening to the chosen live run's probe tap, as {@link #setShown} says. */
    private void updateListening() {
        LessonNetwork.Source s = choice.get().source();
        follower.follow(network != null && shown && s != null && NETWORK_LESSONS.contains(lessonId.get()) ? s.live() : null);
    }

    /** The run the lessons listen to now, or null (tests). */
    ProbeTap listeningTo() {
        return follower.listeningTo();
    }

    /** Probe rounds of the run training now that reached the lessons (tests). */
    long liveRounds() {
        return follower.rounds();
    }

    /** A probe round of the followed run, on the ui executor: the lessons read its weights on the network worker. */
    private void roundArrived(ProbeTap.Tapped t) {
        LessonNetwork.Source s = choice.get().source();
        if (network == null || s == null || s.live() == null || !NETWORK_LESSONS.contains(lessonId.get())) {
            return;
        }
        LessonNetwork.LiveRound round = new LessonNetwork.LiveRound(t.snapshot().weights(), t.epoch(), t.snapshot().step());
        requested = choice.get();
        network.request(choice.get(), round, ReceptiveFieldLesson.ID.equals(lessonId.get()), this::factsArrived);
    }

    /** The lessons that look into the chosen network. */
    static final List<String> NETWORK_LESSONS = List.of(ConvolutionLesson.ID, KernelsLesson.ID, ReceptiveFieldLesson.ID);

    /** Stops training and frees the open network (when the app closes). */
    public void shutdown() {
        shown = false;
        updateListening();
        stopTraining();
        if (network != null) {
            network.shutdown();
        }
    }

    public void next() {
        Slide s = slide.get();
        if (s != null && step.get() < s.stepCount() - 1) {
            step.set(step.get() + 1);
        }
    }

    public void previous() {
        if (step.get() > 0) {
            step.set(step.get() - 1);
        }
    }

    /** The size slides are drawn at (the view's size, or the presentation window's). */
    public void resize(int w, int h) {
        int nw = Math.max(320, w);
        int nh = Math.max(200, h);
        if (nw != width || nh != height) {
            width = nw;
            height = nh;
            refresh();
        }
    }

    /** Draws the current slide again (after a lesson, step, setting, theme or size change). */
    public void refresh() {
        long v = version.incrementAndGet();
        String id = lessonId.get();
        int wantedStep = step.get();
        LessonSettings s = settings.get();
        LessonRenderer.Theme theme = presentation.get() ? LessonRenderer.Theme.PRESENTATION : LessonRenderer.Theme.LIGHT;
        int w = width;
        int h = height;
        LiveInputs in = inputs();
        long lv = liveVersion;
        worker.execute(() -> {
            try {
                Lesson lesson = lesson(id, s, in, lv);
                List<LessonStep> steps = lesson.steps();
                int i = Math.min(wantedStep, steps.size() - 1);
                BufferedImage img = new LessonRenderer(theme).render(lesson, i, w, h);
                Slide made = new Slide(id, lesson.title(), i, steps.size(), steps.get(i), NumbersLine.of(steps.get(i).numbers()), img);
                ui.execute(() -> {
                    // the newest request, or an older one for the very slide on screen: while a run trains, its
                    // rounds ask for new slides faster than a slow machine draws them, and none would be shown
                    boolean same = id.equals(lessonId.get()) && wantedStep == step.get() && w == width && h == height
                            && presentation.get() == (theme == LessonRenderer.Theme.PRESENTATION);
                    if (v > shownVersion && (version.get() == v || same)) {
                        shownVersion = v;
                        error.set("");
                        slide.set(made);
                    }
                });
            } catch (IllegalArgumentException e) {
                ui.execute(() -> {
                    if (version.get() == v) {
                        error.set(e.getMessage());
                    }
                });
            }
        });
    }

    /** The live inputs as the lessons use them: the chosen layer's kernel only when a real layer is chosen. */
    private LiveInputs inputs() {
        LiveInputs in = live.get();
        NetworkFacts f = in.network();
        if (f.kernel() != null && !f.kernel().node().equals(choice.get().convLayer())) {
            in = in.withNetwork(new NetworkFacts(f.source(), f.field(), null, f.filters(), f.error()));
        }
        return in;
    }

    private synchronized Lesson lesson(String id, LessonSettings s, LiveInputs in, long lv) {
        String key = id + "|" + s + "|" + lv + "|" + (in.network().kernel() == null);
        if (!key.equals(cachedKey)) {
            cached = s.create(id, digit, solver, in);
            cached.steps();
            cachedKey = key;
        }
        return cached;
    }

    /**
     * Draws the current step at {@code w × h} and writes it as a PNG, on the worker; {@code done} gets
     * null or the error's message on the ui executor.
     */
    public void export(Path file, int w, int h, Consumer<String> done) {
        String id = lessonId.get();
        int i = step.get();
        LessonSettings s = settings.get();
        LessonRenderer.Theme theme = presentation.get() ? LessonRenderer.Theme.PRESENTATION : LessonRenderer.Theme.LIGHT;
        LiveInputs in = inputs();
        long lv = liveVersion;
        worker.execute(() -> {
            String message = null;
            try {
                Lesson lesson = lesson(id, s, in, lv);
                LessonRenderer.writePng(new LessonRenderer(theme).render(lesson, Math.min(i, lesson.steps().size() - 1), w, h), file);
            } catch (java.io.IOException | IllegalArgumentException e) {
                message = "Could not write " + file.getFileName() + ": " + e.getMessage();
            }
            String m = message;
            ui.execute(() -> done.accept(m));
        });
    }

    /**
     * Loads test image {@code index} of the bundled sample on the worker for the kernel playground (0: the
     * default digit); {@code done} gets null or a sentence saying why it cannot be used, on the ui executor.
     */
    public void useSampleImage(int index, Consumer<String> done) {
        pictures.useSampleImage(index, done);
    }

    /**
     * Reads an image file on the worker for the kernel playground and, once read, filters it; {@code done} gets
     * null or a sentence saying why the file cannot be used, on the ui executor.
     */
    public void usePictureFile(Path file, Consumer<String> done) {
        pictures.usePictureFile(file, done);
    }

    /** The kernel playground's image now (a drawing; null for the default digit), superseding files and samples being read. */
    public void usePicture(org.convstudio.analysis.lesson.Picture p) {
        pictures.usePicture(p);
    }

    private final PictureChoice pictures;
}
