package org.convstudio.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convstudio.analysis.metrics.ConfusionMatrix;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    @Test
    void countsAndRates() {
        int[] truth = {0, 0, 0, 1, 1, 2, 2, 2, 2};
        int[] pred = {0, 0, 1, 1, 1, 2, 0, 0, 2};
        ConfusionMatrix m = ConfusionMatrix.of(truth, pred, 3);
        assertEquals(9, m.total());
        assertEquals(2, m.count(2, 0));
        assertEquals(6 / 9.0, m.accuracy(), 1e-12);
        assertEquals(2 / 3.0, m.recall(0), 1e-12);
        assertEquals(0.5, m.precision(0), 1e-12, "0 predicted 4 times, right twice");
        assertEquals(new ConfusionMatrix.Confusion(2, 0, 2), m.topConfusions(1).get(0));
        assertEquals(2, m.topConfusions(5).size());
    }

    @Test
    void absentClassesAndBadInput() {
        ConfusionMatrix m = ConfusionMatrix.of(new int[] {0}, new int[] {0}, 3);
        assertTrue(Double.isNaN(m.recall(2)));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new int[] {0}, new int[] {3}, 3));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new int[] {0, 1}, new int[] {0}, 3));
    }
}
