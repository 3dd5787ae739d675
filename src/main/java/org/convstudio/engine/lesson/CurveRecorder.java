package org.convstudio.engine.lesson;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.convstudio.analysis.lesson.TrainingCurves;
import org.convstudio.engine.train.EpochRecord;
import org.convstudio.engine.train.RunState;
import org.convstudio.engine.train.TrainingSnapshot;

/**
 * Turns the lesson runs' events into {@link TrainingCurves}, whole after every event, handed to
 * {@code sink} on the runs' threads (the app coalesces them for the screen, the command line keeps the
 * last). Thread-safe: consecutive runs report from different threads.
 */
public final class CurveRecorder implements LessonRuns.Listener {

    private final AtomicReference<TrainingCurves> curves;
    private final AtomicReference<String> failure = new AtomicReference<>("");
    private final List<LessonRuns.Arm> arms;
    private final Consumer<TrainingCurves> sink;

    /** @param planned the lesson's empty curves for these arms (same order) */
    public CurveRecorder(TrainingCurves planned, List<LessonRuns.Arm> arms, Consumer<TrainingCurves> sink) {
        this.curves = new AtomicReference<>(planned.withStatus("Starting…", true));
        this.arms = List.copyOf(arms);
        this.sink = sink;
    }

    public TrainingCurves curves() {
        return curves.get();
    }

    @Override
    public void starting(int arm) {
        sink.accept(curves.updateAndGet(c -> c.withStatus("Training " + arms.get(arm).label() + " (run " + (arm + 1)
                + " of " + arms.size() + ")…", true)));
    }

    @Override
    public void progress(int arm, TrainingSnapshot s) {
        if (s.batchesPerEpoch() > 0 && s.epoch() > 0) {
            double x = s.epoch() - 1 + s.batch() / (double) s.batchesPerEpoch();
            sink.accept(curves.updateAndGet(c -> c.progress(arm, x, s.trainAccuracy())));
        }
    }

    @Override
    public void epoch(int arm, EpochRecord r) {
        sink.accept(curves.updateAndGet(c -> c.epoch(arm, r.epoch(), r.trainAccuracy(), r.validationAccuracy())));
    }

    @Override
    public void ended(int arm, RunState state, String message) {
        String outcome = state == RunState.FAILED ? message : state.name().toLowerCase(Locale.ROOT);
        if (state == RunState.FAILED) {
            failure.compareAndSet("", arms.get(arm).label() + ": " + message);
        }
        sink.accept(curves.updateAndGet(c -> c.ended(arm, outcome)));
    }

    /** After the runs: the closing status (what ran, "Stopped.", or the first failure). */
    public TrainingCurves finish(boolean cancelled) {
        LessonRuns.Arm first = arms.get(0);
        String end = !failure.get().isEmpty() ? failure.get() : cancelled ? "Stopped."
                : String.format(Locale.ROOT, "%d runs of %d epochs on %,d training images of the bundled sample, checked on %,d.",
                        arms.size(), first.config().epochs(), first.data().train().size(), first.data().test().size());
        TrainingCurves done = curves.updateAndGet(c -> c.withStatus(end, false));
        sink.accept(done);
        return done;
    }
}
