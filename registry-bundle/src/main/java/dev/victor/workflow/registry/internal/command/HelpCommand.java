package dev.victor.workflow.registry.internal.command;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code workflow:help}: lists every Gogo command of the runtime with what it does, and shows one
 * command's usage, options and arguments. It reads the command services themselves (see
 * {@link CommandDescriptions}), so that commands whose function name is not a Java method name
 * ({@code db-put}, whose service implements {@code _main}) are listed too. In the shell it comes
 * before Gogo's own {@code felix:help}.
 */
@Component(service = HelpCommand.class, property = {
        "osgi.command.scope=workflow",
        "osgi.command.function=help",
        CommandDescriptions.SUMMARY + "help=lists every command; 'help COMMAND' shows a command's usage",
        CommandDescriptions.USAGE + "help=help [COMMAND]"})
public final class HelpCommand {

    private final BundleContext context;

    @Activate
    public HelpCommand(BundleContext context) {
        this.context = context;
    }

    @Descriptor("lists every command; 'help COMMAND' shows a command's usage")
    public void help(CommandSession session) {
        PrintStream out = session.getConsole();
        List<CommandDescriptions.Command> commands = commands();
        int width = commands.stream().mapToInt(command -> command.name().length()).max().orElse(0);
        out.println("Commands ('help COMMAND' shows one's usage; in the shell a command's scope, such as"
                + " workflow:, may be left out):");
        for (CommandDescriptions.Command command : commands) {
            out.println("  " + command.name() + " ".repeat(width - command.name().length() + 2) + command.summary());
        }
    }

    @Descriptor("shows a command's usage, options and arguments")
    public void help(CommandSession session, @Descriptor("the command, such as run or workflow:run") String name) {
        PrintStream out = session.getConsole();
        List<CommandDescriptions.Command> matching = commands().stream().filter(command -> command.matches(name))
                .toList();
        if (matching.isEmpty()) {
            out.println("No command '" + name + "'; 'help' lists every command");
            throw new GogoCommands.CommandFailedException("help", WorkflowCommands.USAGE);
        }
        for (CommandDescriptions.Command command : matching) {
            out.print(command.details());
        }
    }

    private List<CommandDescriptions.Command> commands() {
        ServiceReference<?>[] references;
        try {
            // every command service, whatever packages its bundle wires to (its class is only read)
            references = context.getAllServiceReferences(null, "(osgi.command.scope=*)");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<CommandDescriptions.Command> commands = new ArrayList<>();
        for (ServiceReference<?> reference : references == null ? new ServiceReference<?>[0] : references) {
            Object service = context.getService(reference);
            if (service == null) {
                continue;
            }
            try {
                commands.addAll(CommandDescriptions.of(reference::getProperty, service.getClass()));
            } finally {
                context.ungetService(reference);
            }
        }
        return CommandDescriptions.sorted(commands);
    }
}
