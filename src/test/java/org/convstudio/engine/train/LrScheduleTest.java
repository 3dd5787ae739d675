package org.convstudio.engine.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LrScheduleTest {

    @Test
    void constantIsTheBaseRate() {
        assertEquals(0.1, LrSchedule.constant().rate(0.1, 500, 10, 1000), 1e-12);
    }

    @Test
    void warmupRisesLinearlyThenHandsOver() {
        LrSchedule s = LrSchedule.constant().withWarmup(4);
        assertEquals(0.025, s.rate(0.1, 0, 10, 100), 1e-12);
        assertEquals(0.075, s.rate(0.1, 2, 10, 100), 1e-12);
        assertEquals(0.1, s.rate(0.1, 3, 10, 100), 1e-12);
        assertEquals(0.1, s.rate(0.1, 50, 10, 100), 1e-12);
    }

    @Test
    void stepDecaysEveryNEpochs() {
        LrSchedule s = LrSchedule.step(2, 0.5);
        assertEquals(1.0, s.rate(1.0, 19, 10, 100), 1e-12);   // epoch 1
        assertEquals(0.5, s.rate(1.0, 20, 10, 100), 1e-12);   // epoch 2
        assertEquals(0.25, s.rate(1.0, 45, 10, 100), 1e-12);  // epoch 4
    }

    @Test
    void cosineGoesFromBaseToMinimum() {
        LrSchedule s = LrSchedule.cosine(0.1).withWarmup(10);
        assertEquals(1.0, s.rate(1.0, 10, 10, 111), 1e-12);
        assertEquals(0.55, s.rate(1.0, 60, 10, 111), 1e-12);
        assertEquals(0.1, s.rate(1.0, 110, 10, 111), 1e-12);
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> LrSchedule.step(0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> LrSchedule.constant().withWarmup(-1));
    }
}
