package org.convstudio.model.analysis;

/**
 * The receptive field along one axis (Araujo, Norris &amp; Sim, Distill 2019): unit {@code i} of a layer
 * sees input pixels {@code start + i·jump} to {@code start + i·jump + size − 1}. {@code start} is negative
 * when the first unit's window reaches into the padding.
 *
 * @param jump distance in input pixels between neighbouring units (the effective stride); 0 once the
 *     layer is global (dense, flatten) and has no positions any more
 */
public record RfAxis(long size, long jump, long start) {

    /** A single input pixel. */
    public static final RfAxis PIXEL = new RfAxis(1, 1, 0);

    /** After a window of effective size {@code kernel}, stride and padding. */
    public RfAxis through(int kernel, int stride, int padding) {
        return new RfAxis(size + (long) (kernel - 1) * jump, jump * stride, start - (long) padding * jump);
    }

    /** After a layer whose every output depends on all {@code units} positions of this one. */
    public RfAxis global(int units) {
        return new RfAxis(size + (long) (units - 1) * jump, 0, start);
    }

    /** The union of two paths' fields (merge nodes). */
    public RfAxis union(RfAxis o) {
        long s = Math.min(start, o.start);
        long end = Math.max(start + size, o.start + o.size);
        return new RfAxis(end - s, Math.max(jump, o.jump), s);
    }

    /** First input coordinate seen by unit {@code i} (negative in the padding). */
    public long first(int i) {
        return start + i * jump;
    }

    /** Last input coordinate seen by unit {@code i}. */
    public long last(int i) {
        return first(i) + size - 1;
    }
}
