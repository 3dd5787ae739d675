package org.convstudio.engine.data;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Which data set to use, as given on the command line or in the app:
 * {@code mnist-sample | idx:DIR | folder:DIR | mnist | fashion-mnist | cifar10}.
 *
 * @param kind the kind of source
 * @param dir  the folder for {@link Kind#IDX} and {@link Kind#FOLDER}, else null
 */
public record DatasetSpec(Kind kind, Path dir) {

    /** The syntax, for help texts and error messages. */
    public static final String SYNTAX = "mnist-sample (bundled, offline), idx:DIR (a folder of MNIST-format IDX files), "
            + "folder:DIR (one sub-folder of images per class), mnist, fashion-mnist or cifar10 (downloaded once)";

    /** The kinds of data set. */
    public enum Kind {
        /** The 10,000 MNIST digits bundled with ConvStudio. */
        MNIST_SAMPLE("mnist-sample"),
        /** A folder of MNIST-format IDX files. */
        IDX("idx"),
        /** A folder with one sub-folder of images per class. */
        FOLDER("folder"),
        /** MNIST, downloaded through DJL. */
        MNIST("mnist"),
        /** Fashion-MNIST, downloaded through DJL. */
        FASHION_MNIST("fashion-mnist"),
        /** CIFAR-10, downloaded through DJL. */
        CIFAR10("cifar10");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** The name used in the argument ("fashion-mnist", "idx", ...). */
        public String id() {
            return id;
        }

        /** True for the data sets that are downloaded from the internet. */
        public boolean isDownload() {
            return this == MNIST || this == FASHION_MNIST || this == CIFAR10;
        }
    }

    public DatasetSpec {
        java.util.Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.IDX || kind == Kind.FOLDER) != (dir != null)) {
            throw new IllegalArgumentException(kind.id() + (dir == null ? " needs a folder" : " takes no folder"));
        }
    }

    /** The bundled sample. */
    public static DatasetSpec mnistSample() {
        return new DatasetSpec(Kind.MNIST_SAMPLE, null);
    }

    /** Parses a data set argument; the message of the exception says what is wrong and lists the choices. */
    public static DatasetSpec parse(String text) throws DatasetException {
        if (text == null || text.isBlank()) {
            throw new DatasetException("No data set given. Use one of: " + SYNTAX + ".");
        }
        String t = text.strip();
        int colon = t.indexOf(':');
        if (colon > 0) {
            String prefix = t.substring(0, colon).toLowerCase(Locale.ROOT);
            if (prefix.equals("idx") || prefix.equals("folder")) {
                String dir = t.substring(colon + 1).strip();
                if (dir.isEmpty()) {
                    throw new DatasetException("'" + t + "' needs a folder after the colon, e.g. " + prefix + ":"
                            + (prefix.equals("idx") ? "data/fashion-mnist" : "data/my-photos") + ".");
                }
                if (dir.equals("~") || dir.startsWith("~/")) {
                    dir = System.getProperty("user.home") + dir.substring(1);
                }
                Path path;
                try {
                    path = Path.of(dir);
                } catch (java.nio.file.InvalidPathException e) {
                    throw new DatasetException("'" + dir + "' is not a valid folder name: " + e.getReason() + ".");
                }
                return new DatasetSpec(prefix.equals("idx") ? Kind.IDX : Kind.FOLDER, path);
            }
        }
        String key = t.toLowerCase(Locale.ROOT).replace('_', '-');
        switch (key) {
            case "mnist-sample", "sample":
                return new DatasetSpec(Kind.MNIST_SAMPLE, null);
            case "mnist":
                return new DatasetSpec(Kind.MNIST, null);
            case "fashion-mnist", "fashionmnist":
                return new DatasetSpec(Kind.FASHION_MNIST, null);
            case "cifar10", "cifar-10":
                return new DatasetSpec(Kind.CIFAR10, null);
            case "idx", "folder":
                throw new DatasetException("'" + t + "' needs a folder: write " + key + ":DIR, e.g. " + key + ":"
                        + (key.equals("idx") ? "data/fashion-mnist" : "data/my-photos") + ".");
            default:
                break;
        }
        String hint = t.contains("/") || t.contains("\\")
                ? " If it is a folder, write idx:" + t + " (MNIST-format IDX files) or folder:" + t + " (one sub-folder of images per class)."
                : "";
        throw new DatasetException("Unknown data set '" + t + "'. Use one of: " + SYNTAX + "." + hint);
    }

    /** The canonical argument form, e.g. "idx:data/kmnist" or "fashion-mnist". */
    @Override
    public String toString() {
        return dir == null ? kind.id() : kind.id() + ":" + dir;
    }
}
