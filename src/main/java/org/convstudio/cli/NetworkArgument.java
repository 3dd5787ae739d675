package org.convstudio.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.convstudio.model.graph.Network;
import org.convstudio.model.io.NetworkFileException;
import org.convstudio.model.io.NetworkJson;
import org.convstudio.model.preset.Preset;
import org.convstudio.model.preset.Presets;

/** Resolves a command's network argument: a preset id or a network file. */
final class NetworkArgument {

    private NetworkArgument() {
    }

    static Network load(String arg) {
        var preset = Presets.find(arg);
        if (preset.isPresent()) {
            return preset.get().network();
        }
        Path file = Path.of(arg);
        if (!Files.exists(file)) {
            throw new UserError("There is no preset or file named \"" + arg + "\". Presets: "
                    + Presets.all().stream().map(Preset::id).collect(Collectors.joining(", ")));
        }
        try {
            return NetworkJson.read(file);
        } catch (NetworkFileException e) {
            throw new UserError(e.getMessage());
        }
    }
}
