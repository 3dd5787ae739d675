package org.convstudio.engine.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads MNIST-format (IDX) data set folders: MNIST, Fashion-MNIST, KMNIST, ... and the bundled sample.
 *
 * <p>A folder holds {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}; each may be gzip-compressed (usually
 * named {@code .gz}, but compression is recognised by content), and the dotted spelling
 * ({@code train-images.idx3-ubyte}), a name prefix ({@code emnist-digits-train-...}) and {@code test} for
 * {@code t10k} are accepted too. Class names come from an optional {@code classes.txt} (one per line, in
 * label order), otherwise "0", "1", ... ("0".."9" at least). Pixels are scaled to [0,1].
 */
public final class IdxReader {

    /** Magic number of an unsigned-byte IDX file with 3 dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an unsigned-byte IDX file with 1 dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;
    /** Optional file of class names, one per line. */
    public static final String CLASSES_FILE = "classes.txt";

    private static final int BUFFER = 1 << 16;
    private static final float[] BYTE_TO_FLOAT = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            BYTE_TO_FLOAT[i] = i / 255f;
        }
    }

    private IdxReader() {
    }

    /** Reads the four IDX files (and optional classes.txt) of {@code dir}. */
    public static DataSplit readFolder(Path dir) throws DatasetException {
        if (!Files.isDirectory(dir)) {
            throw new DatasetException(Files.exists(dir)
                    ? dir + " is a file, not a folder. Give the folder that holds the IDX files."
                    : "The folder " + dir + " does not exist.");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new DatasetException("Cannot list the folder " + dir + ": " + e.getMessage(), e);
        }
        Path trainImages = find(files, "(train)", "images?", "idx3");
        Path trainLabels = find(files, "(train)", "labels?", "idx1");
        Path testImages = find(files, "(t10k|test)", "images?", "idx3");
        Path testLabels = find(files, "(t10k|test)", "labels?", "idx1");
        List<String> missing = new ArrayList<>();
        if (trainImages == null) missing.add("train-images-idx3-ubyte");
        if (trainLabels == null) missing.add("train-labels-idx1-ubyte");
        if (testImages == null) missing.add("t10k-images-idx3-ubyte");
        if (testLabels == null) missing.add("t10k-labels-idx1-ubyte");
        if (!missing.isEmpty()) {
            throw new DatasetException("The folder " + dir + " is not a complete MNIST-format data set: "
                    + (missing.size() == 1 ? "the file " : "the files ") + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing (each may also end in .gz). "
                    + "An MNIST-format folder needs train-images-idx3-ubyte, train-labels-idx1-ubyte, "
                    + "t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte.");
        }
        List<String> classNames = readClassNames(dir.resolve(CLASSES_FILE));
        List<String> warnings = new ArrayList<>();
        String name = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
        ImageSet train = read(name + "/train", trainImages, trainLabels, classNames, warnings);
        ImageSet test = read(name + "/test", testImages, testLabels, classNames, warnings);
        if (train.height() != test.height() || train.width() != test.width()) {
            throw new DatasetException("The training images (" + trainImages.getFileName() + ") are "
                    + train.height() + "×" + train.width() + " pixels but the test images (" + testImages.getFileName()
                    + ") are " + test.height() + "×" + test.width() + ". Both must have the same size.");
        }
        if (classNames == null && train.classCount() != test.classCount()) {
            // default names: make both sets agree on the larger list
            List<String> names = train.classCount() >= test.classCount() ? train.classNames() : test.classNames();
            train = new ImageSet(train.name(), 1, train.height(), train.width(), train.pixels(), train.labels(), names);
            test = new ImageSet(test.name(), 1, test.height(), test.width(), test.pixels(), test.labels(), names);
        }
        return new DataSplit(train, test, warnings);
    }

    /**
     * Reads one images file and its labels file.
     *
     * @param classNames the class names, or null for "0".."9" (more if a label is above 9)
     * @param warnings   receives non-fatal remarks (e.g. extra bytes at the end of a file)
     */
    public static ImageSet read(String name, Path imagesFile, Path labelsFile, List<String> classNames,
                                List<String> warnings) throws DatasetException {
        String imgName = imagesFile.getFileName().toString();
        String lblName = labelsFile.getFileName().toString();
        int count;
        int rows;
        int cols;
        byte[] raw;
        try (InputStream in = open(imagesFile)) {
            readMagic(in, imagesFile, IMAGES_MAGIC);
            count = readInt(in, imagesFile);
            rows = readInt(in, imagesFile);
            cols = readInt(in, imagesFile);
            if (count <= 0 || rows <= 0 || cols <= 0) {
                throw new DatasetException(imgName + ": the header says " + (count & 0xffffffffL) + " images of "
                        + (rows & 0xffffffffL) + "×" + (cols & 0xffffffffL) + " pixels, which is not a usable "
                        + "image set (the file is damaged or not an images file).");
            }
            long bytes = (long) count * rows * cols;
            if (bytes > Integer.MAX_VALUE - 16) {
                throw new DatasetException(imgName + ": " + count + " images of " + rows + "×" + cols
                        + " pixels are too many to load into memory at once.");
            }
            // a damaged header must give a message, not an out-of-memory error: an uncompressed file
            // is checked against its size before anything is allocated, a compressed one against the
            // memory this program may use (pixels are kept as 4-byte floats as well)
            if (!imgName.endsWith(".gz") && Files.size(imagesFile) < 16 + bytes) {
                long have = Math.max(0, Files.size(imagesFile) - 16);
                throw new DatasetException(imgName + " is truncated: its header promises " + count + " images of "
                        + rows + "×" + cols + " pixels (" + bytes + " bytes of pixels) but the file holds only "
                        + have + " bytes (" + have / ((long) rows * cols) + " complete images). The file is incomplete: "
                        + "download or copy it again.");
            }
            if (bytes * 5 > Runtime.getRuntime().maxMemory()) {
                throw new DatasetException(imgName + ": its header promises " + count + " images of " + rows + "×" + cols
                        + " pixels, more than fits in the memory available here (the file may be damaged).");
            }
            raw = new byte[(int) bytes];
            int got = readFully(in, raw, imagesFile);
            if (got < raw.length) {
                throw new DatasetException(imgName + " is truncated: its header promises " + count + " images of "
                        + rows + "×" + cols + " pixels (" + raw.length + " bytes of pixels) but the file holds only "
                        + got + " bytes (" + got / (rows * cols) + " complete images). The file is incomplete: "
                        + "download or copy it again.");
            }
            if (hasMore(in, imagesFile)) {
                warnings.add(imgName + " has extra bytes after its " + count + " images; they were ignored.");
            }
        } catch (IOException e) {
            throw ioProblem(imagesFile, e);
        }

        byte[] rawLabels;
        try (InputStream in = open(labelsFile)) {
            readMagic(in, labelsFile, LABELS_MAGIC);
            int labelCount = readInt(in, labelsFile);
            if (labelCount != count) {
                throw new DatasetException("The images and labels do not match: " + imgName + " holds " + count
                        + " images but " + lblName + " holds " + (labelCount & 0xffffffffL)
                        + " labels. Every image needs exactly one label: check that both files belong to the same"
                        + " data set and split.");
            }
            rawLabels = new byte[count];
            int got = readFully(in, rawLabels, labelsFile);
            if (got < count) {
                throw new DatasetException(lblName + " is truncated: its header promises " + count
                        + " labels but the file holds only " + got + ". Download or copy it again.");
            }
            if (hasMore(in, labelsFile)) {
                warnings.add(lblName + " has extra bytes after its " + count + " labels; they were ignored.");
            }
        } catch (IOException e) {
            throw ioProblem(labelsFile, e);
        }

        int[] labels = new int[count];
        int maxLabel = 0;
        for (int i = 0; i < count; i++) {
            labels[i] = rawLabels[i] & 0xff;
            maxLabel = Math.max(maxLabel, labels[i]);
        }
        List<String> names = classNames;
        if (names == null) {
            names = defaultClassNames(Math.max(10, maxLabel + 1));
        } else if (maxLabel >= names.size()) {
            int at = 0;
            while (labels[at] < names.size()) {
                at++;
            }
            throw new DatasetException(lblName + ": image number " + (at + 1) + " has label " + labels[at]
                    + ", but " + CLASSES_FILE + " names only " + names.size() + " classes (labels 0 to "
                    + (names.size() - 1) + "). Add the missing class names to " + CLASSES_FILE + " (one per line) "
                    + "or check that the labels file belongs to this data set.");
        }

        float[] pixels = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            pixels[i] = BYTE_TO_FLOAT[raw[i] & 0xff];
        }
        return new ImageSet(name, 1, rows, cols, pixels, labels, names);
    }

    /** "0", "1", ..., String.valueOf(count - 1). */
    public static List<String> defaultClassNames(int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }

    /** Class names from {@code file} (blank lines skipped), or null if the file does not exist. */
    static List<String> readClassNames(Path file) throws DatasetException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            List<String> names = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (names.isEmpty()) {
                throw new DatasetException(file.getFileName() + " in " + file.getParent()
                        + " is empty: write one class name per line (line 1 for label 0, ...), or delete it.");
            }
            return names;
        } catch (IOException e) {
            throw new DatasetException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    // ----------------------------------------------------------------------------------------------

    private static Path find(List<Path> files, String split, String kind, String idx) {
        Pattern p = Pattern.compile("^(?:.*[-_.])?" + split + "[-_.]" + kind + "[-_.]" + idx + "[-_.]ubyte(?:\\.gz)?$",
                Pattern.CASE_INSENSITIVE);
        return files.stream()
                .filter(f -> p.matcher(f.getFileName().toString()).matches())
                // prefer the plain file over .gz if both are there (faster), then by name
                .min(Comparator.comparing((Path f) -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz"))
                        .thenComparing(f -> f.getFileName().toString()))
                .orElse(null);
    }

    /** Opens a file, transparently un-gzipping it if it starts with the gzip signature. */
    static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
        }
        return in;
    }

    private static void readMagic(InputStream in, Path file, int expected) throws IOException, DatasetException {
        String name = file.getFileName().toString();
        String what = expected == IMAGES_MAGIC ? "images" : "labels";
        byte[] b = new byte[4];
        int got = readFully(in, b, file);
        if (got < 4) {
            throw new DatasetException(name + " is " + (got == 0 ? "empty" : "too short to be an IDX file")
                    + ": expected an MNIST-format " + what + " file. Download or copy it again.");
        }
        int magic = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if (magic == expected) {
            return;
        }
        String found = String.format("0x%08X", magic);
        String wanted = String.format("0x%08X", expected);
        if (b[0] == 0 && b[1] == 0 && b[2] == 0x08 && (b[3] == 1 || b[3] == 3)) {
            throw new DatasetException(name + " is an IDX " + (b[3] == 1 ? "labels" : "images")
                    + " file, but ConvStudio expected an " + what + " file here (magic number " + found
                    + " instead of " + wanted + "). Are the images and labels files swapped or misnamed?");
        }
        if (b[0] == 0 && b[1] == 0) {
            throw new DatasetException(name + " is an IDX file of another kind (magic number " + found
                    + "): ConvStudio reads only unsigned-byte " + what + " files like MNIST's (magic number "
                    + wanted + ").");
        }
        throw new DatasetException(name + " is not an MNIST-format (IDX) " + what + " file: it should start with "
                + "the magic number " + wanted + " but starts with " + found + ". The file may be damaged, or be "
                + "another kind of file with an IDX name.");
    }

    private static int readInt(InputStream in, Path file) throws IOException, DatasetException {
        byte[] b = new byte[4];
        if (readFully(in, b, file) < 4) {
            throw new DatasetException(file.getFileName() + " is truncated: it ends inside its header. "
                    + "Download or copy it again.");
        }
        return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    }

    /** Reads until {@code buf} is full or the data ends; returns the number of bytes read. */
    private static int readFully(InputStream in, byte[] buf, Path file) throws IOException {
        int off = 0;
        try {
            while (off < buf.length) {
                int n = in.read(buf, off, buf.length - off);
                if (n < 0) {
                    break;
                }
                off += n;
            }
        } catch (EOFException e) {
            // a truncated gzip stream: report what we have
        }
        return off;
    }

    private static boolean hasMore(InputStream in, Path file) throws IOException {
        try {
            return in.read() >= 0;
        } catch (EOFException e) {
            return false;
        }
    }

    private static DatasetException ioProblem(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DatasetException("The file " + file + " does not exist.", e);
        }
        if (e instanceof ZipException) {
            return new DatasetException(file.getFileName() + " looks gzip-compressed but is damaged ("
                    + e.getMessage() + "). Download or copy it again.", e);
        }
        return new DatasetException("Cannot read " + file + ": " + e.getMessage(), e);
    }
}
