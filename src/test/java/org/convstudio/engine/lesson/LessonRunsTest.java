package org.convstudio.engine.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.convstudio.analysis.lesson.LocalityLesson;
import org.convstudio.analysis.lesson.OverfittingLesson;
import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.device.TorchThreads;
import org.convstudio.engine.train.EpochRecord;
import org.convstudio.engine.train.RunState;
import org.convstudio.engine.train.TrainingSnapshot;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.layer.Dropout;
import org.junit.jupiter.api.Test;

/** The lessons' short runs through the real run pipeline, on the bundled sample. */
class LessonRunsTest {

    /** Records what the runs report. */
    static class Recorder implements LessonRuns.Listener {
        final Map<Integer, RunState> ended = new ConcurrentHashMap<>();
        final List<EpochRecord> epochs = new CopyOnWriteArrayList<>();
        final List<Integer> progressArms = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();

        @Override
        public void progress(int arm, TrainingSnapshot s) {
            progressArms.add(arm);
        }

        @Override
        public void epoch(int arm, EpochRecord r) {
            epochs.add(r);
            threads.add(Thread.currentThread().getName());
        }

        @Override
        public void ended(int arm, RunState state, String message) {
            ended.put(arm, state);
        }
    }

    @Test
    void theShuffleIsOneFixedPermutationOfEveryImage() throws Exception {
        ImageSet real = LessonArms.sample(new LessonArms.Size(3, 1, 1)).train();
        ImageSet shuffled = LessonArms.shuffled(real);
        int[] order = LocalityLesson.permutation(28, 28);
        for (int n = 0; n < real.size(); n++) {
            float[] a = real.image(n);
            float[] b = shuffled.image(n);
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[order[i]], b[i], "image " + n + " pixel " + i);
            }
        }
        assertTrue(java.util.Arrays.equals(real.labels(), shuffled.labels()));
        float sumA = 0;
        float sumB = 0;
        for (float v : real.image(0)) {
            sumA += v;
        }
        for (float v : shuffled.image(0)) {
            sumB += v;
        }
        assertEquals(sumA, sumB, 1e-3, "the same pixels, in another order");
        assertFalse(java.util.Arrays.equals(real.image(0), shuffled.image(0)));
    }

    @Test
    void theFourLocalityRunsTrainOneAfterTheOtherAndLeaveNoFolder() throws Exception {
        List<LessonRuns.Arm> arms = LessonArms.locality(new LessonArms.Size(256, 128, 1));
        assertEquals(LocalityLesson.RUN_LABELS, arms.stream().map(LessonRuns.Arm::label).toList());
        long before = lessonFolders();
        Recorder r = new Recorder();
        new LessonRuns(TorchThreads.forHeadless()).run(arms, r);
        for (int i = 0; i < 4; i++) {
            assertEquals(RunState.FINISHED, r.ended.get(i), "run " + i);
        }
        assertEquals(4, r.epochs.size(), "one epoch per run");
        for (EpochRecord e : r.epochs) {
            assertTrue(e.validationAccuracy() >= 0 && e.validationAccuracy() <= 1, "validated: " + e);
            assertEquals(1, e.epoch());
        }
        assertTrue(r.threads.stream().noneMatch(t -> t.equals(Thread.currentThread().getName())), "events come from the runs' threads");
        assertEquals(before, lessonFolders(), "the temporary run folders are deleted");
    }

    @Test
    void cancelStopsTheRunUnderWayAndSkipsTheRest() throws Exception {
        List<LessonRuns.Arm> arms = LessonArms.overfitting(new LessonArms.Size(512, 64, 50));
        LessonRuns runs = new LessonRuns(TorchThreads.forHeadless());
        Recorder r = new Recorder() {
            @Override
            public void epoch(int arm, EpochRecord rec) {
                super.epoch(arm, rec);
                runs.cancel(); // after the first epoch of the first run
            }
        };
        runs.run(arms, r);
        assertEquals(RunState.STOPPED, r.ended.get(0));
        assertEquals(RunState.STOPPED, r.ended.get(1));
        assertEquals(RunState.STOPPED, r.ended.get(2));
        assertTrue(r.epochs.size() < 50, "stopped long before its 50 epochs: " + r.epochs.size());
        assertTrue(r.epochs.size() >= 1);
    }

    @Test
    void overfittingRunsTheSameNetworkWithDropoutAndAugmentation() throws Exception {
        List<LessonRuns.Arm> arms = LessonArms.overfitting(LessonArms.OVERFITTING);
        assertEquals(OverfittingLesson.RUN_LABELS, arms.stream().map(LessonRuns.Arm::label).toList());
        assertEquals(OverfittingLesson.SUBSET, arms.get(0).data().train().size());
        assertFalse(arms.get(0).network().nodes().stream().anyMatch(n -> n.layer() instanceof Dropout));
        assertTrue(arms.get(1).network().nodes().stream().anyMatch(n -> n.layer() instanceof Dropout));
        assertTrue(NetworkAnalyzer.analyze(arms.get(1).network()).isValid());
        assertFalse(arms.get(1).config().augments());
        assertTrue(arms.get(2).config().augments());
        assertEquals(NetworkAnalyzer.analyze(arms.get(0).network()).totals().params(),
                NetworkAnalyzer.analyze(arms.get(1).network()).totals().params(), "dropout adds no parameter");
    }

    private static long lessonFolders() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("convstudio-lesson-runs")).count();
        }
    }
}
