package dev.victor.workflow.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The root of the workflow error family. Carries every problem found, not just the first.
 */
public class WorkflowException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public WorkflowException(String message) {
        this(message, List.of(), null);
    }

    public WorkflowException(String message, Throwable cause) {
        this(message, List.of(), cause);
    }

    public WorkflowException(String message, List<Problem> problems) {
        this(message, problems, null);
    }

    public WorkflowException(String message, List<Problem> problems, Throwable cause) {
        super(describe(message, problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, errors and warnings, in source order. */
    public List<Problem> problems() {
        return problems;
    }

    /** Only the errors among {@link #problems()}. */
    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    private static String describe(String message, List<Problem> problems) {
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        if (errors.isEmpty()) {
            return message;
        }
        return message + errors.stream().map(Problem::format)
                .collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}
