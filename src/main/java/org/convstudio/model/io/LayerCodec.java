package org.convstudio.model.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.convstudio.model.layer.Activation;
import org.convstudio.model.layer.ActivationKind;
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
import org.convstudio.model.layer.LayerType;
import org.convstudio.model.layer.LocalResponseNorm;
import org.convstudio.model.layer.Padding;
import org.convstudio.model.layer.Pool2d;
import org.convstudio.model.layer.PoolMode;
import org.convstudio.model.layer.Softmax;
import org.convstudio.model.layer.Subsampling;

/**
 * Layer hyperparameters to and from JSON fields. The same fields are what the editor's inspector edits,
 * so one reader validates files and typed-in values alike.
 */
public final class LayerCodec {

    private static final Map<String, PoolMode> POOL_MODES = ids(PoolMode.values(), PoolMode::id);
    private static final Map<String, ActivationKind> ACTIVATIONS = ids(ActivationKind.values(), ActivationKind::id);

    private LayerCodec() {
    }

    private static <E> Map<String, E> ids(E[] values, Function<E, String> id) {
        Map<String, E> m = new LinkedHashMap<>();
        Arrays.stream(values).forEach(v -> m.put(id.apply(v), v));
        return m;
    }

    /** Writes the layer's hyperparameters (not its type) into {@code out}. */
    public static void write(Layer layer, ObjectNode out) {
        if (layer instanceof Input l) {
            out.put("channels", l.channels()).put("height", l.height()).put("width", l.width());
        } else if (layer instanceof Conv2d l) {
            out.put("filters", l.filters());
            pair(out, "kernel", l.kernelH(), l.kernelW());
            pair(out, "stride", l.strideH(), l.strideW());
            Padding p = l.padding();
            if (p.mode() == Padding.Mode.EXPLICIT) {
                pair(out, "padding", p.height(), p.width());
            } else {
                out.put("padding", p.toString());
            }
            pair(out, "dilation", l.dilationH(), l.dilationW());
            out.put("groups", l.groups()).put("bias", l.bias());
            if (l.hasConnectionTable()) {
                ArrayNode rows = out.putArray("connections");
                l.connections().forEach(r -> {
                    ArrayNode row = rows.addArray();
                    r.forEach(row::add);
                });
            }
        } else if (layer instanceof Pool2d l) {
            out.put("mode", l.mode().id());
            pair(out, "kernel", l.kernelH(), l.kernelW());
            pair(out, "stride", l.strideH(), l.strideW());
            pair(out, "padding", l.padH(), l.padW());
        } else if (layer instanceof Subsampling l) {
            out.put("kernel", l.kernel()).put("stride", l.stride());
        } else if (layer instanceof Activation l) {
            out.put("function", l.kind().id());
            if (l.kind().hasAlpha()) {
                out.put("alpha", l.alpha());
            }
        } else if (layer instanceof BatchNorm l) {
            out.put("epsilon", l.epsilon()).put("momentum", l.momentum());
        } else if (layer instanceof LocalResponseNorm l) {
            out.put("size", l.size()).put("alpha", l.alpha()).put("beta", l.beta()).put("k", l.k());
        } else if (layer instanceof Dropout l) {
            out.put("rate", l.rate());
        } else if (layer instanceof Dense l) {
            out.put("units", l.units()).put("bias", l.bias());
        }
        // GlobalAvgPool, Flatten, Softmax, Add, Concat have no hyperparameters.
    }

    private static void pair(ObjectNode out, String field, int h, int w) {
        if (h == w) {
            out.put(field, h);
        } else {
            out.putArray(field).add(h).add(w);
        }
    }

    /**
     * Reads a layer of {@code type} from {@code fields}; returns null and adds "path: message" problems
     * when a value is malformed or out of range. Fields named in {@code alsoAllowed} are not reported
     * as unknown.
     */
    public static Layer read(LayerType type, ObjectNode fields, String path, List<String> problems, String... alsoAllowed) {
        FieldReader f = new FieldReader(fields, path, problems);
        f.use(alsoAllowed);
        int before = problems.size();
        Layer layer;
        try {
            layer = build(type, f);
        } catch (IllegalArgumentException e) {
            // the value out of range is the problem; fields after it were never read, so they are not "unknown"
            if (problems.size() == before) {
                f.problem(null, e.getMessage());
            }
            return null;
        }
        f.rejectUnknown("a " + type.title() + " block");
        return problems.size() == before ? layer : null;
    }

    private static Layer build(LayerType type, FieldReader f) {
        switch (type) {
            case INPUT:
                return new Input(f.requiredInteger("channels"), f.requiredInteger("height"), f.requiredInteger("width"));
            case CONV2D: {
                int filters = f.requiredInteger("filters");
                int[] k = f.pair("kernel", 3);
                int[] s = f.pair("stride", 1);
                Padding p = f.padding("padding");
                int[] d = f.pair("dilation", 1);
                int groups = f.integer("groups", 1);
                boolean bias = f.bool("bias", true);
                List<List<Integer>> table = f.table("connections");
                return new Conv2d(filters, k[0], k[1], s[0], s[1], p, d[0], d[1], groups, bias, table);
            }
            case POOL2D: {
                PoolMode mode = f.choice("mode", POOL_MODES, PoolMode.MAX);
                int[] k = f.pair("kernel", 2);
                int[] s = f.has("stride") ? f.pair("stride", 1) : k.clone();
                int[] p = f.pair("padding", 0);
                return new Pool2d(mode, k[0], k[1], s[0], s[1], p[0], p[1]);
            }
            case SUBSAMPLING: {
                int k = f.integer("kernel", 2);
                return new Subsampling(k, f.integer("stride", k));
            }
            case GLOBAL_AVG_POOL:
                return new GlobalAvgPool();
            case ACTIVATION:
                return new Activation(f.choice("function", ACTIVATIONS, ActivationKind.RELU), f.number("alpha", 0));
            case BATCH_NORM:
                return new BatchNorm(f.number("epsilon", 1e-5), f.number("momentum", 0.1));
            case LOCAL_RESPONSE_NORM:
                return new LocalResponseNorm(f.integer("size", 5), f.number("alpha", 1e-4), f.number("beta", 0.75),
                        f.number("k", 2));
            case DROPOUT:
                return new Dropout(f.number("rate", 0.5));
            case FLATTEN:
                return new Flatten();
            case DENSE:
                return new Dense(f.requiredInteger("units"), f.bool("bias", true));
            case SOFTMAX:
                return new Softmax();
            case ADD:
                return new Add();
            case CONCAT:
                return new Concat();
            default:
                throw new IllegalArgumentException("unsupported block type " + type.id());
        }
    }
}
