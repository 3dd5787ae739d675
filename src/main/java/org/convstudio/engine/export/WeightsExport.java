package org.convstudio.engine.export;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.convstudio.engine.build.NetworkBlock;
import org.convstudio.model.export.TorchLayout;
import org.convstudio.model.export.TorchTensor;
import org.convstudio.model.graph.Network;

/**
 * Writes a run folder's trained weights as {@code weights.safetensors}, one tensor per entry of the
 * exported module's {@code state_dict}, named by its key. Batch norm's {@code num_batches_tracked},
 * which ConvStudio does not keep, is written as the run's optimiser step count.
 */
public final class WeightsExport {

    private WeightsExport() {
    }

    /**
     * @param network     the run's architecture
     * @param runFolder   a folder with weights.params
     * @param steps       optimiser steps the run took (for num_batches_tracked)
     * @return the number of tensors written
     */
    public static int write(Network network, Path runFolder, long steps, Path file) throws IOException {
        TorchLayout layout = TorchLayout.of(network);
        try (Model model = DjlModels.load(network, runFolder); NDManager m = model.getNDManager().newSubManager()) {
            Map<String, Parameter> params = DjlParameters.byKey((NetworkBlock) model.getBlock(), layout);
            NDList list = new NDList();
            for (TorchTensor t : layout.tensors()) {
                NDArray a;
                if (t.kept()) {
                    a = params.get(t.key()).getArray().duplicate();
                    a.attach(m);
                    if (!t.sameShape(a.getShape().getShape())) {
                        throw new IllegalStateException(t.key() + " has shape " + a.getShape() + ", expected " + t.shapeText());
                    }
                } else {
                    a = m.create(steps).reshape(new Shape());
                }
                a.setName(t.key());
                list.add(a);
            }
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".weights-", ".tmp");
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                    list.encode(out, NDList.Encoding.SAFETENSORS); // streamed: VGG-16's 553 MB never sit in one array
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return list.size();
        }
    }
}
