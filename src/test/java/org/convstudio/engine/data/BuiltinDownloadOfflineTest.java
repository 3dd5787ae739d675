package org.convstudio.engine.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BuiltinDownloadOfflineTest {

    @AfterEach
    void reset() {
        DatasetLoader.probeAddressOverride = null;
    }

    private static void assertOfflineMessage(DatasetException e, String name) {
        String m = e.getMessage();
        assertTrue(m.startsWith("Cannot download " + name), m);
        assertTrue(m.contains("idx:DIR") && m.contains("folder:DIR") && m.contains("mnist-sample"), m);
    }

    /** Deterministic: the probe goes to a closed port on this machine, so the download is refused at once. */
    @Test
    void unreachableServerFailsFastWithAlternatives() throws Exception {
        assumeFalse(ai.djl.util.Utils.isOfflineMode(), "DJL offline mode skips the probe");
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        DatasetLoader.probeAddressOverride = InetSocketAddress.createUnresolved("127.0.0.1", closedPort);
        for (String spec : new String[] {"mnist", "fashion-mnist", "cifar10"}) {
            DatasetException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(DatasetException.class, () -> DatasetLoader.load(spec)));
            assertOfflineMessage(e, BuiltinDatasets.displayName(DatasetSpec.parse(spec).kind()));
        }
    }

    @Test
    void probeSeesLocalServerAndClosedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertTrue(BuiltinDatasets.reachable("127.0.0.1", s.getLocalPort(), Duration.ofSeconds(2)));
        }
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        assertTrue(!BuiltinDatasets.reachable("127.0.0.1", closedPort, Duration.ofSeconds(2)));
    }

    /** The real path against DJL's server; skipped if this machine can reach it. */
    @Test
    void realDownloadFailsFastWhenOffline() {
        assumeFalse(ai.djl.util.Utils.isOfflineMode(), "DJL offline mode skips the probe");
        InetSocketAddress repo = BuiltinDatasets.repositoryAddress();
        assumeTrue(repo != null, "DJL repository is not http(s)");
        assumeFalse(BuiltinDatasets.reachable(repo.getHostString(), repo.getPort(), Duration.ofSeconds(2)),
                "online: the download server is reachable");
        long t0 = System.nanoTime();
        DatasetException e = assertTimeoutPreemptively(Duration.ofSeconds(15),
                () -> assertThrows(DatasetException.class, () -> DatasetLoader.load("fashion-mnist")));
        assertOfflineMessage(e, "Fashion-MNIST");
        assertTrue(e.getMessage().contains(repo.getHostString()), e.getMessage());
        assertTrue((System.nanoTime() - t0) / 1e9 < 10);
    }
}
