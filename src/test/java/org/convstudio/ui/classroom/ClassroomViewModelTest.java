package org.convstudio.ui.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.convstudio.engine.lesson.AutogradBackprop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Classroom's view-model without a toolkit: executors run tasks when the test says so. */
class ClassroomViewModelTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    static double[][] digit() {
        double[][] d = new double[28][28];
        for (int r = 8; r < 20; r++) {
            d[r][12] = 1;
            d[r][13] = 1;
        }
        return d;
    }

    static ClassroomViewModel direct() {
        return new ClassroomViewModel(Runnable::run, Runnable::run, ClassroomViewModelTest::digit, new AutogradBackprop());
    }

    @Test
    void slidesFollowLessonStepAndSettings() {
        ClassroomViewModel vm = direct();
        vm.resize(640, 360);
        vm.refresh();
        ClassroomViewModel.Slide s = vm.slideProperty().get();
        assertEquals("parameter-explosion", s.lessonId());
        assertTrue(s.numbers().contains("mlpWeights 40,000,000"), s.numbers());
        assertEquals(640, s.image().getWidth());
        vm.settingsProperty().set(vm.settingsProperty().get().withImage(100, 1000));
        assertTrue(vm.slideProperty().get().numbers().contains("mlpWeights 10,000,000"), vm.slideProperty().get().numbers());
        vm.previous();
        assertEquals(0, vm.stepProperty().get(), "no step before the first");
        vm.next();
        vm.next();
        vm.next();
        assertEquals(2, vm.stepProperty().get(), "no step after the last (3 steps)");
        vm.lessonIdProperty().set("backprop");
        assertEquals(0, vm.stepProperty().get(), "a new lesson starts at its first step");
        vm.stepProperty().set(1);
        assertTrue(vm.slideProperty().get().numbers().startsWith("h1 0.378  ·  h2 0.500"), vm.slideProperty().get().numbers());
        vm.lessonIdProperty().set("convolution");
        vm.settingsProperty().set(vm.settingsProperty().get().withConvolution(2, 1, 1, false));
        assertTrue(vm.slideProperty().get().numbers().contains("floor((7 − 3 + 2×1) / 2) + 1 = 4"), vm.slideProperty().get().numbers());
    }

    @Test
    void badSettingsGiveAMessageAndKeepTheSlide() {
        ClassroomViewModel vm = direct();
        vm.lessonIdProperty().set("convolution");
        ClassroomViewModel.Slide before = vm.slideProperty().get();
        vm.settingsProperty().set(vm.settingsProperty().get().withConvolution(1, 0, 4, false));
        assertTrue(vm.errorProperty().get().contains("does not fit"), vm.errorProperty().get());
        assertEquals(before, vm.slideProperty().get());
    }

    @Test
    void anOlderSlideFinishingLateIsDropped() {
        Deque<Runnable> worker = new ArrayDeque<>();
        ClassroomViewModel vm = new ClassroomViewModel(worker::add, Runnable::run, ClassroomViewModelTest::digit,
                new AutogradBackprop());
        vm.refresh();
        vm.lessonIdProperty().set("pooling");
        assertEquals(2, worker.size());
        worker.removeLast().run();
        assertEquals("pooling", vm.slideProperty().get().lessonId());
        worker.removeFirst().run();
        assertEquals("pooling", vm.slideProperty().get().lessonId(), "the stale parameter-explosion slide is not shown");
    }

    @Test
    void exportWritesAPng(@TempDir Path dir) throws Exception {
        ClassroomViewModel vm = direct();
        vm.lessonIdProperty().set("pooling");
        AtomicReference<String> result = new AtomicReference<>("not called");
        Path file = dir.resolve("slide.png");
        vm.export(file, 1920, 1080, result::set);
        assertNull(result.get());
        assertTrue(Files.exists(file));
        assertEquals(1080, ImageIO.read(file.toFile()).getHeight());
    }
}
