package org.convstudio.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.convstudio.engine.run.RunName;
import org.convstudio.engine.train.EpochRecord;
import org.convstudio.engine.train.OptimizerKind;
import org.convstudio.engine.train.RunFolder;
import org.convstudio.engine.train.TrainingConfig;
import org.convstudio.model.io.NetworkJson;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run is renamed in the runs list (view-model, no toolkit): the name is kept in its folder as
 * {@value RunName#FILE}, no other file of the run changes, the folder keeps its name, and a blank name
 * brings back the network's name.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RunRenameTest {

    @TempDir
    Path dir;

    private final QueueExecutor executor = new QueueExecutor();
    private TrainingViewModel vm;
    private Path run;

    @BeforeEach
    void create() throws Exception {
        run = dir.resolve("runs").resolve("20261202-171500-lenet");
        Files.createDirectories(run);
        RunFolder folder = new RunFolder(run);
        folder.writeArchitecture(NetworkJson.toJson(Presets.get("lenet")));
        folder.writeConfig(TrainingConfig.builder().setOptimizer(OptimizerKind.ADAM, 1e-3).setBatchSize(32)
                .setEpochs(2).build());
        new ObjectMapper().writeValue(run.resolve(RunFolder.HISTORY).toFile(), List.of(
                new EpochRecord(1, 0.9, 0.7, 0.6, 0.81, 1e-3, 2, 500)));
        vm = new TrainingViewModel(executor);
        vm.setCatalog(new RunCatalog(dir.resolve("runs")));
        executor.runUntil(() -> vm.runs().size() == 1, 10);
    }

    @Test
    void aRenamedRunIsListedUnderItsNewNameKeptInItsFolder() throws Exception {
        assertEquals("LeNet", vm.runs().get(0).name(), "before: the network's name");
        byte[] config = Files.readAllBytes(run.resolve(RunFolder.CONFIG));
        byte[] architecture = Files.readAllBytes(run.resolve(RunFolder.ARCHITECTURE));
        List<String> errors = new ArrayList<>();

        vm.renameRun(vm.runs().get(0), "  Baseline, Adam 1e-3 \n second line ignored", errors::add);
        executor.runUntil(() -> vm.runs().size() == 1 && vm.runs().get(0).name().startsWith("Baseline"), 10);
        assertEquals("Baseline, Adam 1e-3", vm.runs().get(0).name());
        assertEquals(run, vm.runs().get(0).dir(), "the folder keeps its name");
        assertEquals("Baseline, Adam 1e-3\n", Files.readString(run.resolve(RunName.FILE)));
        assertTrue(java.util.Arrays.equals(config, Files.readAllBytes(run.resolve(RunFolder.CONFIG))), "config.json untouched");
        assertTrue(java.util.Arrays.equals(architecture, Files.readAllBytes(run.resolve(RunFolder.ARCHITECTURE))));
        assertEquals("Baseline, Adam 1e-3", RunCatalog.read(run).name(), "read back from the folder");

        vm.renameRun(vm.runs().get(0), "   ", errors::add);
        executor.runUntil(() -> vm.runs().size() == 1 && vm.runs().get(0).name().equals("LeNet"), 10);
        assertFalse(Files.exists(run.resolve(RunName.FILE)), "a blank name removes the file");
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void aRunWhoseFolderIsGoneCannotBeRenamedAndSaysSo() throws Exception {
        RunCatalog.RunInfo info = vm.runs().get(0);
        Files.walk(run).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        List<String> errors = new ArrayList<>();
        vm.renameRun(info, "New name", errors::add);
        executor.runUntil(() -> !errors.isEmpty(), 10);
        assertTrue(errors.get(0).startsWith("The run could not be renamed") && errors.get(0).contains(run.toString()),
                errors.get(0));
    }
}
