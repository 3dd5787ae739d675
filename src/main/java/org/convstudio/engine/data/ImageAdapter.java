package org.convstudio.engine.data;

import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Makes a data set fit a network's input: checks whether the shapes agree (with a message offering the
 * fix when they do not) and, only when the caller asks, resizes and converts channels
 * (grey → RGB by copying the grey value, RGB → grey by luminance 0.299 R + 0.587 G + 0.114 B).
 */
public final class ImageAdapter {

    /** The command-line switch that asks for adaptation, quoted in messages. */
    public static final String ADAPT_OPTION = "--adapt";

    private ImageAdapter() {
    }

    /**
     * Told how far a conversion is (images done of total) on the converting thread, after every image;
     * returns false to cancel it (the conversion then throws {@link CancellationException}).
     */
    @FunctionalInterface
    public interface Progress {
        /** Goes on without reporting. */
        Progress NONE = (done, total) -> true;

        boolean update(long done, long total);
    }

    /** True if {@link #adapt} can turn {@code from} images into {@code to} images. */
    public static boolean canAdapt(ImageShape from, ImageShape to) {
        return from.channels() == to.channels() || from.channels() == 1 || to.channels() == 1;
    }

    /**
     * Empty if the data fit the network as they are; otherwise a message for the user that says what
     * differs and offers the fix, e.g. "The data set has 1×28×28 images but the network expects 3×32×32.
     * Resize to 32×32 and convert to RGB? (--adapt)".
     */
    public static Optional<String> check(ImageShape data, ImageShape network) {
        if (data.equals(network)) {
            return Optional.empty();
        }
        String head = "The data set has " + data + " images but the network expects " + network + ".";
        if (!canAdapt(data, network)) {
            return Optional.of(head + " ConvStudio cannot convert " + data.channels() + " channels into "
                    + network.channels() + ": change the network's input to " + data.channels() + " channels.");
        }
        boolean resize = data.height() != network.height() || data.width() != network.width();
        String convert = data.channels() == network.channels() ? null
                : network.channels() == 3 && data.channels() == 1 ? "convert to RGB"
                : network.channels() == 1 && data.channels() == 3 ? "convert to greyscale"
                : network.channels() == 1 ? "average the " + data.channels() + " channels into greyscale"
                : "copy the grey channel into " + network.channels() + " channels";
        String fix = resize && convert != null ? "Resize to " + network.height() + "×" + network.width() + " and " + convert
                : resize ? "Resize to " + network.height() + "×" + network.width()
                : Character.toUpperCase(convert.charAt(0)) + convert.substring(1);
        return Optional.of(head + " " + fix + "? (" + ADAPT_OPTION + ")");
    }

    /** {@link #check} for an image set. */
    public static Optional<String> check(ImageSet data, ImageShape network) {
        return check(ImageShape.of(data), network);
    }

    /**
     * Both splits adapted to {@code target} (unchanged if they already fit). Refuses, before converting
     * anything, a conversion whose result would not fit in the Java heap (see {@link #ensureFits}).
     */
    public static DataSplit adapt(DataSplit split, ImageShape target) {
        return adapt(split, target, freeHeap());
    }

    /** {@link #adapt(DataSplit, ImageShape)} against {@code freeHeapBytes} of free Java memory. */
    public static DataSplit adapt(DataSplit split, ImageShape target, long freeHeapBytes) {
        return adapt(split, target, freeHeapBytes, Progress.NONE);
    }

    /**
     * {@link #adapt(DataSplit, ImageShape, long)} telling {@code progress} after every image (training images
     * first, then validation images), which may cancel it.
     *
     * @throws CancellationException when {@code progress} returned false; nothing is kept
     */
    public static DataSplit adapt(DataSplit split, ImageShape target, long freeHeapBytes, Progress progress) {
        if (split.shape().equals(target)) {
            return split;
        }
        long total = (long) split.train().size() + split.test().size();
        ensureFits(total, target, freeHeapBytes);
        ImageSet train = adaptChecked(split.train(), target, progress, 0, total);
        ImageSet test = adaptChecked(split.test(), target, progress, split.train().size(), total);
        return new DataSplit(train, test, split.warnings());
    }

    /**
     * How many images converted to {@code target} fit in {@code budgetBytes} of Java memory (each with its
     * normalised copy, see {@link #bytesNeeded}), and in one Java array.
     */
    public static long imagesThatFit(ImageShape target, long budgetBytes) {
        return Math.max(0, Math.min(budgetBytes / bytesNeeded(1, target), (Integer.MAX_VALUE - 8L) / target.length()));
    }

    /**
     * The Java memory the app lets one conversion take: half of what is free, so that the run, the network's
     * copies for Inspect and the window keep room.
     */
    public static long conversionBudget() {
        return freeHeap() / 2;
    }

    /** Java memory the conversion allocates and the copy normalisation makes from it: 2 × images × values × 4. */
    public static long bytesNeeded(long images, ImageShape target) {
        return images * target.length() * (long) Float.BYTES * 2;
    }

