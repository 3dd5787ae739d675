package org.convstudio.cli;

import java.util.concurrent.Callable;
import org.convstudio.model.preset.Preset;
import org.convstudio.model.preset.Presets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "presets", mixinStandardHelpOptions = true, description = "List the built-in networks, one line each.")
final class PresetsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        for (Preset p : Presets.all()) {
            out.printf("%-10s %s%n", p.id(), p.summary());
        }
        out.flush();
        return 0;
    }
}
