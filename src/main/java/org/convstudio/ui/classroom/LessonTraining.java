package org.convstudio.ui.classroom;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import org.convstudio.analysis.lesson.LocalityLesson;
import org.convstudio.analysis.lesson.OverfittingLesson;
import org.convstudio.analysis.lesson.TrainingCurves;
import org.convstudio.engine.data.DatasetException;
import org.convstudio.engine.lesson.CurveRecorder;
import org.convstudio.engine.lesson.LessonArms;
import org.convstudio.engine.lesson.LessonRuns;
import org.convstudio.ui.common.PulseDrain;

/**
 * The short training runs of the locality and over-fitting lessons: started and stopped from the FX
 * thread, run one lesson at a time on the {@code runner} executor through {@link LessonRuns} (the one run
 * pipeline), their curves published whole, coalesced by a {@link PulseDrain} per lesson, to the ui
 * executor. Starting a lesson's runs stops those under way.
 */
final class LessonTraining {

    /** Which runs a lesson trains (the bundled sample, cut to size; tests use small sizes). */
    @FunctionalInterface
    interface ArmsFactory {
        List<LessonRuns.Arm> arms(String lessonId) throws DatasetException;
    }

    /** The lessons' own sizes on the bundled sample ({@link LessonArms#LOCALITY}, {@link LessonArms#OVERFITTING}). */
    static final ArmsFactory BUNDLED = id -> LocalityLesson.ID.equals(id) ? LessonArms.locality(LessonArms.LOCALITY)
            : LessonArms.overfitting(LessonArms.OVERFITTING);

    /** The lessons that train. */
    static final List<String> LESSONS = List.of(LocalityLesson.ID, OverfittingLesson.ID);

    private final Executor runner;
    private volatile ArmsFactory factory;
    private final java.util.function.Supplier<LessonRuns> runsFactory;
    private final Map<String, PulseDrain<TrainingCurves>> drains = new ConcurrentHashMap<>();
    private volatile LessonRuns current;

    /**
     * @param sink receives (lesson id, curves) on the ui executor, at most one per {@code minIntervalNanos}
     *             per lesson except the last (which is always delivered)
     */
    LessonTraining(Executor runner, Executor ui, ArmsFactory factory, java.util.function.Supplier<LessonRuns> runsFactory,
                   long minIntervalNanos, BiConsumer<String, TrainingCurves> sink) {
        this.runner = runner;
        this.factory = factory;
        this.runsFactory = runsFactory;
        for (String id : LESSONS) {
            PulseDrain<TrainingCurves> d = new PulseDrain<>(c -> sink.accept(id, c), ui);
            d.setMinInterval(minIntervalNanos, (shown, next) -> !next.running());
            d.start();
            drains.put(id, d);
        }
    }

    /** Replaces which runs are trained from the next start (tests train smaller runs). */
    void setFactory(ArmsFactory f) {
        this.factory = f;
    }

    static TrainingCurves planned(String lessonId, int epochs) {
        return LocalityLesson.ID.equals(lessonId) ? LocalityLesson.plannedRuns(epochs) : OverfittingLesson.plannedRuns(epochs);
    }

    /** Starts lesson {@code id}'s runs (stopping any under way). */
    void start(String id) {
        if (!LESSONS.contains(id)) {
            throw new IllegalArgumentException("the lesson " + id + " has no training runs");
        }
        stop();
        LessonRuns runs = runsFactory.get();
        current = runs;
        PulseDrain<TrainingCurves> drain = drains.get(id);
        drain.publish(planned(id, 1).withStatus("Loading the bundled sample…", true));
        runner.execute(() -> train(id, runs, drain));
    }

    /** Stops the runs under way after their current batch. */
    void stop() {
        LessonRuns r = current;
        if (r != null) {
            r.cancel();
        }
    }

    private void train(String id, LessonRuns runs, PulseDrain<TrainingCurves> drain) {
        if (runs.cancelled()) {
            drain.publish(planned(id, 1).withStatus("Stopped before the first run.", false));
            return;
        }
        List<LessonRuns.Arm> arms;
        try {
            arms = factory.arms(id);
        } catch (DatasetException | RuntimeException e) {
            drain.publish(planned(id, 1).withStatus(e.getMessage(), false));
            return;
        }
        int epochs = arms.get(0).config().epochs();
        CurveRecorder recorder = new CurveRecorder(planned(id, epochs), arms, drain::publish);
        drain.publish(recorder.curves());
        runs.run(arms, recorder);
        recorder.finish(runs.cancelled());
        if (current == runs) {
            current = null;
        }
    }
}
