package org.convstudio.model.layer;

/**
 * Zero padding of a convolution or pooling window: explicit numbers of rows/columns added on each
 * side, or {@code same} (keep the size at stride 1) or {@code valid} (no padding).
 */
public record Padding(Mode mode, int height, int width) {

    public enum Mode { EXPLICIT, SAME, VALID }

    public static final Padding VALID = new Padding(Mode.VALID, 0, 0);
    public static final Padding SAME = new Padding(Mode.SAME, 0, 0);

    public Padding {
        if (mode == null) {
            throw new IllegalArgumentException("padding mode is missing");
        }
        if (height < 0 || width < 0) {
            throw new IllegalArgumentException("padding cannot be negative (got " + height + "×" + width + ")");
        }
        if (height > 1024 || width > 1024) {
            throw new IllegalArgumentException("padding can be at most 1024 (got " + height + "×" + width + ")");
        }
        if (mode != Mode.EXPLICIT && (height != 0 || width != 0)) {
            throw new IllegalArgumentException("'same' and 'valid' padding take no numbers");
        }
    }

    public static Padding of(int both) {
        return new Padding(Mode.EXPLICIT, both, both);
    }

    public static Padding of(int height, int width) {
        return new Padding(Mode.EXPLICIT, height, width);
    }

    /** Rows added above (and below) for a window of the given effective height. */
    public int resolveHeight(int effectiveKernel) {
        return resolve(height, effectiveKernel);
    }

    /** Columns added left (and right) for a window of the given effective width. */
    public int resolveWidth(int effectiveKernel) {
        return resolve(width, effectiveKernel);
    }

    private int resolve(int explicit, int effectiveKernel) {
        return switch (mode) {
            case EXPLICIT -> explicit;
            case VALID -> 0;
            case SAME -> (effectiveKernel - 1) / 2;
        };
    }

    @Override
    public String toString() {
        return switch (mode) {
            case EXPLICIT -> height == width ? Integer.toString(height) : height + "×" + width;
            case VALID -> "valid";
            case SAME -> "same";
        };
    }
}
