package org.convstudio.analysis.image;

import org.convstudio.model.Shape;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.NodeInfo;
import org.convstudio.model.analysis.ReceptiveField;

/**
 * The theoretical receptive field of one unit, from the model's arithmetic ({@code model.analysis}): the
 * input rectangle it sees, unclipped (reaching into the zero padding) and clipped to the image.
 *
 * @param node      the block
 * @param y,x       the unit's position in the block's output
 * @param region    the rectangle in input pixels, inclusive, possibly beyond the image
 * @param clipped   the part inside the image
 * @param padding   whether part of it lies in the padding
 * @param size      the field's side (height) in input pixels
 * @param jump      input pixels between neighbouring units (0 for a layer without positions)
 * @param aligned   false when merged paths have different strides (then the rectangle is their union)
 */
public record ReceptiveFieldRect(String node, int y, int x, ReceptiveField.Region region, ReceptiveField.Region clipped,
                                 boolean padding, long size, long jump, boolean aligned, int inputHeight, int inputWidth) {

    /**
     * The rectangle of unit (y, x) of {@code node}; for a block without positions (dense, flatten) the
     * whole field its units see.
     *
     * @throws IllegalArgumentException naming the block when it is unknown or (y, x) is outside its output
     */
    public static ReceptiveFieldRect of(Analysis analysis, String node, int y, int x) {
        NodeInfo info = analysis.info(node).filter(NodeInfo::known)
                .orElseThrow(() -> new IllegalArgumentException("the network has no block named " + node));
        Shape in = analysis.inputShape().orElseThrow(() -> new IllegalArgumentException("the network has no input"));
        ReceptiveField rf = info.receptiveField();
        Shape out = info.output();
        int uy = y;
        int ux = x;
        if (rf.global() || !out.spatial()) {
            uy = 0;
            ux = 0;
        } else if (y < 0 || x < 0 || y >= out.height() || x >= out.width()) {
            throw new IllegalArgumentException(node + " has " + out.height() + "×" + out.width() + " positions; ("
                    + y + ", " + x + ") is outside (rows and columns are numbered from 0)");
        }
        ReceptiveField.Region r = rf.region(uy, ux);
        return new ReceptiveFieldRect(node, uy, ux, r, r.clip(in.height(), in.width()), r.reachesPadding(in.height(), in.width()),
                rf.height().size(), rf.height().jump(), rf.aligned(), in.height(), in.width());
    }
}
