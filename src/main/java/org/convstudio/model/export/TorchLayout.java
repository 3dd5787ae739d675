package org.convstudio.model.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.convstudio.model.Shape;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.graph.Network;
import org.convstudio.model.graph.Node;
import org.convstudio.model.layer.BatchNorm;
import org.convstudio.model.layer.Conv2d;
import org.convstudio.model.layer.Dense;
import org.convstudio.model.layer.Input;
import org.convstudio.model.layer.Layer;
import org.convstudio.model.layer.Subsampling;

/**
 * The name map between a design and its PyTorch module: each block's module path (the block's id,
 * whose dots make nested modules as torchvision names them: {@code layer1.0.conv1}) and the
 * {@code state_dict} entries it owns, with the matching ConvStudio (DJL) parameter names. The exporter
 * writes {@code model.py} and {@code weights.safetensors} from it; the importer matches a
 * {@code state_dict} against it.
 *
 * <p>A block id that cannot be a module path (an empty part as in {@code a..b}, a part that is one of
 * {@code nn.Module}'s own attribute names such as {@code train}, or an id that extends another block's
 * id, as {@code stem.bn} after a block {@code stem}) gets a flat name instead: dots become underscores, with underscores
 * appended until the name is free.
 */
public final class TorchLayout {

    /** Attribute names of {@code torch.nn.Module} (and of the generated classes) a child module cannot take. */
    static final Set<String> RESERVED = Set.of("T_destination", "add_module", "apply", "bfloat16", "buffers",
            "call_super_init", "children", "compile", "cpu", "cuda", "double", "dump_patches", "eval", "extra_repr",
            "float", "forward", "get_buffer", "get_extra_state", "get_parameter", "get_submodule", "half", "ipu",
            "load_state_dict", "modules", "mtia", "named_buffers", "named_children", "named_modules",
            "named_parameters", "parameters", "register_backward_hook", "register_buffer", "register_forward_hook",
            "register_forward_pre_hook", "register_full_backward_hook", "register_full_backward_pre_hook",
            "register_load_state_dict_post_hook", "register_load_state_dict_pre_hook", "register_module",
            "register_parameter", "register_state_dict_post_hook", "register_state_dict_pre_hook", "requires_grad_",
            "set_extra_state", "set_submodule", "share_memory", "state_dict", "to", "to_empty", "train", "training",
            "type", "xpu", "zero_grad", "probabilities", "by_node", "_by_node", "_put");

    /**
     * One block of the design as PyTorch sees it.
     *
     * @param path      the module path (null for the Input block, which has no module)
     * @param variable  the Python variable that holds the block's output in {@code forward}
     * @param inputs    the ids of the blocks it reads
     * @param inShapes  the shapes it reads
     * @param output    the shape it produces
     * @param isOutput  whether it is the network's last block
     */
    public record Block(String nodeId, Layer layer, String path, String variable, List<String> inputs,
                        List<Shape> inShapes, Shape output, boolean isOutput, List<TorchTensor> tensors) {
    }

    private final Network network;
    private final Analysis analysis;
    private final List<Block> blocks;
    private final Map<String, TorchTensor> byKey = new LinkedHashMap<>();

    private TorchLayout(Network network, Analysis analysis, List<Block> blocks) {
        this.network = network;
        this.analysis = analysis;
        this.blocks = List.copyOf(blocks);
        for (Block b : blocks) {
            for (TorchTensor t : b.tensors()) {
                byKey.put(t.key(), t);
            }
        }
    }

    /**
     * The layout of a valid design that ends in class scores.
     *
     * @throws IllegalArgumentException saying what to fix when the design cannot be exported
     */
    public static TorchLayout of(Network network) {
        Analysis a = NetworkAnalyzer.analyze(network);
        a.trainBlocker().ifPresent(msg -> {
            throw new IllegalArgumentException(msg);
        });
        Map<String, String> paths = modulePaths(network, a.order());
        Map<String, String> variables = variables(a.order());
        List<Block> blocks = new ArrayList<>();
        for (String id : a.order()) {
            Node n = network.node(id).orElseThrow();
            List<Shape> in = n.inputs().stream().map(i -> a.info(i).orElseThrow().output()).toList();
            Shape out = a.info(id).orElseThrow().output();
            String path = paths.get(id);
            List<TorchTensor> tensors = path == null ? List.of() : tensors(id, path, n.layer(), in);
            if (!n.trainable()) { // a frozen block: its parameters do not require gradients
                tensors = tensors.stream().map(t -> new TorchTensor(t.key(), t.nodeId(), t.djlName(), t.shape(), t.integer(),
                        false)).toList();
            }
            blocks.add(new Block(id, n.layer(), path, variables.get(id), n.inputs(), in, out, id.equals(a.outputId()),
                    tensors));
        }
        return new TorchLayout(network, a, blocks);
    }

    public Network network() {
        return network;
    }

    public Analysis analysis() {
        return analysis;
    }

    /** The blocks in evaluation order (input first). */
    public List<Block> blocks() {
        return blocks;
    }

    public Optional<Block> block(String nodeId) {
        return blocks.stream().filter(b -> b.nodeId().equals(nodeId)).findFirst();
    }

    /** Every state_dict entry, in module order. */
    public List<TorchTensor> tensors() {
        return List.copyOf(byKey.values());
    }

