package org.convstudio.analysis.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.graph.Network;
import org.convstudio.model.layer.Dropout;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lessons' live parts as data: training curves, a real layer, learned filters, the effective field. */
class LiveLessonsTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    static double[][] digit() {
        double[][] d = new double[28][28];
        for (int r = 6; r < 22; r++) {
            d[r][13] = 1;
            d[r][14] = 0.5;
        }
        return d;
    }

    @Test
    void curvesGrowEventByEventAndChartPerGroup() {
        TrainingCurves c = LocalityLesson.plannedRuns(3);
        assertFalse(c.hasResults());
        c = c.progress(0, 0.5, 0.6).withStatus("Training MLP", true);
        assertEquals(0.5, c.arms().get(0).live()[0]);
        c = c.epoch(0, 1, 0.8, 0.85);
        assertNull(c.arms().get(0).live(), "the finished epoch replaces the running point");
        c = c.epoch(2, 1, 0.7, 0.75).epoch(3, 1, 0.4, 0.35);
        assertTrue(c.hasResults());
        Drawing.Row row = assertInstanceOf(Drawing.Row.class, c.drawing());
        assertEquals(2, row.items().size(), "MLP and LeNet side by side");
        Drawing.Chart lenet = assertInstanceOf(Drawing.Chart.class, row.items().get(1));
        assertEquals(4, lenet.series().size(), "two runs, training and validation each");
        assertEquals(0.2, lenet.yMin(), 1e-9, "shared axis from the lowest value, rounded down to 20 %");
        assertEquals(0.2, ((Drawing.Chart) row.items().get(0)).yMin(), 1e-9);
        assertEquals("LeNet, shuffled", lenet.series().get(3).label(), "validation lines carry the run's name");
        assertTrue(lenet.series().get(2).dashed() && lenet.series().get(2).label().isEmpty(), "training lines are dashed");
        assertEquals(3, lenet.xMax());
        assertEquals(0.35, c.numbers().get("LeNet, shuffled val"));
        assertThrows(IllegalArgumentException.class, () -> new Drawing.Series("x", 0, false, new double[1], new double[2]));
    }

    @Test
    void localityAndOverfittingEndWithTheirRuns() {
        LocalityLesson none = new LocalityLesson(digit(), 2);
        assertEquals(4, none.steps().size());
        assertTrue(none.steps().get(3).text().contains("Press Train"));
        TrainingCurves c = LocalityLesson.plannedRuns(1).epoch(0, 1, 0.9, 0.912).epoch(1, 1, 0.9, 0.905)
                .epoch(2, 1, 0.95, 0.951).epoch(3, 1, 0.8, 0.803).withStatus("done", false);
        String text = new LocalityLesson(digit(), 2, c).steps().get(3).text().replace('\u00a0', ' ');
        assertTrue(text.contains("MLP: 91.2 % on real pixels, 90.5 % shuffled"), text);
        assertTrue(text.contains("LeNet: 95.1 % on real pixels, 80.3 % shuffled"), text);

        OverfittingLesson o = new OverfittingLesson(OverfittingLesson.plannedRuns(2).epoch(0, 1, 1.0, 0.8));
        assertEquals(4, o.steps().size());
        String gap = o.steps().get(3).text().replace('\u00a0', ' ');
        assertTrue(gap.contains("plain 100.0 % / 80.0 % (gap 20.0 points)"), gap);
        assertInstanceOf(Drawing.Row.class, o.steps().get(3).drawing(), "one chart per run");
        BufferedImage img = new LessonRenderer(LessonRenderer.Theme.PRESENTATION).render(o, 3, 640, 360);
        assertEquals(640, img.getWidth());
    }

    @Test
    void dropoutGoesInFrontOfTheLastDenseLayer() {
        Network mlp = Presets.get("mlp");
        Network d = OverfittingLesson.withDropout(mlp);
        assertTrue(NetworkAnalyzer.analyze(d).isValid());
        String id = d.nodes().stream().filter(n -> n.layer() instanceof Dropout).findFirst().orElseThrow().id();
        assertEquals(List.of(id), d.node("output").orElseThrow().inputs());
        assertEquals(List.of("relu"), d.node(id).orElseThrow().inputs());
    }

    @Test
    void aRealLayerIsWalkedThroughWithItsOwnSizes() {
        double[][] k = {{0.123, -0.456, 0.2}, {0, 1, 0}, {0.5, 0.5, 0.5}};
        LayerKernel layer = new LayerKernel("LeNet, initial weights", "conv1", digit(), k, 0.037, 1, 1, 1, 0, 1, 2);
        ConvolutionLesson l = ConvolutionLesson.ofLayer(layer, false);
        assertEquals("floor((28 − 3 + 2×1) / 1) + 1 = 28", l.formula());
        assertEquals(0.12, l.layer().kernel()[0][0], 1e-12, "weights rounded to two decimals");
        LessonStep first = l.steps().get(0);
        assertTrue(first.title().contains("conv1"), first.title());
        LessonStep window = l.steps().get(1);
        assertEquals(14, window.numbers().get("row"), "the window is over the digit's centre");
        assertTrue(window.text().contains("bias 0.04"), window.text());
        assertEquals("conv1", l.numbers().get("layer"));
    }

    @Test
    void learnedFiltersAddTwoSteps() {
        LearnedFilters f = new LearnedFilters("run 1", "conv1", List.of(new double[][] {{1, 0}, {0, -1}},
                new double[][] {{0, 1}, {-1, 0}}), true);
        KernelsLesson l = new KernelsLesson(digit(), null, f);
        assertEquals(11, l.steps().size(), "eight kernels, the gradient magnitude and two learned steps");
        assertEquals(KernelsLesson.learnedTitles(f).get(0), l.steps().get(9).title());
        Drawing.Row r = assertInstanceOf(Drawing.Row.class, l.steps().get(10).drawing());
        assertEquals(2, r.items().size());
    }

    @Test
    void effectiveFieldMeasuresTheCentralMass() {
        double[][] map = new double[9][9];
        map[4][4] = 8;
        map[4][5] = 1;
        map[3][4] = 1;
        EffectiveField e = new EffectiveField("net", "conv2", 0, 2, 2, map, 1, 1, 7, 7, 7, 4);
        assertEquals(1.0, e.insideTheoretical(), 1e-12);
        assertEquals(1, e.effectiveSide(), "the centre pixel holds 80 %: more than half");
        map[4][4] = 1;
        map[2][2] = 1;
        assertEquals(3, e.effectiveSide(), "now the centre holds a quarter; the 3×3 square three quarters");
        assertEquals(3, e.square(3)[0], "centred on the theoretical field's centre (4, 4)");
        LessonStep s = ReceptiveFieldLesson.effectiveStep(e);
        assertEquals(3, s.numbers().get("effectiveSide50"));
        assertEquals(7L, s.numbers().get("theoreticalField"));
        ReceptiveFieldLesson lesson = new ReceptiveFieldLesson(9, ReceptiveFieldLesson.LECTURE, e);
        assertEquals(new ReceptiveFieldLesson().steps().size() + 1, lesson.steps().size());
    }
}
