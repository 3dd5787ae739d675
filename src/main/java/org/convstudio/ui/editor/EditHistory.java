package org.convstudio.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Undo/redo as a stack of immutable states, each stamped with a unique revision number (Scene Builder
 * style). The document is dirty when the current revision differs from the saved one, so undoing back
 * to the saved state makes it clean again, and redoing away from it makes it dirty.
 *
 * @param <S> an immutable document state
 */
public final class EditHistory<S> {

    /** One state in the history, with the label of the edit that produced it. */
    public record Entry<S>(S state, long revision, String label, Object coalesceKey) {
    }

    private final List<Entry<S>> entries = new ArrayList<>();
    private final int limit;
    private int index;
    private long nextRevision;
    private long savedRevision;

    public EditHistory(S initial, int limit) {
        this.limit = Math.max(2, limit);
        reset(initial);
    }

    /** Forgets all history: {@code state} becomes the only, saved, state. */
    public void reset(S state) {
        entries.clear();
        entries.add(new Entry<>(Objects.requireNonNull(state), nextRevision++, "Open", null));
        index = 0;
        savedRevision = entries.get(0).revision();
    }

    public S current() {
        return entries.get(index).state();
    }

    public long revision() {
        return entries.get(index).revision();
    }

    /**
     * Records a new state (dropping any redo states). Returns false and records nothing when
     * {@code state} equals the current one, so no-op edits don't pollute the history.
     */
    public boolean push(S state, String label) {
        return push(state, label, null);
    }

    /**
     * Like {@link #push(Object, String)}, but when {@code coalesceKey} is not null and equals the key of
     * the current (top, not yet saved) entry, the current entry is replaced instead: a burst of edits of
     * the same thing (typing in one inspector field) becomes one undo step.
     */
    public boolean push(S state, String label, Object coalesceKey) {
        Objects.requireNonNull(state);
        if (state.equals(current())) {
            return false;
        }
        Entry<S> top = entries.get(index);
        if (coalesceKey != null && coalesceKey.equals(top.coalesceKey()) && index == entries.size() - 1
                && index > 0 && top.revision() != savedRevision) {
            if (state.equals(entries.get(index - 1).state())) {
                // typed back to where the burst started: the burst is a no-op
                entries.remove(index);
                index--;
            } else {
                entries.set(index, new Entry<>(state, nextRevision++, label, coalesceKey));
            }
            return true;
        }
        while (entries.size() > index + 1) {
            entries.remove(entries.size() - 1);
        }
        entries.add(new Entry<>(state, nextRevision++, label, coalesceKey));
        index++;
        if (entries.size() > limit) {
            entries.remove(0);
            index--;
        }
        return true;
    }

    public boolean canUndo() {
        return index > 0;
    }

    public boolean canRedo() {
        return index < entries.size() - 1;
    }

    /** Label of the edit that Undo would revert, or null. */
    public String undoLabel() {
        return canUndo() ? entries.get(index).label() : null;
    }

    /** Label of the edit that Redo would re-apply, or null. */
    public String redoLabel() {
        return canRedo() ? entries.get(index + 1).label() : null;
    }

    public S undo() {
        if (canUndo()) {
            index--;
        }
        return current();
    }

    public S redo() {
        if (canRedo()) {
            index++;
        }
        return current();
    }

    public void markSaved() {
        savedRevision = revision();
    }

    /** Marks a given revision as the one on disk (a save that started before later edits). */
    public void markSaved(long revision) {
        savedRevision = revision;
    }

    /** Ends any coalescing burst: the next push starts a new undo step. */
    public void seal() {
        Entry<S> top = entries.get(index);
        if (top.coalesceKey() != null) {
            entries.set(index, new Entry<>(top.state(), top.revision(), top.label(), null));
        }
    }

    public boolean isDirty() {
        return revision() != savedRevision;
    }

    /** Marks the current state as not saved (e.g. restored from a recovery file). */
    public void markUnsaved() {
        savedRevision = -1;
    }

    public int size() {
        return entries.size();
    }
}
