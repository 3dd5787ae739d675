package org.convstudio.ui.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The lasso's point-in-polygon selection. */
class SelectionTest {

    /** A 5 × 5 grid of points at x, y = 0..4. */
    private static float[] grid() {
        float[] l = new float[50];
        for (int i = 0; i < 25; i++) {
            l[2 * i] = i % 5;
            l[2 * i + 1] = i / 5;
        }
        return l;
    }

    @Test
    void aSquareSelectsThePointsInside() {
        Selection s = Selection.inside(grid(), 25, new float[] {0.5f, 0.5f, 2.5f, 0.5f, 2.5f, 2.5f, 0.5f, 2.5f});
        assertArrayEquals(new int[] {6, 7, 11, 12}, s.indices());
        assertTrue(s.contains(7));
        assertFalse(s.contains(8));
        assertEquals(4, s.size());
    }

    @Test
    void aConcaveLassoLeavesItsNotchOut() {
        // an L: the square 0.5..3.5 without its corner x > 2.5, y > 2.5
        float[] l = {0.5f, 0.5f, 3.5f, 0.5f, 3.5f, 2.5f, 2.5f, 2.5f, 2.5f, 3.5f, 0.5f, 3.5f};
        Selection s = Selection.inside(grid(), 25, l);
        assertTrue(s.contains(1 + 5 * 1) && s.contains(3 + 5 * 1) && s.contains(1 + 5 * 3), "the L's arms");
        assertFalse(s.contains(3 + 5 * 3), "(3, 3) lies in the notch");
        assertEquals(8, s.size(), "the 3 × 3 points inside the square but (3, 3): " + java.util.Arrays.toString(s.indices()));
    }

    @Test
    void fewerThanThreeVerticesSelectNothing() {
        assertTrue(Selection.inside(grid(), 25, new float[] {0, 0, 4, 4}).isEmpty());
    }

    @Test
    void ofSortsAndDropsDuplicates() {
        assertArrayEquals(new int[] {1, 4, 9}, Selection.of(9, 1, 4, 1).indices());
    }
}
