package org.convstudio.engine.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.convstudio.analysis.lesson.BackpropLesson;
import org.convstudio.analysis.lesson.BackpropProblem;
import org.convstudio.analysis.lesson.BackpropTrace;
import org.junit.jupiter.api.Test;

/**
 * The back-propagation lesson's numbers, computed by PyTorch autograd, against the course's worked example
 * (5-neural-networks-backprop: x = [2, −1], y = 1, α = 0.2). The course rounds every intermediate value to
 * three decimals and carries the rounded value on; autograd keeps full precision, so the published values
 * are matched within 0.0015 (half a unit of the third decimal plus the carried rounding — Δh2 is 0.1123
 * exactly, printed as 0.113 after rounding its inputs).
 */
class AutogradBackpropTest {

    static final double COURSE = 0.0015;

    @Test
    void courseWorkedExample() {
        BackpropTrace t = new AutogradBackprop().solve(BackpropProblem.courseExample());
        // forward
        assertEquals(0.378, t.a1()[0], COURSE, "h1 = g(-0.5)");
        assertEquals(-0.5, t.in1()[0], 1e-12);
        assertEquals(0.5, t.a1()[1], COURSE, "h2 = g(0)");
        assertEquals(0.867, t.a2()[0], COURSE, "h3");
        assertEquals(0.085, t.a2()[1], COURSE, "h4");
        assertEquals(0.612, t.in3(), COURSE, "in y");
        assertEquals(0.648, t.output(), COURSE, "y = g(0.612)");
        // deltas
        assertEquals(0.352, t.delta3(), COURSE, "Δy = y − a");
        assertEquals(0.041, t.delta2()[0], COURSE, "Δh3");
        assertEquals(-0.082, t.delta2()[1], COURSE, "Δh4");
        assertEquals(0.029, t.delta1()[0], COURSE, "Δh1");
        assertEquals(0.113, t.delta1()[1], COURSE, "Δh2");
        // updated weights, [to][from]
        assertEquals(0.512, t.w1After()[0][0], COURSE, "w x1,h1");
        assertEquals(1.494, t.w1After()[0][1], COURSE, "w x2,h1");
        assertEquals(-0.954, t.w1After()[1][0], COURSE, "w x1,h2");
        assertEquals(-2.022, t.w1After()[1][1], COURSE, "w x2,h2");
        assertEquals(1.004, t.w2After()[0][0], COURSE, "w h1,h3");
        assertEquals(3.004, t.w2After()[0][1], COURSE, "w h2,h3");
        assertEquals(-1.006, t.w2After()[1][0], COURSE, "w h1,h4");
        assertEquals(-4.008, t.w2After()[1][1], COURSE, "w h2,h4");
        assertEquals(1.062, t.w3After()[0], COURSE, "w h3,y");
        assertEquals(-2.994, t.w3After()[1], COURSE, "w h4,y");
        // forward again: g(0.512 × 2 + 1.494 × −1) = g(−0.47) = 0.385
        assertEquals(0.385, t.a1After()[0], COURSE, "h1 after the update");
        assertTrue(t.outputAfter() > t.output(), "one step moves the output towards the target 1");
    }

    /** The autograd deltas obey the course's rule Δi = g(in_i)(1 − g(in_i)) Σ w Δj at full precision. */
    @Test
    void deltasFollowTheChainRuleForOtherInputs() {
        BackpropProblem p = BackpropProblem.courseExample().withInput(1, 2).withTarget(0).withRate(0.5);
        BackpropTrace t = new AutogradBackprop().solve(p);
        assertEquals(0 - t.output(), t.delta3(), 1e-12);
        for (int u = 0; u < 2; u++) {
            double a = t.a2()[u];
            assertEquals(a * (1 - a) * p.w3()[u] * t.delta3(), t.delta2()[u], 1e-12);
            double b = t.a1()[u];
            assertEquals(b * (1 - b) * (p.w2()[0][u] * t.delta2()[0] + p.w2()[1][u] * t.delta2()[1]), t.delta1()[u], 1e-12);
            for (int from = 0; from < 2; from++) {
                assertEquals(p.w1()[u][from] + 0.5 * p.x()[from] * t.delta1()[u], t.w1After()[u][from], 1e-12);
            }
        }
        assertTrue(t.outputAfter() < t.output(), "target 0: the output goes down");
    }

    @Test
    void lessonNumbersAreTheTrace() {
        BackpropLesson lesson = new BackpropLesson(BackpropProblem.courseExample(), new AutogradBackprop());
        @SuppressWarnings("unchecked")
        Map<String, Object> w = (Map<String, Object>) lesson.numbers().get("updatedWeights");
        assertEquals(0.512, (Double) w.get("x1,h1"), COURSE);
        assertEquals(-2.994, (Double) w.get("h4,y"), COURSE);
        assertEquals(9, lesson.steps().size());
        assertTrue(lesson.steps().get(1).text().contains("h1 = g(0.5 × 2 + 1.5 × -1) = g(-0.5) = 0.378"),
                lesson.steps().get(1).text());
    }
}
