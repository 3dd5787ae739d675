package org.convstudio.model.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.analysis.Totals;
import org.convstudio.model.graph.Network;
import org.convstudio.model.graph.Node;
import org.convstudio.model.layer.Conv2d;
import org.convstudio.model.layer.Input;
import org.convstudio.model.preset.Preset;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.Test;

/** The name map and the generated model.py, without Python. */
class TorchLayoutTest {

    @Test
    void everyPresetsTensorsAddUpToConvStudiosCounts() {
        for (Preset p : Presets.all()) {
            TorchLayout l = TorchLayout.of(p.network());
            Totals t = NetworkAnalyzer.analyze(p.network()).totals();
            assertEquals(t.trainableParams(), l.trainableParams(), p.id());
            assertEquals(t.nonTrainableParams(), l.nonTrainableParams(), p.id());
        }
        Totals zoo = NetworkAnalyzer.analyze(ExportZoo.network()).totals();
        assertEquals(zoo.trainableParams(), TorchLayout.of(ExportZoo.network()).trainableParams());
        assertEquals(zoo.nonTrainableParams(), TorchLayout.of(ExportZoo.network()).nonTrainableParams());
    }

    @Test
    void resnet18TakesTorchvisionsStateDictKeys() {
        TorchLayout l = TorchLayout.of(Presets.get("resnet18"));
        List<String> keys = l.tensors().stream().map(TorchTensor::key).toList();
        assertEquals(122, keys.size()); // torchvision's resnet18().state_dict() has 122 entries
        assertEquals(List.of("conv1.weight", "bn1.weight", "bn1.bias", "bn1.running_mean", "bn1.running_var",
                "bn1.num_batches_tracked"), keys.subList(0, 6));
        for (String k : List.of("layer1.0.conv1.weight", "layer1.1.bn2.running_var", "layer2.0.downsample.0.weight",
                "layer2.0.downsample.1.num_batches_tracked", "layer4.1.conv2.weight", "fc.weight", "fc.bias")) {
            assertTrue(keys.contains(k), k);
        }
        assertEquals("gamma", l.tensor("layer3.0.bn1.weight").orElseThrow().djlName());
        assertEquals("runningVar", l.tensor("layer3.0.bn1.running_var").orElseThrow().djlName());
        assertEquals(List.of(512L, 256L, 3L, 3L), TorchTensor.list(l.tensor("layer4.0.conv1.weight").orElseThrow().shape()));
        assertEquals(List.of(1000L, 512L), TorchTensor.list(l.tensor("fc.weight").orElseThrow().shape()));
    }

    @Test
    void idsThatCannotBeModulePathsGetFreeFlatNames() {
        TorchLayout l = TorchLayout.of(ExportZoo.network());
        assertEquals("a__b", l.modulePaths().get("a..b"));       // empty part
        assertEquals("train_", l.modulePaths().get("train"));    // nn.Module.train
        assertEquals("stem_bn", l.modulePaths().get("stem.bn")); // "stem" is a block, not a container
        assertEquals("fc_bn", l.modulePaths().get("fc.bn"));
        assertEquals("c3", l.modulePaths().get("c3"));
        assertEquals((3 + 4 + 2 + 5 + 2 + 4) * 9L,
                l.tensor("c3.weight").orElseThrow().elements()); // connected kernels only
        assertEquals(List.of(8L, 4L, 3L, 3L), TorchTensor.list(l.tensor("wide.weight").orElseThrow().shape()));
        assertTrue(l.tensor("narrow.bias").isEmpty());
    }

    @Test
    void modelPyWiresEveryBlock() {
        String py = PyTorchModelWriter.modelPy(TorchLayout.of(ExportZoo.network()));
        for (String line : List.of(
                "self._put(\"stem\", \"stem\", nn.Conv2d(1, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), dilation=(1, 1), groups=1, bias=True))",
                "nn.Conv2d(8, 8, kernel_size=(3, 3), stride=(1, 1), padding=(2, 2), dilation=(2, 2), groups=2, bias=True)",
                "nn.BatchNorm2d(8, eps=0.001, momentum=0.2)", "nn.BatchNorm1d(32, eps=1.0E-5, momentum=0.1)",
                "nn.LeakyReLU(negative_slope=0.2)", "nn.ELU(alpha=0.7)", "nn.LPPool2d(2, kernel_size=(2, 2), stride=(2, 2))",
                "nn.LocalResponseNorm(5, alpha=0.001, beta=0.75, k=2.0)",
                "TableConv2d(16, [[0, 1, 2], [3, 4, 5, 6], [7, 15], [8, 9, 10, 11, 12], [13, 14], [0, 5, 10, 15]]",
                "Subsampling(6, 2, 2)", "nn.AvgPool2d(kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), count_include_pad=True)",
                "x_a__b = m[\"a..b\"](x_train, x_side)", "x_vectors = m[\"vectors\"](x_flat, x_gap)",
                "self._put(\"probs\", \"probs\", nn.Softmax(dim=1))", "self._put(\"softmax\", \"softmax\", OutputSoftmax())",
                "return x_softmax", "INPUT_SHAPE = (1, 28, 28)", "NUM_CLASSES = 10")) {
            assertTrue(py.contains(line), line);
        }
    }

    @Test
    void anUnfinishedDesignIsRefusedWithTheAnalyzersMessage() {
        Network broken = new Network("Broken", List.of(Node.of("input", new Input(1, 8, 8)), Node.of("conv", Conv2d.of(4, 3))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TorchLayout.of(broken));
        assertTrue(e.getMessage().contains("nothing is connected"), e.getMessage());
    }
}
