package dev.victor.workflow.launcher;

import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Tab completion in the shell: the first word completes to a command (with its scope, such as
 * {@code workflow:run}, and without it for the workflow commands, which the shell finds first);
 * a word that starts with {@code -} to the command's options; any other word to a file path.
 */
final class ShellCompleter implements Completer {

    private static final String WORKFLOW = "workflow:";

    private final Supplier<Set<String>> commands;
    private final Function<String, Set<String>> options;
    private final Completer files = new Completers.FileNameCompleter();

    /**
     * @param commands every command's {@code scope:function}
     * @param options  a command's options
     */
    ShellCompleter(Supplier<Set<String>> commands, Function<String, Set<String>> options) {
        this.commands = commands;
        this.options = options;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (line.wordIndex() == 0) {
            for (String command : commands.get()) {
                candidates.add(new Candidate(command, command, null, null, null, null, true));
                if (command.startsWith(WORKFLOW)) {
                    String bare = command.substring(WORKFLOW.length());
                    candidates.add(new Candidate(bare, bare, null, null, null, null, true));
                }
            }
            return;
        }
        if (line.word().startsWith("-")) {
            for (String option : options.apply(line.words().get(0))) {
                candidates.add(new Candidate(option, option, null, null, null, null, true));
            }
            return;
        }
        files.complete(reader, line, candidates);
    }
}
