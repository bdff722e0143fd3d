package dev.victor.workflow.mongodb.internal.command;

import dev.victor.workflow.mongodb.internal.MongoSourceComponent;
import org.apache.felix.service.command.CommandSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;

/**
 * The Gogo commands {@code workflow:mongo-put} and {@code workflow:mongo-list}: a thin adapter over
 * {@link MongoCommands}. Their names have a hyphen, which no Java method can have, so Gogo calls
 * {@link #_main} with the command's name first. A command whose status is not 0 ends with a
 * {@link CommandFailedException}, after its output.
 */
@Component(service = MongoGogoCommands.class, property = {
        "osgi.command.scope=workflow",
        "osgi.command.function=mongo-put",
        "osgi.command.function=mongo-list",
        "victor.command.summary.mongo-put=stores a workflow file in a MongoDB datasource as a new version",
        "victor.command.usage.mongo-put=mongo-put [-d|--datasource DATASOURCE] [-f|--format yaml|json] NAME FILE",
        "victor.command.summary.mongo-list=lists the workflows stored in the MongoDB datasources",
        "victor.command.usage.mongo-list=mongo-list [-d|--datasource DATASOURCE]"})
public final class MongoGogoCommands {

    private final MongoCommands commands;

    @Activate
    public MongoGogoCommands(@Reference(name = "source") MongoSourceComponent source) {
        this.commands = new MongoCommands(source.datasources(), Clock.systemUTC());
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

    /** Called by Gogo for every function of this service, with the function's name first. */
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
        if (status != MongoCommands.OK) {
            throw new CommandFailedException(command, status);
        }
    }
}
