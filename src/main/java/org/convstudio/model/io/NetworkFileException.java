package org.convstudio.model.io;

import java.util.List;

/** A network file that cannot be read, with every problem found (JSON path: what is wrong). */
public final class NetworkFileException extends Exception {

    private final String source;
    private final List<String> problems;

    public NetworkFileException(String source, List<String> problems) {
        super(format(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The file (or other source) that was read. */
    public String source() {
        return source;
    }

    public List<String> problems() {
        return problems;
    }

    private static String format(String source, List<String> problems) {
        StringBuilder b = new StringBuilder("Cannot open ").append(source).append(":");
        int shown = Math.min(problems.size(), 10);
        for (int i = 0; i < shown; i++) {
            b.append("\n  ").append(problems.get(i));
        }
        if (problems.size() > shown) {
            b.append("\n  ... and ").append(problems.size() - shown).append(" more problems");
        }
        return b.toString();
    }
}
