package org.convstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convstudio.cli.SummaryCommandTest.Result;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every subcommand answers --help, and "convstudio help <command>" prints the same usage. */
class CliHelpTest {

    /** All commands, as paths from the top ("bench train" is a sub-subcommand). */
    static List<List<String>> commands() {
        List<List<String>> all = new java.util.ArrayList<>();
        collect(ConvStudioCli.commandLine(), new java.util.ArrayList<>(), all);
        return all;
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getValue().getCommandSpec().aliases().length > 0 && !e.getKey().equals(e.getValue().getCommandName())) {
                continue;
            }
            List<String> p = new java.util.ArrayList<>(path);
            p.add(e.getKey());
            out.add(p);
            collect(e.getValue(), p, out);
        }
    }

    @Test
    void everySubcommandAnswersHelp() {
        List<List<String>> commands = commands();
        assertTrue(commands.stream().anyMatch(c -> c.equals(List.of("train"))), commands.toString());
        assertTrue(commands.stream().anyMatch(c -> c.equals(List.of("bench", "train"))), commands.toString());
        for (List<String> c : commands) {
            List<String> args = new java.util.ArrayList<>(c);
            args.add("--help");
            Result r = SummaryCommandTest.run(args.toArray(String[]::new));
            assertEquals(0, r.code(), c + ": " + r.err());
            assertTrue(r.out().contains("Usage:") && r.out().contains(c.get(c.size() - 1)), c + ": " + r.out());
            assertTrue(r.out().contains("--help"), c + " lists --help: " + r.out());
        }
    }

    @Test
    void helpCommandPrintsTheSameUsage() {
        Result viaHelp = SummaryCommandTest.run("help", "train");
        Result viaOption = SummaryCommandTest.run("train", "--help");
        assertEquals(0, viaHelp.code(), viaHelp.err());
        assertTrue(viaHelp.out().contains("--resume") && viaHelp.out().contains("--schedule"), viaHelp.out());
        assertEquals(viaOption.out(), viaHelp.out());
        Result top = SummaryCommandTest.run("help");
        assertEquals(0, top.code(), top.err());
        assertTrue(top.out().contains("train") && top.out().contains("help"), top.out());
        Result unknown = SummaryCommandTest.run("help", "nonsense");
        assertTrue(unknown.err().contains("nonsense") || unknown.out().contains("nonsense"), unknown.out() + unknown.err());
    }
}
