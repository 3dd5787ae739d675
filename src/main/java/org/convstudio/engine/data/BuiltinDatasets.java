package org.convstudio.engine.data;

import ai.djl.basicdataset.BasicDatasets;
import ai.djl.basicdataset.cv.classification.Cifar10;
import ai.djl.basicdataset.cv.classification.FashionMnist;
import ai.djl.basicdataset.cv.classification.Mnist;
import ai.djl.modality.cv.transform.ToTensor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset.Usage;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.Pipeline;
import ai.djl.util.Utils;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The data sets downloaded through DJL's basicdataset (MNIST, Fashion-MNIST, CIFAR-10), cached by DJL in its
 * cache folder. Before anything is downloaded, the DJL repository host is probed with a short, bounded
 * timeout (name lookup included), so that without internet the load fails in seconds with a message naming
 * the offline alternatives. With DJL's offline mode on ({@code DJL_OFFLINE=true} or
 * {@code -Dai.djl.offline=true}) the probe is skipped and DJL uses its cached copy.
 */
final class BuiltinDatasets {

    static final List<String> DIGITS = IdxReader.defaultClassNames(10);
    static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");
    static final List<String> CIFAR10 = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
            "horse", "ship", "truck");

    private BuiltinDatasets() {
    }

    /** The host and port DJL downloads the data sets from, or null if its repository is not http(s). */
    static InetSocketAddress repositoryAddress() {
        URI uri = BasicDatasets.DJL_REPO_URL;
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return null;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return InetSocketAddress.createUnresolved(uri.getHost(), port);
    }

    /**
     * True if a TCP connection to {@code host:port} opens within {@code timeout}; the name lookup counts
     * against the timeout too (it runs on a daemon thread that is abandoned if it takes longer).
     */
    static boolean reachable(String host, int port, Duration timeout) {
        long ms = Math.max(1, timeout.toMillis());
        CompletableFuture<Boolean> probe = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), (int) ms);
                probe.complete(true);
            } catch (IOException | RuntimeException e) {
                probe.complete(false);
            }
        }, "convstudio-network-probe");
        t.setDaemon(true);
        t.start();
        try {
            return probe.get(ms + 200, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }

    /** The message shown when a download is impossible. */
    static String offlineMessage(DatasetSpec.Kind kind, String why) {
        return "Cannot download " + displayName(kind) + ": " + why + ". Without internet, use the bundled sample "
                + "(mnist-sample), or import the data set from files: idx:DIR for a folder of MNIST-format IDX files "
                + "(e.g. the four *-ubyte.gz files of " + displayName(kind) + " copied from another computer), or "
                + "folder:DIR for a folder with one sub-folder of images per class. (If " + displayName(kind)
                + " was downloaded before, DJL keeps it in its cache: set DJL_OFFLINE=true to use that copy.)";
    }

    static String displayName(DatasetSpec.Kind kind) {
        return switch (kind) {
            case MNIST -> "MNIST";
            case FASHION_MNIST -> "Fashion-MNIST";
            case CIFAR10 -> "CIFAR-10";
            default -> kind.id();
        };
    }

    /**
     * A connection that stalls after the probe succeeded must not hang the app: DJL downloads through
     * {@code HttpURLConnection}, which honours these JDK defaults when no timeout is set explicitly.
     * A user's own settings win.
     */
    static void limitStalls() {
        if (System.getProperty("sun.net.client.defaultConnectTimeout") == null) {
            System.setProperty("sun.net.client.defaultConnectTimeout", "15000");
        }
        if (System.getProperty("sun.net.client.defaultReadTimeout") == null) {
            System.setProperty("sun.net.client.defaultReadTimeout", "60000");
        }
    }

    /** Loads a downloadable data set: probe (unless DJL is in offline mode), download/cache, convert. */
    static DataSplit load(DatasetSpec.Kind kind, Duration probeTimeout, InetSocketAddress probeAddress)
            throws DatasetException {
        if (!kind.isDownload()) {
            throw new IllegalArgumentException(kind + " is not a download");
        }
        if (!Utils.isOfflineMode() && probeAddress != null
                && !reachable(probeAddress.getHostString(), probeAddress.getPort(), probeTimeout)) {
            throw new DatasetException(offlineMessage(kind, "the download server " + probeAddress.getHostString()
                    + " cannot be reached (no internet connection?)"));
        }
        limitStalls();
        try (NDManager manager = NDManager.newBaseManager()) {
            ImageSet train = fetch(kind, Usage.TRAIN, manager);
            ImageSet test = fetch(kind, Usage.TEST, manager);
            return new DataSplit(train, test, List.of());
        } catch (IOException e) {
            throw new DatasetException(offlineMessage(kind, "the download failed (" + e.getMessage() + ")"), e);
        } catch (DatasetException e) {
            throw e;
        } catch (Exception | LinkageError e) { // engine could not start, DJL translate errors, ...
            throw new DatasetException("Cannot load " + displayName(kind) + ": " + e, e);
        }
    }

    private static ImageSet fetch(DatasetSpec.Kind kind, Usage usage, NDManager manager) throws Exception {
        int batch = 1000;
        Pipeline toTensor = new Pipeline(new ToTensor()); // HWC 0..255 -> CHW 0..1
        RandomAccessDataset ds = switch (kind) {
            case MNIST -> Mnist.builder().optUsage(usage).optManager(manager).optPipeline(toTensor)
                    .setSampling(batch, false).build();
            case FASHION_MNIST -> FashionMnist.builder().optUsage(usage).optManager(manager).optPipeline(toTensor)
                    .setSampling(batch, false).build();
            case CIFAR10 -> Cifar10.builder().optUsage(usage).optManager(manager).optPipeline(toTensor)
                    .setSampling(batch, false).build();
            default -> throw new IllegalArgumentException(kind.toString());
        };
        ds.prepare();
        List<String> names = kind == DatasetSpec.Kind.CIFAR10 ? CIFAR10
                : kind == DatasetSpec.Kind.FASHION_MNIST ? FASHION : DIGITS;
        int n = Math.toIntExact(ds.size());
        float[] pixels = null;
        int[] labels = new int[n];
        int c = 0;
        int h = 0;
        int w = 0;
        int k = 0;
        for (Batch b : ds.getData(manager)) {
            try (b) {
                NDArray data = b.getData().head();
                Shape s = data.getShape(); // (B, C, H, W)
                if (pixels == null) {
                    c = (int) s.get(1);
                    h = (int) s.get(2);
                    w = (int) s.get(3);
                    pixels = new float[n * c * h * w];
                }
                float[] px = data.toFloatArray();
                float[] lb = b.getLabels().head().toFloatArray();
                System.arraycopy(px, 0, pixels, k * c * h * w, px.length);
                for (int i = 0; i < lb.length; i++) {
                    labels[k + i] = Math.round(lb[i]);
                }
                k += lb.length;
            }
        }
        if (pixels == null || k != n) {
            throw new DatasetException(displayName(kind) + " (" + usage + ") delivered " + k + " of " + n + " images.");
        }
        String name = kind.id() + "/" + (usage == Usage.TRAIN ? "train" : "test");
        return new ImageSet(name, c, h, w, pixels, labels, names);
    }
}
