package dev.victor.workflow.registry.internal.command;

import java.util.Map;

/**
 * What {@code help} says of the commands of Gogo's shell and of Configuration Admin, whose
 * methods carry no {@code @Descriptor}.
 */
final class KnownCommands {

    static final Map<String, String> SUMMARIES = Map.ofEntries(
            Map.entry("gogo:cat", "prints files or URLs"),
            Map.entry("gogo:each", "runs a closure for each element of a list"),
            Map.entry("gogo:echo", "prints its arguments"),
            Map.entry("gogo:format", "prints a value as the shell formats it"),
            Map.entry("gogo:getopt", "parses options (for scripts)"),
            Map.entry("gogo:gosh", "runs a Gogo script or a command line"),
            Map.entry("gogo:grep", "prints the lines that match a pattern"),
            Map.entry("gogo:history", "Gogo's own history of a session (the shell keeps its own: Up, Ctrl-R)"),
            Map.entry("gogo:if", "runs a closure if a condition holds"),
            Map.entry("gogo:new", "creates a Java object"),
            Map.entry("gogo:not", "negates a condition"),
            Map.entry("gogo:set", "shows or sets session variables"),
            Map.entry("gogo:sh", "runs a Gogo script or a command line"),
            Map.entry("gogo:source", "runs a Gogo script"),
            Map.entry("gogo:tac", "captures the output of a pipe as a string"),
            Map.entry("gogo:telnetd", "starts a telnet server for the shell (not for production)"),
            Map.entry("gogo:throw", "throws an exception"),
            Map.entry("gogo:try", "runs a closure, and another if it fails"),
            Map.entry("gogo:type", "shows what a command name stands for"),
            Map.entry("gogo:until", "runs a closure until a condition holds"),
            Map.entry("gogo:while", "runs a closure while a condition holds"),
            Map.entry("cm:createFactoryConfiguration", "creates a Configuration Admin factory configuration"),
            Map.entry("cm:getConfiguration", "gets a Configuration Admin configuration by PID"),
            Map.entry("cm:getFactoryConfiguration", "gets a Configuration Admin factory configuration"),
            Map.entry("cm:listConfigurations", "lists the Configuration Admin configurations matching a filter"));

    private KnownCommands() {
    }
}
