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
 * a word that starts with {@code -} to the command's options; the word after {@code -w} or
 * {@code --workflow} to the names of the workflows of the URI on the line; any other word to a
 * file path.
 */
final class ShellCompleter implements Completer {

    private static final String WORKFLOW = "workflow:";

    private static final Set<String> WORKFLOW_OPTIONS = Set.of("-w", "--workflow");
    private static final Set<String> OPTIONS_WITH_VALUES = Set.of("-w", "--workflow", "--branch", "--uri", "--pause",
            "-d", "--datasource", "-f", "--format");

    private final Supplier<Set<String>> commands;
    private final Function<String, Set<String>> options;
    private final Function<String, List<String>> workflows;
    private final Completer files = new Completers.FileNameCompleter();

    /**
     * @param commands  every command's {@code scope:function}
     * @param options   a command's options
     * @param workflows the workflows a URI holds (empty when it cannot be read)
     */
    ShellCompleter(Supplier<Set<String>> commands, Function<String, Set<String>> options,
                   Function<String, List<String>> workflows) {
        this.commands = commands;
        this.options = options;
        this.workflows = workflows;
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
        if (WORKFLOW_OPTIONS.contains(line.words().get(line.wordIndex() - 1))) {
            String uri = uri(line);
            if (uri != null) {
                for (String name : workflows.apply(uri)) {
                    candidates.add(new Candidate(name, name, null, null, null, null, true));
                }
            }
            return;
        }
        files.complete(reader, line, candidates);
    }

    /** The first argument of the line that is not an option or an option's value: the URI. */
    static String uri(ParsedLine line) {
        List<String> words = line.words();
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (i == line.wordIndex() || word.isEmpty()) {
                continue;
            }
            if (OPTIONS_WITH_VALUES.contains(word)) {
                i++;
            } else if (!word.startsWith("-")) {
                return word;
            }
        }
        return null;
    }
}
