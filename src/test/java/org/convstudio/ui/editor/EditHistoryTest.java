package org.convstudio.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EditHistoryTest {

    @Test
    void undoRedoAndDirtyFollowRevisions() {
        EditHistory<String> h = new EditHistory<>("a", 100);
        assertFalse(h.isDirty());
        assertTrue(h.push("b", "edit 1"));
        assertTrue(h.push("c", "edit 2"));
        assertTrue(h.isDirty());
        h.markSaved();
        assertFalse(h.isDirty());
        assertEquals("b", h.undo());
        assertTrue(h.isDirty(), "undo away from the saved state is dirty");
        assertEquals("c", h.redo());
        assertFalse(h.isDirty(), "redo back to the saved state is clean");
        assertFalse(h.push("c", "no-op"), "no-op edits are not recorded");
        h.undo();
        h.push("d", "edit 3");
        assertFalse(h.canRedo(), "a new edit drops the redo branch");
        assertEquals("edit 3", h.undoLabel());
    }

    @Test
    void coalescedEditsAreOneUndoStep() {
        EditHistory<String> h = new EditHistory<>("k=3", 100);
        h.push("k=1", "kernel", "conv1/kernel");
        h.push("k=15", "kernel", "conv1/kernel");
        h.push("k=5", "kernel", "conv1/kernel");
        assertEquals(2, h.size());
        assertEquals("k=3", h.undo());
        assertEquals("k=5", h.redo());
        h.seal();
        h.push("k=7", "kernel", "conv1/kernel");
        assertEquals(3, h.size(), "after seal, the same key starts a new step");
        h.push("k=5", "kernel", "conv1/kernel");
        assertEquals(2, h.size(), "typing back to the start of a burst removes it");
    }

    @Test
    void historyIsBounded() {
        EditHistory<Integer> h = new EditHistory<>(0, 10);
        for (int i = 1; i <= 50; i++) {
            h.push(i, "n");
        }
        assertEquals(10, h.size());
        while (h.canUndo()) {
            h.undo();
        }
        assertEquals(41, h.current());
    }
}
