package org.convstudio.model.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.convstudio.model.Shape;
import org.convstudio.model.layer.Activation;
import org.convstudio.model.layer.Add;
import org.convstudio.model.layer.BatchNorm;
import org.convstudio.model.layer.Concat;
import org.convstudio.model.layer.Conv2d;
import org.convstudio.model.layer.Dense;
import org.convstudio.model.layer.Dropout;
import org.convstudio.model.layer.Flatten;
import org.convstudio.model.layer.GlobalAvgPool;
import org.convstudio.model.layer.Input;
import org.convstudio.model.layer.Layer;
import org.convstudio.model.layer.LocalResponseNorm;
import org.convstudio.model.layer.Pool2d;
import org.convstudio.model.layer.Softmax;
import org.convstudio.model.layer.Subsampling;
import org.convstudio.model.layer.Window;

/**
 * Writes a self-contained {@code model.py}: helper modules for the blocks PyTorch has no class for,
 * a {@code Net(nn.Module)} with one module per design block (in the design's order, under the paths
 * of {@link TorchLayout}), a {@code forward} that wires them as the design does, {@code build()}, and
 * safetensors reading/writing that needs nothing beyond PyTorch.
 */
public final class PyTorchModelWriter {

    /** The file names the exporter writes. */
    public static final String MODEL_FILE = "model.py";
    public static final String TRAIN_FILE = "train.py";
    public static final String SETTINGS_FILE = "settings.json";
    public static final String WEIGHTS_FILE = "weights.safetensors";

    private PyTorchModelWriter() {
    }

