package org.convstudio.engine.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.convstudio.engine.data.DataSplit;
import org.convstudio.engine.device.TorchThreads;
import org.convstudio.engine.explain.Explain;
import org.convstudio.engine.explain.RunSetupException;
import org.convstudio.engine.run.TrainingJob;
import org.convstudio.engine.train.EpochRecord;
import org.convstudio.engine.train.RunControl;
import org.convstudio.engine.train.RunState;
import org.convstudio.engine.train.TrainingConfig;
import org.convstudio.engine.train.TrainingListener;
import org.convstudio.engine.train.TrainingSnapshot;
import org.convstudio.model.graph.Network;

/**
 * A lesson's short training runs, one after the other, through the one run pipeline
 * ({@link TrainingJob}). Run folders go into a temporary folder that is deleted afterwards: these runs
 * are demonstrations, not results to keep. {@link #run} blocks (call it on a worker); {@link #cancel}
 * from any thread stops the run under way after its current batch and skips the others.
 */
public final class LessonRuns {

    /** One run: a network, its data (raw, as loaded: the job scales it) and its settings. */
    public record Arm(String label, Network network, DataSplit data, TrainingConfig config) {
    }

    /** What the runs report, on the runs' event threads (never the UI thread). */
    public interface Listener {

        /** A run is being built ({@code arm} counts from 0). */
        default void starting(int arm) {
        }

        /** Progress within an epoch: the running training accuracy of the epoch under way. */
        void progress(int arm, TrainingSnapshot snapshot);

        void epoch(int arm, EpochRecord record);

        /** The run ended: finished, stopped, or failed with {@code message} (a sentence). */
        void ended(int arm, RunState state, String message);
    }

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile RunControl control;
    private final TorchThreads.Settings threads;

    /** @param threads PyTorch threads for the runs ({@link TorchThreads#forApp()} in the app) */
    public LessonRuns(TorchThreads.Settings threads) {
        this.threads = threads;
    }

    /** Stops the run under way after its current batch and skips the rest. Any thread. */
    public void cancel() {
        cancelled.set(true);
        RunControl c = control;
        if (c != null) {
            c.stop();
        }
    }

    public boolean cancelled() {
        return cancelled.get();
    }

    /**
     * Trains the arms in order. Returns when all ended or after {@link #cancel}; a run that cannot start
     * is reported through {@link Listener#ended} with a sentence and the next one is tried.
     */
    public void run(List<Arm> arms, Listener listener) {
        Path root;
        try {
            root = Files.createTempDirectory("convstudio-lesson-runs");
        } catch (IOException e) {
            for (int i = 0; i < arms.size(); i++) {
                listener.ended(i, RunState.FAILED, Explain.sentence("Cannot create a temporary folder for the lesson's runs", e));
            }
            return;
        }
        try {
            for (int i = 0; i < arms.size(); i++) {
                if (cancelled.get()) {
                    listener.ended(i, RunState.STOPPED, "not run");
                    continue;
                }
                runOne(i, arms.get(i), root, listener);
            }
        } finally {
            control = null;
            delete(root);
        }
    }

    private void runOne(int i, Arm arm, Path root, Listener listener) {
        listener.starting(i);
        RunControl c = new RunControl();
        control = c;
        if (cancelled.get()) {
            c.stop();
        }
        TrainingListener events = new TrainingListener() {
            @Override
            public void onProgress(TrainingSnapshot s) {
                listener.progress(i, s);
            }

            @Override
            public void onEpochEnd(TrainingSnapshot s, EpochRecord r) {
                listener.epoch(i, r);
            }

            @Override
            public void onStateChanged(TrainingSnapshot s) {
            }
        };
        try (TrainingJob job = TrainingJob.builder().setDesign(arm.network()).setData(arm.data()).setConfig(arm.config())
                .optRunsRoot(root).optListener(events).optControl(c).optThreads(threads).build()) {
            RunState end = job.start().get();
            String message = job.session().lastSnapshot() == null ? "" : job.session().lastSnapshot().message();
            listener.ended(i, end, end == RunState.FAILED ? message : "");
        } catch (RunSetupException e) {
            listener.ended(i, RunState.FAILED, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled.set(true);
            listener.ended(i, RunState.STOPPED, "interrupted");
        } catch (ExecutionException | RuntimeException e) {
            listener.ended(i, RunState.FAILED, Explain.sentence("The run " + arm.label() + " failed",
                    e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e));
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a temporary folder: the system cleans what is left
                }
            });
        } catch (IOException e) {
            // idem
        }
    }
}
