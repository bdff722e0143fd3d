package dev.victor.workflow.db.internal.command;

import dev.victor.workflow.api.WorkflowCompilerRegistry;
import dev.victor.workflow.db.internal.DatasourceCatalog;
import org.apache.felix.service.command.CommandSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;

/**
 * The Gogo commands {@code workflow:db-put}, {@code workflow:db-list} and
 * {@code workflow:db-threads}: a thin adapter over {@link DbCommands}. Their names have a hyphen,
 * which no Java method can have, so Gogo calls {@link #_main} with the command's name first. A
 * command whose status is not 0 ends with a {@link CommandFailedException}, after its output.
 */
@Component(service = DbGogoCommands.class, property = {
        "osgi.command.scope=workflow",
        "osgi.command.function=db-put",
        "osgi.command.function=db-list",
        "osgi.command.function=db-threads",
        "victor.command.summary.db-put=stores a workflow file in a database as a new version (compiled with"
                + " validation first)",
        "victor.command.usage.db-put=db-put [-d|--datasource DATASOURCE] [-f|--format yaml|json] [--force] NAME"
                + " FILE-OR-URI",
        "victor.command.summary.db-list=lists the workflows stored in the databases: name, version, format, updated",
        "victor.command.usage.db-list=db-list [-d|--datasource DATASOURCE]",
        "victor.command.summary.db-threads=lists the runs that wait for an answer: thread, workflow, node, status,"
                + " deadline, age",
        "victor.command.usage.db-threads=db-threads [-d|--datasource DATASOURCE]"})
public final class DbGogoCommands {

    private final DbCommands commands;

    @Activate
    public DbGogoCommands(@Reference(name = "databases") DatasourceCatalog databases,
                          @Reference(name = "registry") WorkflowCompilerRegistry registry) {
        this.commands = new DbCommands(databases.databases(), registry, Clock.systemUTC());
    }

    /** A command's non-zero exit status. */
    public static final class CommandFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        CommandFailedException(String command, int status) {
            super("workflow:" + command + " failed (status " + status + ")");
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /**
     * Called by Gogo for every function of this service, with the function's name as the first
     * argument and then the words typed after it.
     */
    public void _main(CommandSession session, String... words) {
        if (words.length == 0) {
            throw new IllegalArgumentException("no command");
        }
        String command = words[0].toLowerCase(Locale.ROOT);
        int colon = command.indexOf(':');
        if (colon >= 0) {
            command = command.substring(colon + 1);
        }
        PrintStream out = session.getConsole();
        int status = commands.execute(command, Arrays.asList(words).subList(1, words.length), out);
        if (status != DbCommands.OK) {
            throw new CommandFailedException(command, status);
        }
    }
}