    /** The text of model.py for {@code layout}. */
    public static String modelPy(TorchLayout layout) {
        StringBuilder s = new StringBuilder();
        Shape in = layout.inputShape();
        String name = layout.network().name().replace("\\", "/").replace("\"\"\"", "'''");
        s.append("\"\"\"").append(name).append(" — exported from ConvStudio.\n\n")
                .append("build() returns the design as a torch.nn.Module with one module per block, in the design's order;\n")
                .append("its state_dict keys are the block ids followed by the tensor name (\"conv1.weight\"), so ConvStudio\n")
                .append("can import weights trained here (convstudio import weights ...). It returns class scores (logits),\n")
                .append("like ConvStudio: use CrossEntropyLoss for training and Net.probabilities(x) for probabilities.\n\n")
                .append("Parameters: ").append(String.format(Locale.ROOT, "%,d", layout.trainableParams()))
                .append(" trainable, ").append(String.format(Locale.ROOT, "%,d", layout.nonTrainableParams()))
                .append(" non-trainable (batch-norm running statistics), as ConvStudio counts them.\n\"\"\"\n\n");
        s.append(resource("model_prelude.py")).append("\n\n");
        s.append("# ----------------------------------------------------------------------------- the design\n\n");
        s.append("NAME = ").append(pyString(layout.network().name())).append('\n');
        s.append("INPUT_SHAPE = (").append(in.channels()).append(", ").append(in.height()).append(", ")
                .append(in.width()).append(")\n");
        s.append("NUM_CLASSES = ").append(layout.classCount()).append('\n');
        s.append("TRAINABLE_PARAMS = ").append(layout.trainableParams()).append('\n');
        s.append("NON_TRAINABLE_PARAMS = ").append(layout.nonTrainableParams()).append('\n');
        s.append("# design block id -> module path (they differ only where an id cannot be a module path)\n");
        s.append("MODULE_PATHS = {\n");
        layout.modulePaths().forEach((id, path) -> s.append("    ").append(pyString(id)).append(": ")
                .append(pyString(path)).append(",\n"));
        s.append("}\n\n\n");
        s.append("class Net(nn.Module):\n");
        s.append("    \"\"\"").append(name).append(": one module per design block.\"\"\"\n\n");
        s.append("    def __init__(self):\n");
        s.append("        super().__init__()\n");
        s.append("        self._by_node = {}\n");
        for (TorchLayout.Block b : layout.blocks()) {
            if (b.path() == null) {
                continue;
            }
            s.append("        # ").append(b.nodeId()).append(": ").append(b.layer().type().title()).append(' ')
                    .append(b.layer().summary()).append(" -> ").append(b.output()).append('\n');
            s.append("        self._put(").append(pyString(b.nodeId())).append(", ").append(pyString(b.path()))
                    .append(", ").append(module(b)).append(")");
            if (!layout.network().node(b.nodeId()).orElseThrow().trainable()) {
                s.append(".requires_grad_(False)  # frozen in ConvStudio");
            }
            s.append('\n');
        }
        s.append("\n    def _put(self, node_id, path, module):\n");
        s.append("        parent = self\n");
        s.append("        parts = path.split(\".\")\n");
        s.append("        for part in parts[:-1]:\n");
        s.append("            if part not in parent._modules:\n");
        s.append("                parent.add_module(part, Scope())\n");
        s.append("            parent = parent._modules[part]\n");
        s.append("        parent.add_module(parts[-1], module)\n");
        s.append("        self._by_node[node_id] = module\n");
        s.append("        return module\n\n");
        s.append("    def forward(self, x):\n");
        s.append("        m = self._by_node\n");
        String output = "x";
        for (TorchLayout.Block b : layout.blocks()) {
            if (b.layer() instanceof Input) {
                s.append("        ").append(b.variable()).append(" = x\n");
            } else {
                String args = b.inputs().stream().map(i -> layout.block(i).orElseThrow().variable())
                        .collect(Collectors.joining(", "));
                s.append("        ").append(b.variable()).append(" = m[").append(pyString(b.nodeId())).append("](")
                        .append(args).append(")\n");
            }
            if (b.isOutput()) {
                output = b.variable();
            }
        }
        s.append("        return ").append(output).append("\n\n");
        s.append("    def probabilities(self, x):\n");
        s.append("        \"\"\"Class probabilities (the softmax of the class scores).\"\"\"\n");
        s.append("        return torch.softmax(self(x), dim=1)\n\n\n");
        s.append("def build():\n");
        s.append("    \"\"\"The design as a fresh, randomly initialised nn.Module.\"\"\"\n");
        s.append("    return Net()\n\n\n");
        s.append("def load_weights(model, path):\n");
        s.append("    \"\"\"Loads a weights.safetensors written by ConvStudio or train.py into model; returns its metadata.\"\"\"\n");
        s.append("    tensors, metadata = load_safetensors(path)\n");
        s.append("    missing = [k for k, v in model.state_dict().items() if k not in tensors and not k.endswith(\"num_batches_tracked\")]\n");
        s.append("    if missing:\n");
        s.append("        raise ValueError(f\"{path} has no tensor {missing[0]} ({len(missing)} missing): was it written for another design?\")\n");
        s.append("    model.load_state_dict(tensors, strict=False)\n");
        s.append("    return metadata\n\n\n");
        s.append("if __name__ == \"__main__\":\n");
        s.append("    net = build()\n");
        s.append("    n = sum(p.numel() for p in net.parameters() if p.requires_grad)\n");
        s.append("    print(f\"{NAME}: {n:,} trainable parameters (ConvStudio: {TRAINABLE_PARAMS:,})\")\n");
        s.append("    print(net(torch.zeros(2, *INPUT_SHAPE)).shape)\n");
        return s.toString();
    }

    /** The text of train.py (the same for every design: it reads model.py and settings.json beside it). */
    public static String trainPy() {
        return resource("train.py");
    }

