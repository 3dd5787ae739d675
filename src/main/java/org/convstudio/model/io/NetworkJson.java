package org.convstudio.model.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.convstudio.model.graph.Network;
import org.convstudio.model.graph.Node;
import org.convstudio.model.layer.Layer;
import org.convstudio.model.layer.LayerType;

/**
 * The network file format ({@code *.convnet.json}): a format version, the network's name and its nodes
 * (id, type, inputs, editor position and hyperparameters) — nothing else. Reading checks everything
 * and reports problems with their JSON path; a file from a newer format is refused with a clear message.
 * A well-formed file may still hold an unfinished design (a dangling block, a shape that does not fit):
 * those are the analyzer's business, so that work in progress can always be saved and reopened.
 */
public final class NetworkJson {

    /** The format this version writes and reads. */
    public static final int FORMAT = 1;
    public static final String EXTENSION = ".convnet.json";
    private static final int MAX_NODES = 10_000;
    private static final long MAX_BYTES = 16L << 20;

    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build())
            .enable(SerializationFeature.INDENT_OUTPUT);

    private NetworkJson() {
    }

    // ----- writing

    public static ObjectNode toTree(Network network) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("name", network.name());
        ArrayNode nodes = root.putArray("nodes");
        for (Node n : network.nodes()) {
            ObjectNode o = nodes.addObject();
            o.put("id", n.id());
            o.put("type", n.layer().type().id());
            if (!n.inputs().isEmpty()) {
                ArrayNode in = o.putArray("inputs");
                n.inputs().forEach(in::add);
            }
            o.put("x", Math.round(n.x() * 10) / 10.0);
            o.put("y", Math.round(n.y() * 10) / 10.0);
            if (!n.trainable()) {
                o.put("trainable", false); // optional field, true when absent
            }
            LayerCodec.write(n.layer(), o);
        }
        return root;
    }

    public static String toJson(Network network) {
        try {
            return MAPPER.writeValueAsString(toTree(network)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen: a tree always serialises", e);
        }
    }

    /** Writes atomically: a temporary file in the same folder, then a rename over the target. */
    public static void write(Network network, Path file) throws IOException {
        AtomicFiles.write(file, toJson(network).getBytes(StandardCharsets.UTF_8));
    }

    // ----- reading

    public static Network read(Path file) throws NetworkFileException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new NetworkFileException(name, List.of("the file is larger than 16 MB — it is not a network design"));
            }
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new NetworkFileException(name, List.of("the file does not exist (" + file.toAbsolutePath() + ")"));
        } catch (IOException e) {
            throw new NetworkFileException(name, List.of("the file cannot be read: " + e.getMessage()));
        }
        return parse(name, new String(bytes, StandardCharsets.UTF_8), defaultName(name));
    }

    private static String defaultName(String fileName) {
        String n = fileName;
        if (n.endsWith(EXTENSION)) {
            n = n.substring(0, n.length() - EXTENSION.length());
        } else if (n.endsWith(".json")) {
            n = n.substring(0, n.length() - 5);
        }
        return n.isBlank() ? "Untitled" : n;
    }

    /** Parses a network from JSON text; {@code source} names it in messages. */
    public static Network parse(String source, String json) throws NetworkFileException {
        return parse(source, json, "Untitled");
    }

    private static Network parse(String source, String json, String fallbackName) throws NetworkFileException {
        if (json.isBlank()) {
            throw new NetworkFileException(source, List.of("the file is empty"));
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new NetworkFileException(source, List.of("it is not valid JSON" + where + " (" + e.getOriginalMessage() + ")"));
        }
        List<String> problems = new ArrayList<>();
        Network n = fromTree(root, fallbackName, problems);
        if (!problems.isEmpty()) {
            throw new NetworkFileException(source, problems);
        }
        return n;
    }

    static Network fromTree(JsonNode root, String fallbackName, List<String> problems) {
        if (root == null || !root.isObject()) {
            problems.add("$: expected an object with \"format\", \"name\" and \"nodes\" — this is not a ConvStudio network file");
            return null;
        }
        JsonNode format = root.get("format");
        if (format == null) {
            problems.add("$.format: is missing — this is not a ConvStudio network file");
            return null;
        }
        if (!format.isIntegralNumber()) {
            problems.add("$.format: expected a whole number, found " + FieldReader.describe(format));
            return null;
        }
        if (format.asLong() > FORMAT) {
            problems.add("$.format: this file was written by a newer ConvStudio (format " + format.asLong()
                    + "); this version reads format " + FORMAT + " — update ConvStudio to open it");
            return null;
        }
        if (format.asLong() < 1) {
            problems.add("$.format: " + format.asLong() + " is not a format version (they start at 1)");
            return null;
        }
        String name = fallbackName;
        JsonNode nameNode = root.get("name");
        if (nameNode != null && !nameNode.isNull()) {
            if (nameNode.isTextual()) {
                name = nameNode.asText();
            } else {
                problems.add("$.name: expected text, found " + FieldReader.describe(nameNode));
            }
        }
        root.fieldNames().forEachRemaining(f -> {
            if (!Set.of("format", "name", "nodes").contains(f)) {
                problems.add("$." + f + ": unknown field — a network file holds only format, name and nodes");
            }
        });
        JsonNode nodes = root.get("nodes");
        if (nodes == null || !nodes.isArray()) {
            problems.add("$.nodes: expected a list of blocks" + (nodes == null ? ", but it is missing" : ", found " + FieldReader.describe(nodes)));
            return null;
        }
        if (nodes.size() > MAX_NODES) {
            problems.add("$.nodes: " + nodes.size() + " blocks is more than the " + MAX_NODES + " a design may have");
            return null;
        }
        List<Node> list = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            readNode(nodes.get(i), "$.nodes[" + i + "]", ids, problems).ifPresent(list::add);
        }
        return new Network(name, list);
    }

    private static Optional<Node> readNode(JsonNode n, String path, Set<String> ids, List<String> problems) {
        if (!n.isObject()) {
            problems.add(path + ": expected a block object, found " + FieldReader.describe(n));
            return Optional.empty();
        }
        ObjectNode o = (ObjectNode) n;
        JsonNode idNode = o.get("id");
        String id = null;
        if (idNode == null || !idNode.isTextual() || idNode.asText().isBlank()) {
            problems.add(path + ".id: every block needs a name (text such as \"conv1\")");
        } else {
            id = idNode.asText();
            if (!ids.add(id)) {
                problems.add(path + ".id: the name \"" + id + "\" is used by two blocks — names must be unique");
            }
        }
        JsonNode typeNode = o.get("type");
        Optional<LayerType> type = typeNode != null && typeNode.isTextual() ? LayerType.byId(typeNode.asText()) : Optional.empty();
        if (type.isEmpty()) {
            List<String> known = java.util.Arrays.stream(LayerType.values()).map(LayerType::id).toList();
            problems.add(path + ".type: " + (typeNode == null ? "is missing" : "unknown block type " + FieldReader.describe(typeNode))
                    + " — known types: " + String.join(", ", known));
            return Optional.empty();
        }
        List<String> inputs = new ArrayList<>();
        JsonNode in = o.get("inputs");
        if (in != null && !in.isNull()) {
            if (!in.isArray()) {
                problems.add(path + ".inputs: expected a list of block names, found " + FieldReader.describe(in));
            } else {
                for (JsonNode i : in) {
                    if (i.isTextual()) {
                        inputs.add(i.asText());
                    } else {
                        problems.add(path + ".inputs: expected block names, found " + FieldReader.describe(i));
                    }
                }
            }
        }
        double x = coordinate(o, "x", path, problems);
        double y = coordinate(o, "y", path, problems);
        boolean trainable = true;
        JsonNode t = o.get("trainable");
        if (t != null && !t.isNull()) {
            if (t.isBoolean()) {
                trainable = t.asBoolean();
            } else {
                problems.add(path + ".trainable: expected true or false, found " + FieldReader.describe(t));
            }
        }
        Layer layer = LayerCodec.read(type.get(), o, path, problems, "id", "type", "inputs", "x", "y", "trainable");
        if (layer == null || id == null) {
            return Optional.empty();
        }
        return Optional.of(new Node(id, layer, inputs, x, y, trainable));
    }

    private static double coordinate(ObjectNode o, String field, String path, List<String> problems) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble()) || Math.abs(v.asDouble()) > 1e7) {
            problems.add(path + "." + field + ": expected a position on the canvas (a number), found " + FieldReader.describe(v));
            return 0;
        }
        return v.asDouble();
    }
}