    /**
     * Refuses a conversion of {@code images} images to {@code target} that cannot fit: more values than one
     * Java array holds, or more bytes than {@code freeHeapBytes}. The message gives the numbers and how many
     * images would fit. Conversion itself works image by image, so nothing else grows with the data set.
     *
     * @throws IllegalArgumentException with a message for the user
     */
    public static void ensureFits(long images, ImageShape target, long freeHeapBytes) {
        long values = images * target.length();
        long perImage = bytesNeeded(1, target);
        long maxByArray = (Integer.MAX_VALUE - 8L) / target.length();
        long fitByHeap = freeHeapBytes / perImage;
        long fits = Math.min(maxByArray, fitByHeap);
        if (values > Integer.MAX_VALUE - 8L || images > fitByHeap) {
            String why = values > Integer.MAX_VALUE - 8L
                    ? "more values (" + values + ") than one Java array can hold"
                    : String.format(java.util.Locale.ROOT, "%.1f GB of Java memory (the converted images and their "
                    + "normalised copy) but only %.1f GB is free", bytesNeeded(images, target) / 1e9, freeHeapBytes / 1e9);
            throw new IllegalArgumentException("Converting " + images + " images to " + target + " needs " + why
                    + ": use fewer images (at most " + fits + " fit; --limit on the command line) or give Java more "
                    + "memory (-Xmx).");
        }
    }

    /** Java heap that can still be allocated. */
    public static long freeHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /**
     * A new image set of {@code target}-shaped images (the same set if it already fits).
     *
     * @throws IllegalArgumentException if the channels cannot be converted (see {@link #canAdapt})
     */
    public static ImageSet adapt(ImageSet set, ImageShape target) {
        if (!ImageShape.of(set).equals(target)) {
            ensureFits(set.size(), target, freeHeap());
        }
        return adaptChecked(set, target, Progress.NONE, 0, set.size());
    }

    private static ImageSet adaptChecked(ImageSet set, ImageShape target, Progress progress, long doneBefore,
                                         long total) {
        ImageShape from = ImageShape.of(set);
        if (from.equals(target)) {
            return set;
        }
        if (!canAdapt(from, target)) {
            throw new IllegalArgumentException(check(from, target).orElseThrow());
        }
        if (!progress.update(doneBefore, total)) { // cancelled before anything is allocated
            throw new CancellationException("The conversion to " + target + " was cancelled.");
        }
        int n = set.size();
        float[] out = new float[n * target.length()];
        // convert channels at the smaller size, resize with the fewer channels
        boolean convertFirst = target.channels() <= from.channels();
        int midC = convertFirst ? target.channels() : from.channels();
        boolean resize = from.height() != target.height() || from.width() != target.width();
        Resampler resampler = resize ? new Resampler(from.height(), from.width(), target.height(), target.width()) : null;
        float[] mid = new float[Math.max(midC * from.height() * from.width(), midC * target.height() * target.width())];
        int srcPlane = from.height() * from.width();
        int dstPlane = target.height() * target.width();
        for (int i = 0; i < n; i++) {
            int srcOff = i * from.length();
            int dstOff = i * target.length();
            if (convertFirst) {
                if (resize) {
                    convertChannels(set.pixels(), srcOff, from.channels(), mid, 0, target.channels(), srcPlane);
                    resampler.resize(mid, 0, target.channels(), out, dstOff);
                } else {
                    convertChannels(set.pixels(), srcOff, from.channels(), out, dstOff, target.channels(), srcPlane);
                }
            } else {
                resampler.resize(set.pixels(), srcOff, from.channels(), mid, 0);
                convertChannels(mid, 0, from.channels(), out, dstOff, target.channels(), dstPlane);
            }
            if (!progress.update(doneBefore + i + 1, total)) {
                throw new CancellationException("The conversion to " + target + " was cancelled.");
            }
        }
        return new ImageSet(set.name(), target.channels(), target.height(), target.width(), out, set.labels(),
                set.classNames());
    }

    /**
     * Converts one image's channels: equal counts copy, 1 → k replicates, 3 → 1 takes the luminance,
     * k → 1 averages.
     */
    public static void convertChannels(float[] src, int srcOff, int srcC, float[] dst, int dstOff, int dstC, int plane) {
        if (srcC == dstC) {
            System.arraycopy(src, srcOff, dst, dstOff, srcC * plane);
        } else if (srcC == 1) {
            for (int c = 0; c < dstC; c++) {
                System.arraycopy(src, srcOff, dst, dstOff + c * plane, plane);
            }
        } else if (dstC == 1 && srcC == 3) {
            for (int p = 0; p < plane; p++) {
                dst[dstOff + p] = 0.299f * src[srcOff + p] + 0.587f * src[srcOff + plane + p]
                        + 0.114f * src[srcOff + 2 * plane + p];
            }
        } else if (dstC == 1) {
            for (int p = 0; p < plane; p++) {
                float s = 0;
                for (int c = 0; c < srcC; c++) {
                    s += src[srcOff + c * plane + p];
                }
                dst[dstOff + p] = s / srcC;
            }
        } else {
            throw new IllegalArgumentException("cannot convert " + srcC + " channels into " + dstC);
        }
    }
}
