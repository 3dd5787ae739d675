package org.convstudio.engine.export;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.convstudio.engine.build.NetworkBlock;
import org.convstudio.engine.device.Devices;
import org.convstudio.engine.train.RunFolder;
import org.convstudio.model.graph.Network;

/** A design's DJL model on the CPU: loaded from a run folder's weights, or freshly initialised. */
final class DjlModels {

    private DjlModels() {
    }

    /** A model whose block is the design, with the run folder's weights.params loaded (as RunFolder loads them). */
    static Model load(Network network, Path runFolder) throws IOException {
        Model model = Model.newInstance("convstudio", Device.cpu(), Devices.ENGINE);
        try {
            model.setBlock(NetworkBlock.of(network));
            try (InputStream in = Files.newInputStream(runFolder.resolve(RunFolder.WEIGHTS))) {
                model.load(in);
            }
            return model;
        } catch (MalformedModelException e) {
            model.close();
            throw new IOException("the weights in " + runFolder.resolve(RunFolder.WEIGHTS)
                    + " do not fit its architecture.json: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** A model whose block is the design, initialised with fresh random weights from {@code seed}. */
    static Model fresh(Network network, long seed) {
        Model model = Model.newInstance("convstudio", Device.cpu(), Devices.ENGINE);
        NetworkBlock block = NetworkBlock.of(network);
        model.setBlock(block);
        Devices.engine().setRandomSeed((int) seed);
        block.initialize(model.getNDManager(), DataType.FLOAT32, block.inputShape(1));
        return model;
    }

    /**
     * Writes the model's weights in DJL's .params layout, the one {@code Model.load} reads and
     * RunFolder writes: "DJL@", format version 1, model name, data type, the input description, one
     * property (the epoch), then the block's parameters.
     */
    static void writeParams(Model model, Shape inputShape, int epoch, Path file) throws IOException {
        try (DataOutputStream dos = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            dos.writeBytes("DJL@");
            dos.writeInt(1);
            dos.writeUTF(model.getName());
            dos.writeUTF(model.getDataType().name());
            dos.writeInt(1);
            dos.writeUTF("data0");
            dos.write(inputShape.getEncoded());
            dos.writeInt(1);
            dos.writeUTF("Epoch");
            dos.writeUTF(Integer.toString(epoch));
            model.getBlock().saveParameters(dos);
        }
    }
}