    static String module(TorchLayout.Block b) {
        Layer layer = b.layer();
        int inC = b.inShapes().isEmpty() ? 0 : b.inShapes().get(0).channels();
        if (layer instanceof Conv2d c) {
            Window w = c.window();
            String geometry = "kernel_size=" + pair(c.kernelH(), c.kernelW()) + ", stride=" + pair(w.strideH(), w.strideW())
                    + ", padding=" + pair(w.padTop(), w.padLeft()) + ", dilation=" + pair(w.dilationH(), w.dilationW());
            if (c.hasConnectionTable()) {
                String table = c.connections().stream().map(r -> r.stream().map(String::valueOf)
                        .collect(Collectors.joining(", ", "[", "]"))).collect(Collectors.joining(", ", "[", "]"));
                return "TableConv2d(" + inC + ", " + table + ", " + geometry + ", bias=" + bool(c.bias()) + ")";
            }
            return "nn.Conv2d(" + inC + ", " + c.filters() + ", " + geometry + ", groups=" + c.groups() + ", bias="
                    + bool(c.bias()) + ")";
        } else if (layer instanceof Pool2d p) {
            String k = "kernel_size=" + pair(p.kernelH(), p.kernelW()) + ", stride=" + pair(p.strideH(), p.strideW());
            return switch (p.mode()) {
                case MAX -> "nn.MaxPool2d(" + k + ", padding=" + pair(p.padH(), p.padW()) + ")";
                case AVG -> "nn.AvgPool2d(" + k + ", padding=" + pair(p.padH(), p.padW()) + ", count_include_pad=True)";
                case L2 -> "nn.LPPool2d(2, " + k + ")";
            };
        } else if (layer instanceof Subsampling s) {
            return "Subsampling(" + inC + ", " + s.kernel() + ", " + s.stride() + ")";
        } else if (layer instanceof GlobalAvgPool) {
            return "GlobalAvgPool()";
        } else if (layer instanceof Activation a) {
            return switch (a.kind()) {
                case RELU -> "nn.ReLU()";
                case LEAKY_RELU -> "nn.LeakyReLU(negative_slope=" + num(a.alpha()) + ")";
                case ELU -> "nn.ELU(alpha=" + num(a.alpha()) + ")";
                case GELU -> "nn.GELU()";
                case SIGMOID -> "nn.Sigmoid()";
                case TANH -> "nn.Tanh()";
            };
        } else if (layer instanceof BatchNorm bn) {
            // ConvStudio keeps PyTorch's conventions: momentum is the weight of the new batch statistic
            String kind = b.inShapes().get(0).spatial() ? "nn.BatchNorm2d(" : "nn.BatchNorm1d(";
            return kind + inC + ", eps=" + num(bn.epsilon()) + ", momentum=" + num(bn.momentum()) + ")";
        } else if (layer instanceof LocalResponseNorm l) {
            return "nn.LocalResponseNorm(" + l.size() + ", alpha=" + num(l.alpha()) + ", beta=" + num(l.beta()) + ", k="
                    + num(l.k()) + ")";
        } else if (layer instanceof Dropout d) {
            return "nn.Dropout(p=" + num(d.rate()) + ")";
        } else if (layer instanceof Flatten) {
            return "nn.Flatten()";
        } else if (layer instanceof Dense d) {
            return "nn.Linear(" + inC + ", " + d.units() + ", bias=" + bool(d.bias()) + ")";
        } else if (layer instanceof Softmax) {
            return b.isOutput() ? "OutputSoftmax()" : "nn.Softmax(dim=1)";
        } else if (layer instanceof Add) {
            return "Add()";
        } else if (layer instanceof Concat) {
            return "Concat()";
        }
        throw new IllegalArgumentException("no PyTorch module for a " + layer.type().title() + " block");
    }

    private static String pair(int a, int b) {
        return "(" + a + ", " + b + ")";
    }

    private static String bool(boolean b) {
        return b ? "True" : "False";
    }

    /** A Python float literal that reads back as the same double. */
    static String num(double v) {
        return Double.toString(v);
    }

    /** A double-quoted Python string literal (ASCII escapes for anything unusual). */
    static String pyString(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                s.append('\\').append(ch);
            } else if (ch < 0x20 || ch > 0x7e) {
                s.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
            } else {
                s.append(ch);
            }
        }
        return s.append('"').toString();
    }

    static String resource(String name) {
        try (InputStream in = PyTorchModelWriter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("ConvStudio is missing its resource " + name + " — reinstall it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shapes for messages. */
    static String shapes(List<Shape> shapes) {
        return shapes.stream().map(Shape::toString).collect(Collectors.joining(", "));
    }
}
