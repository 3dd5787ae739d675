package org.convstudio.engine.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reads a folder of images with one sub-folder per class ({@code DIR/cat/*.png}, {@code DIR/dog/*.jpg}, ...;
 * files in deeper sub-folders count for their top sub-folder). Class names are the sorted sub-folder names.
 * png, jpg, jpeg, bmp and gif files are read with javax.imageio; files that cannot be decoded are skipped
 * and counted in a warning. Every image is converted to the requested channels (grey ↔ RGB) and resized to
 * the requested height × width. A deterministic, seeded validation split takes the same fraction of every
 * class; it is returned as the split's test set.
 */
public final class ImageFolderReader {

    /** File extensions read (lower case, without dot). */
    public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");
    /** With an automatic shape, images larger than this (on their longer side) are scaled down to it. */
    public static final int AUTO_MAX_SIDE = 64;

    private ImageFolderReader() {
    }

    /**
     * Reads {@code dir}.
     *
     * @param shape              the size to convert every image to; null for automatic: the size of the first
     *                           image (scaled down to at most {@value #AUTO_MAX_SIDE} pixels on its longer side),
     *                           3 channels if any image has colour, else 1
     * @param validationFraction the share of each class held out for validation, in [0, 1)
     * @param seed               seed of the validation split
     */
    public static DataSplit read(Path dir, ImageShape shape, double validationFraction, long seed) throws DatasetException {
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction must be in [0, 1): " + validationFraction);
        }
        if (!Files.isDirectory(dir)) {
            throw new DatasetException(Files.exists(dir)
                    ? dir + " is a file, not a folder. Give a folder with one sub-folder of images per class."
                    : "The folder " + dir + " does not exist.");
        }
        List<Path> classDirs;
        boolean looseImages;
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> entries = s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
            classDirs = entries.stream().filter(Files::isDirectory).toList();
            looseImages = entries.stream().anyMatch(ImageFolderReader::isImageFile);
        } catch (IOException e) {
            throw new DatasetException("Cannot list the folder " + dir + ": " + e.getMessage(), e);
        }
        if (classDirs.isEmpty()) {
            throw new DatasetException("The folder " + dir + " has no sub-folders, so it has no classes. "
                    + (looseImages ? "Its images must be sorted into one sub-folder per class, " : "Put the images of each class in its own sub-folder, ")
                    + "e.g. " + dir.resolve("cat") + " and " + dir.resolve("dog") + ".");
        }

        List<String> warnings = new ArrayList<>();
        List<String> classNames = new ArrayList<>();
        List<List<Path>> filesByClass = new ArrayList<>();
        int ignored = 0;
        for (Path classDir : classDirs) {
            classNames.add(classDir.getFileName().toString());
            List<Path> files;
            try (Stream<Path> s = Files.walk(classDir)) {
                List<Path> all = s.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
                files = all.stream().filter(ImageFolderReader::isImageFile).toList();
                ignored += all.size() - files.size();
            } catch (IOException e) {
                throw new DatasetException("Cannot list the folder " + classDir + ": " + e.getMessage(), e);
            }
            filesByClass.add(files);
        }
        if (filesByClass.stream().allMatch(List::isEmpty)) {
            throw new DatasetException("The class folders in " + dir + " (" + String.join(", ", classNames)
                    + ") contain no images (png, jpg, jpeg, bmp or gif).");
        }

        // decode, convert and resize
        boolean auto = shape == null;
        ImageShape target = shape;
        int workC = auto ? 3 : shape.channels();
        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        Map<Long, Resampler> resamplers = new HashMap<>();
        boolean anyColour = false;
        String firstImage = null;
        int resized = 0;
        for (int label = 0; label < filesByClass.size(); label++) {
            for (Path file : filesByClass.get(label)) {
                Decoded d = decode(file);
                if (d == null) {
                    unreadable.add(dir.relativize(file).toString());
                    continue;
                }
                if (target == null) {
                    firstImage = dir.relativize(file) + " (" + d.height + "×" + d.width
                            + (Math.max(d.height, d.width) > AUTO_MAX_SIDE ? ", scaled to fit " + AUTO_MAX_SIDE + " pixels" : "")
                            + ")";
                    int h = d.height;
                    int w = d.width;
                    int longer = Math.max(h, w);
                    if (longer > AUTO_MAX_SIDE) {
                        h = Math.max(1, (int) Math.round((double) h * AUTO_MAX_SIDE / longer));
                        w = Math.max(1, (int) Math.round((double) w * AUTO_MAX_SIDE / longer));
                    }
                    target = new ImageShape(3, h, w);
                }
                anyColour |= d.colour;
                int plane = d.height * d.width;
                float[] conv;
                if (d.channels == workC) {
                    conv = d.pixels;
                } else {
                    conv = new float[workC * plane];
                    ImageAdapter.convertChannels(d.pixels, 0, d.channels, conv, 0, workC, plane);
                }
                float[] out;
                if (d.height == target.height() && d.width == target.width()) {
                    out = conv;
                } else {
                    long key = ((long) d.height << 32) | d.width;
                    final int th = target.height();
                    final int tw = target.width();
                    Resampler r = resamplers.computeIfAbsent(key, k -> new Resampler(d.height, d.width, th, tw));
                    out = new float[workC * th * tw];
                    r.resize(conv, 0, workC, out, 0);
                    resized++;
                }
                images.add(out);
                labels.add(label);
            }
        }
        if (auto && firstImage != null && resized > 0) {
            warnings.add("The images have different sizes: " + resized + (resized == 1 ? " was" : " were") + " resized to "
                    + target.height() + "×" + target.width() + ", taken from the first image, " + firstImage
                    + ". To choose the size, set the network's input size first (the images are then converted to it).");
        }
        if (images.isEmpty()) {
            throw new DatasetException("None of the " + unreadable.size() + " image files in " + dir
                    + " could be read (first: " + unreadable.get(0) + "). Are they really images?");
        }
        if (!unreadable.isEmpty()) {
            warnings.add("Skipped " + unreadable.size() + (unreadable.size() == 1 ? " file that" : " files that")
                    + " could not be read as an image: " + String.join(", ", unreadable.subList(0, Math.min(5, unreadable.size())))
                    + (unreadable.size() > 5 ? ", ..." : "") + ".");
        }
        if (ignored > 0) {
            warnings.add("Ignored " + ignored + (ignored == 1 ? " file that is" : " files that are")
                    + " not png, jpg, jpeg, bmp or gif.");
        }
        int outC = auto ? (anyColour ? 3 : 1) : target.channels();
        ImageShape finalShape = new ImageShape(outC, target.height(), target.width());

        // per-class deterministic validation split
        int[] counts = new int[classNames.size()];
        labels.forEach(l -> counts[l]++);
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.size(); i++) {
            byClass.get(labels.get(i)).add(i);
        }
        boolean[] isVal = new boolean[images.size()];
        for (int c = 0; c < classNames.size(); c++) {
            List<Integer> idx = byClass.get(c);
            if (idx.isEmpty()) {
                warnings.add("Class '" + classNames.get(c) + "' has no readable images.");
                continue;
            }
            int nVal = (int) Math.round(idx.size() * validationFraction);
            if (validationFraction > 0 && idx.size() >= 2) {
                nVal = Math.max(1, Math.min(idx.size() - 1, nVal));
            } else if (idx.size() < 2) {
                nVal = 0;
            }
            if (validationFraction > 0 && nVal == 0) {
                warnings.add("Class '" + classNames.get(c) + "' has only one image: it is used for training only.");
            }
            List<Integer> shuffled = new ArrayList<>(idx);
            Collections.shuffle(shuffled, new Random(seed * 1_000_003L + c));
            for (int k = 0; k < nVal; k++) {
                isVal[shuffled.get(k)] = true;
            }
        }
        if (classNames.size() == 1) {
            warnings.add("Only one class ('" + classNames.get(0) + "'): a classifier needs at least two class folders.");
        }
        String name = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
        ImageSet train = build(name + "/train", images, labels, isVal, false, finalShape, classNames);
        ImageSet val = build(name + "/validation", images, labels, isVal, true, finalShape, classNames);
        return new DataSplit(train, val, warnings);
    }

    /**
     * One image file converted to {@code shape} (channels converted, resized), as CHW floats in [0, 1], the
     * way the images of a folder are read.
     *
     * @throws DatasetException naming the file when it is not a readable image
     */
    public static float[] readImage(Path file, ImageShape shape) throws DatasetException {
        Decoded d = Files.isRegularFile(file) ? decode(file) : null;
        if (d == null) {
            throw new DatasetException(file + " is not a readable image (png, jpg, jpeg, bmp or gif): choose another file.");
        }
        int plane = d.height * d.width;
        float[] conv = d.pixels;
        if (d.channels != shape.channels()) {
            conv = new float[shape.channels() * plane];
            ImageAdapter.convertChannels(d.pixels, 0, d.channels, conv, 0, shape.channels(), plane);
        }
        if (d.height == shape.height() && d.width == shape.width()) {
            return conv;
        }
        float[] out = new float[shape.channels() * shape.height() * shape.width()];
        new Resampler(d.height, d.width, shape.height(), shape.width()).resize(conv, 0, shape.channels(), out, 0);
        return out;
    }

    static boolean isImageFile(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && Files.isRegularFile(p) && EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static ImageSet build(String name, List<float[]> images, List<Integer> labels, boolean[] isVal,
                                  boolean wantVal, ImageShape shape, List<String> classNames) {
        int n = 0;
        for (boolean v : isVal) {
            if (v == wantVal) n++;
        }
        int len = shape.length();
        int plane = shape.height() * shape.width();
        float[] px = new float[n * len];
        int[] lb = new int[n];
        int k = 0;
        for (int i = 0; i < images.size(); i++) {
            if (isVal[i] != wantVal) continue;
            float[] img = images.get(i);
            if (img.length == len) {
                System.arraycopy(img, 0, px, k * len, len);
            } else { // automatic shape, no colour: keep one of the three identical channels
                System.arraycopy(img, 0, px, k * len, plane);
            }
            lb[k++] = labels.get(i);
        }
        return new ImageSet(name, shape.channels(), shape.height(), shape.width(), px, lb, classNames);
    }

    /** A decoded image: 1 or 3 planes of floats in [0,1]. */
    private record Decoded(int channels, int height, int width, float[] pixels, boolean colour) {
    }

    /** Decodes {@code file}, or returns null if it is not a readable image. */
    private static Decoded decode(Path file) {
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (Exception | LinkageError e) { // IIOException, or decoder bugs on damaged files
            return null;
        }
        if (img == null || img.getWidth() <= 0 || img.getHeight() <= 0) {
            return null;
        }
        try {
            return toFloats(img);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Decoded toFloats(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int plane = w * h;
        ColorModel cm = img.getColorModel();
        if (cm.getNumColorComponents() == 1 && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && !(cm instanceof java.awt.image.IndexColorModel)) {
            // read grey samples directly: getRGB would apply a gamma conversion to linear-grey images
            Raster r = img.getRaster();
            double max = (1L << cm.getComponentSize(0)) - 1;
            boolean alpha = cm.hasAlpha();
            double alphaMax = alpha ? (1L << cm.getComponentSize(cm.getNumComponents() - 1)) - 1 : 1;
            float[] px = new float[plane];
            int[] row = new int[w];
            int[] arow = alpha ? new int[w] : null;
            for (int y = 0; y < h; y++) {
                r.getSamples(0, y, w, 1, 0, row);
                if (alpha) {
                    r.getSamples(0, y, w, 1, cm.getNumComponents() - 1, arow);
                }
                for (int x = 0; x < w; x++) {
                    double v = row[x] / max;
                    if (alpha) v *= arow[x] / alphaMax; // over black
                    px[y * w + x] = (float) v;
                }
            }
            return new Decoded(1, h, w, px, false);
        }
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        float[] px = new float[3 * plane];
        boolean colour = false;
        for (int p = 0; p < plane; p++) {
            int v = argb[p];
            int a = (v >>> 24) & 0xff;
            int rr = (v >> 16) & 0xff;
            int gg = (v >> 8) & 0xff;
            int bb = v & 0xff;
            if (rr != gg || gg != bb) colour = true;
            float s = a == 255 ? 1f / 255f : a / (255f * 255f); // composite over black
            px[p] = rr * s;
            px[plane + p] = gg * s;
            px[2 * plane + p] = bb * s;
        }
        return new Decoded(3, h, w, px, colour);
    }
}
