package org.convstudio.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

class PulseDrainTest {

    @Test
    void deliversOnlyTheLatestSnapshotOncePerDrain() {
        List<Integer> seen = new ArrayList<>();
        PulseDrain<Integer> drain = new PulseDrain<>(seen::add);
        assertFalse(drain.drain(), "nothing published yet");
        drain.publish(1);
        drain.publish(2);
        drain.publish(3);
        assertTrue(drain.isPending());
        assertTrue(drain.drain());
        assertFalse(drain.drain(), "a snapshot is delivered once");
        assertEquals(List.of(3), seen);
        assertEquals(3, drain.publishedCount());
        assertEquals(1, drain.deliveredCount());
    }

    @Test
    void manyProducersNeverLoseTheFinalSnapshot() throws InterruptedException {
        List<long[]> seen = new ArrayList<>();
        PulseDrain<long[]> drain = new PulseDrain<>(seen::add);
        int threads = 4;
        int perThread = 50_000;
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            final int id = t;
            Thread th = new Thread(() -> {
                for (int i = 1; i <= perThread; i++) {
                    drain.publish(new long[] {id, i});
                }
                done.countDown();
            });
            th.start();
        }
        // the "FX thread": drain while producers run, like pulses would
        while (done.getCount() > 0) {
            drain.drain();
            Thread.onSpinWait();
        }
        done.await();
        drain.drain();
        assertEquals((long) threads * perThread, drain.publishedCount());
        assertTrue(drain.deliveredCount() < drain.publishedCount(), "intermediate snapshots are coalesced");
        assertEquals(perThread, seen.get(seen.size() - 1)[1], "the last delivered snapshot is a final one");
        assertFalse(drain.isPending());
    }

    @Test
    void appendOnlySnapshotsStayValidWhileTheWriterGrows() {
        AppendOnlySeries series = new AppendOnlySeries(4);
        series.append(0, 10);
        series.append(1, 11);
        AppendOnlySeries.Snapshot early = series.snapshot();
        for (int i = 2; i < 1000; i++) {
            series.append(i, 10 + i);
        }
        AppendOnlySeries.Snapshot late = series.snapshot();
        assertEquals(2, early.size());
        assertEquals(11, early.ys()[1]);
        assertEquals(1000, late.size());
        assertEquals(1009, late.lastY());
    }
}