    public Optional<TorchTensor> tensor(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The input shape (C, H, W). */
    public Shape inputShape() {
        return analysis.inputShape().orElseThrow();
    }

    public int classCount() {
        return analysis.outputShape().orElseThrow().channels();
    }

    /**
     * Learnt values: ConvStudio's trainable count, and PyTorch's
     * {@code sum(p.numel() for p in parameters() if p.requires_grad)}.
     */
    public long trainableParams() {
        return byKey.values().stream().filter(TorchTensor::trainable).mapToLong(TorchTensor::elements).sum();
    }

    /**
     * Stored values ConvStudio counts as non-trainable: batch norm's running mean and variance (not its
     * batch counter) and the parameters of frozen blocks.
     */
    public long nonTrainableParams() {
        return byKey.values().stream().filter(t -> !t.trainable() && t.kept()).mapToLong(TorchTensor::elements).sum();
    }

    /** The module path of each block (none for Input blocks). */
    public Map<String, String> modulePaths() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Block b : blocks) {
            if (b.path() != null) {
                m.put(b.nodeId(), b.path());
            }
        }
        return Collections.unmodifiableMap(m);
    }

    // ------------------------------------------------------------------ naming

    static Map<String, String> modulePaths(Network network, List<String> order) {
        List<String> ids = new ArrayList<>();
        for (String id : order) {
            if (!(network.node(id).orElseThrow().layer() instanceof Input)) {
                ids.add(id);
            }
        }
        Set<String> blocks = new HashSet<>(ids);
        Set<String> nested = new HashSet<>();
        for (String id : ids) {
            if (nestable(id) && prefixes(id).stream().noneMatch(blocks::contains)) {
                nested.add(id); // "stem.bn" stays flat when "stem" is a block itself
            }
        }
        Set<String> prefixes = new HashSet<>();
        for (String id : nested) {
            prefixes.addAll(prefixes(id));
        }
        Map<String, String> paths = new HashMap<>();
        Set<String> used = new HashSet<>();
        List<String> flat = new ArrayList<>();
        for (String id : ids) {
            if (nested.contains(id)) {
                paths.put(id, id);
                used.add(id);
            } else {
                flat.add(id);
            }
        }
        Set<String> containers = new HashSet<>(prefixes);
        for (String id : flat) {
            String name = id.replace('.', '_');
            while (name.isEmpty() || RESERVED.contains(name) || used.contains(name) || containers.contains(name)) {
                name = name + "_";
            }
            paths.put(id, name);
            used.add(name);
        }
        return paths;
    }

    private static List<String> prefixes(String id) {
        List<String> out = new ArrayList<>();
        for (int i = id.indexOf('.'); i > 0; i = id.indexOf('.', i + 1)) {
            out.add(id.substring(0, i));
        }
        return out;
    }

    private static boolean nestable(String id) {
        for (String part : id.split("\\.", -1)) {
            if (part.isEmpty() || RESERVED.contains(part)) {
                return false;
            }
        }
        return true;
    }

    /** Python identifiers for the outputs of the blocks: x_ + the id with other characters as underscores. */
    static Map<String, String> variables(List<String> order) {
        Map<String, String> vars = new HashMap<>();
        Set<String> used = new HashSet<>();
        for (String id : order) {
            String v = "x_" + id.replaceAll("[^A-Za-z0-9_]", "_");
            String base = v;
            for (int i = 2; used.contains(v); i++) {
                v = base + "_" + i;
            }
            used.add(v);
            vars.put(id, v);
        }
        return vars;
    }

    // ------------------------------------------------------------------ tensors

    private static List<TorchTensor> tensors(String id, String path, Layer layer, List<Shape> in) {
        List<TorchTensor> t = new ArrayList<>();
        if (layer instanceof Conv2d c) {
            int channels = in.get(0).channels();
            if (c.hasConnectionTable()) {
                long connected = 0;
                for (List<Integer> row : c.connections()) {
                    connected += (long) row.size() * c.kernelH() * c.kernelW();
                }
                t.add(param(path, "weight", id, "weight", connected));
            } else {
                t.add(param(path, "weight", id, "weight", c.filters(), channels / c.groups(), c.kernelH(), c.kernelW()));
            }
            if (c.bias()) {
                t.add(param(path, "bias", id, "bias", c.filters()));
            }
        } else if (layer instanceof Dense d) {
            t.add(param(path, "weight", id, "weight", d.units(), in.get(0).channels()));
            if (d.bias()) {
                t.add(param(path, "bias", id, "bias", d.units()));
            }
        } else if (layer instanceof Subsampling) {
            int channels = in.get(0).channels();
            t.add(param(path, "coefficient", id, "coefficient", channels));
            t.add(param(path, "bias", id, "bias", channels));
        } else if (layer instanceof BatchNorm) {
            int channels = in.get(0).channels();
            t.add(param(path, "weight", id, "gamma", channels));
            t.add(param(path, "bias", id, "beta", channels));
            t.add(new TorchTensor(path + ".running_mean", id, "runningMean", new long[] {channels}, false, false));
            t.add(new TorchTensor(path + ".running_var", id, "runningVar", new long[] {channels}, false, false));
            t.add(new TorchTensor(path + ".num_batches_tracked", id, null, new long[0], true, false));
        }
        return t;
    }

    private static TorchTensor param(String path, String name, String id, String djlName, long... shape) {
        return new TorchTensor(path + "." + name, id, djlName, shape, false, true);
    }
}
