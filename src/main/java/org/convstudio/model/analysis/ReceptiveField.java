package org.convstudio.model.analysis;

/**
 * The receptive field of a node's units in the input image, per axis.
 *
 * @param aligned false when merged paths have different effective strides, so the union is approximate
 */
public record ReceptiveField(RfAxis height, RfAxis width, boolean aligned) {

    public static final ReceptiveField INPUT = new ReceptiveField(RfAxis.PIXEL, RfAxis.PIXEL, true);

    /** True once the node has no positions left (flatten, dense, global pooling). */
    public boolean global() {
        return height.jump() == 0;
    }

    /** The input rectangle that unit (y, x) sees, unclipped (it may reach into the padding). */
    public Region region(int y, int x) {
        return new Region(height.first(y), width.first(x), height.last(y), width.last(x));
    }

    public ReceptiveField union(ReceptiveField o) {
        boolean same = height.jump() == o.height.jump() && width.jump() == o.width.jump();
        return new ReceptiveField(height.union(o.height), width.union(o.width), aligned && o.aligned && same);
    }

    /** An input rectangle, inclusive bounds, in input pixel coordinates. */
    public record Region(long top, long left, long bottom, long right) {

        public long height() {
            return bottom - top + 1;
        }

        public long width() {
            return right - left + 1;
        }

        /** The part inside an image of {@code h × w} pixels (empty regions have bottom &lt; top). */
        public Region clip(int h, int w) {
            return new Region(Math.max(0, top), Math.max(0, left), Math.min(h - 1L, bottom), Math.min(w - 1L, right));
        }

        /** Whether part of the region lies in the zero padding outside an {@code h × w} image. */
        public boolean reachesPadding(int h, int w) {
            return top < 0 || left < 0 || bottom > h - 1L || right > w - 1L;
        }
    }
}
