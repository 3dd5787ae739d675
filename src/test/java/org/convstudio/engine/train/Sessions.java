package org.convstudio.engine.train;

import ai.djl.ndarray.types.Shape;
import org.convstudio.engine.bench.BenchNetworks;
import org.convstudio.engine.device.TorchThreads;

/** Session factory for tests: LeNet on 1×28×28, 10 classes, all cores. */
final class Sessions {

    private Sessions() {
    }

    static TrainingSession.Builder lenet(TrainingConfig config) {
        return TrainingSession.builder()
                .setNetwork(BenchNetworks::lenet, new Shape(1, 28, 28), 10)
                .setConfig(config)
                .optThreads(TorchThreads.forHeadless());
    }
}
