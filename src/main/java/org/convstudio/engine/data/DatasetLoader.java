package org.convstudio.engine.data;

import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a {@link DatasetSpec} into a {@link DataSplit}. Errors are {@link DatasetException}s whose message
 * can be shown to the user as is.
 *
 * <pre>{@code
 * DataSplit data = DatasetLoader.load(DatasetSpec.parse("mnist-sample"));
 * }</pre>
 */
public final class DatasetLoader {

    /** System property that points to the assets folder (the one holding datasets/mnist-sample). */
    public static final String ASSETS_PROPERTY = "convstudio.assets";
    /** Where the bundled sample lives, relative to the project (or install) folder. */
    public static final String MNIST_SAMPLE_PATH = "assets/datasets/mnist-sample";

    /**
     * Options for {@link #load(DatasetSpec, Options)}.
     *
     * @param folderShape        size to convert folder:DIR images to; null for automatic (see {@link ImageFolderReader})
     * @param validationFraction share of each class of a folder:DIR data set held out for validation
     * @param seed               seed of that validation split
     * @param probeTimeout       how long to wait for the download server before declaring it unreachable
     */
    public record Options(ImageShape folderShape, double validationFraction, long seed, Duration probeTimeout) {

        /** Automatic folder shape, 20% validation, seed 42, 3 s probe. */
        public static Options defaults() {
            return new Options(null, 0.2, 42L, Duration.ofSeconds(3));
        }

        /** These options with another folder image shape (e.g. the network's input shape). */
        public Options withFolderShape(ImageShape shape) {
            return new Options(shape, validationFraction, seed, probeTimeout);
        }

        /** These options with another probe timeout. */
        public Options withProbeTimeout(Duration timeout) {
            return new Options(folderShape, validationFraction, seed, timeout);
        }
    }

    /** Address probed before downloads; tests replace it. Null means: DJL's repository host. */
    static volatile InetSocketAddress probeAddressOverride;

    private DatasetLoader() {
    }

    /** Parses and loads with default options. */
    public static DataSplit load(String spec) throws DatasetException {
        return load(DatasetSpec.parse(spec), Options.defaults());
    }

    /** Loads with default options. */
    public static DataSplit load(DatasetSpec spec) throws DatasetException {
        return load(spec, Options.defaults());
    }

    /** Loads the data set described by {@code spec}. */
    public static DataSplit load(DatasetSpec spec, Options options) throws DatasetException {
        return switch (spec.kind()) {
            case MNIST_SAMPLE -> {
                DataSplit s = IdxReader.readFolder(findMnistSample());
                yield new DataSplit(rename(s.train(), "mnist-sample/train"), rename(s.test(), "mnist-sample/test"),
                        s.warnings());
            }
            case IDX -> IdxReader.readFolder(spec.dir());
            case FOLDER -> ImageFolderReader.read(spec.dir(), options.folderShape(), options.validationFraction(),
                    options.seed());
            case MNIST, FASHION_MNIST, CIFAR10 -> {
                InetSocketAddress probe = probeAddressOverride != null ? probeAddressOverride
                        : BuiltinDatasets.repositoryAddress();
                yield BuiltinDatasets.load(spec.kind(), options.probeTimeout(), probe);
            }
        };
    }

    /**
     * The folder of the bundled MNIST sample: {@code -Dconvstudio.assets=DIR} if set, else
     * {@value #MNIST_SAMPLE_PATH} under the working directory, else under the folder of the ConvStudio jar
     * (or classes folder) or one of its parents ({@code target/convstudio.jar} → {@code ../assets/...}).
     */
    public static Path findMnistSample() throws DatasetException {
        return findMnistSample(System.getProperty(ASSETS_PROPERTY), Path.of("").toAbsolutePath(), codeLocation());
    }

    static Path findMnistSample(String assetsProperty, Path workingDir, Path codeLocation) throws DatasetException {
        List<Path> tried = new ArrayList<>();
        if (assetsProperty != null && !assetsProperty.isBlank()) {
            Path p = Path.of(assetsProperty.strip());
            for (Path c : List.of(p.resolve("datasets/mnist-sample"), p.resolve(MNIST_SAMPLE_PATH), p)) {
                if (isSample(c)) {
                    return c;
                }
            }
            throw new DatasetException("The bundled MNIST sample is not in " + p + " (set by -D" + ASSETS_PROPERTY
                    + "): expected the folder datasets/mnist-sample with its four IDX files there.");
        }
        if (workingDir != null) {
            Path c = workingDir.resolve(MNIST_SAMPLE_PATH);
            tried.add(c);
            if (isSample(c)) {
                return c;
            }
        }
        if (codeLocation != null) {
            Path dir = Files.isDirectory(codeLocation) ? codeLocation : codeLocation.getParent();
            for (int up = 0; dir != null && up < 4; up++, dir = dir.getParent()) {
                Path c = dir.resolve(MNIST_SAMPLE_PATH);
                tried.add(c);
                if (isSample(c)) {
                    return c;
                }
            }
        }
        throw new DatasetException("The bundled MNIST sample was not found (looked in "
                + String.join(", ", tried.stream().map(Path::toString).toList()) + "). Run ConvStudio from its "
                + "folder, or point -D" + ASSETS_PROPERTY + "=DIR to its assets folder, or use idx:DIR with a folder "
                + "of MNIST-format files.");
    }

    private static boolean isSample(Path dir) {
        return Files.isDirectory(dir) && Files.exists(dir.resolve("train-images-idx3-ubyte.gz"))
                && Files.exists(dir.resolve("t10k-labels-idx1-ubyte.gz"));
    }

    private static Path codeLocation() {
        try {
            var src = DatasetLoader.class.getProtectionDomain().getCodeSource();
            return src == null ? null : Path.of(src.getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static ImageSet rename(ImageSet s, String name) {
        return new ImageSet(name, s.channels(), s.height(), s.width(), s.pixels(), s.labels(), s.classNames());
    }
}
