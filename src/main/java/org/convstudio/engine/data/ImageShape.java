package org.convstudio.engine.data;

/** The size of one image: channels × height × width (the CHW of NCHW). */
public record ImageShape(int channels, int height, int width) {

    public ImageShape {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + channels + "x" + height + "x" + width);
        }
    }

    /** The shape of the images of {@code set}. */
    public static ImageShape of(ImageSet set) {
        return new ImageShape(set.channels(), set.height(), set.width());
    }

    /** Number of floats in one image. */
    public int length() {
        return channels * height * width;
    }

    /** "1×28×28". */
    @Override
    public String toString() {
        return channels + "×" + height + "×" + width;
    }
}
