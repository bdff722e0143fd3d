package dev.victor.workflow.tools.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The standard tools' configuration, PID {@value #PID} ({@code etc/dev.victor.workflow.tools.cfg}).
 * Keys with dots: {@code max.file.bytes}, {@code max.results}, {@code web.enabled},
 * {@code web.allow.private.networks}, {@code web.timeout.seconds}, {@code web.max.bytes},
 * {@code git.enabled}, {@code shell.enabled}, {@code shell.allowed.commands},
 * {@code timeout.seconds}, {@code max.output.bytes}.
 */
@ObjectClassDefinition(id = ToolsConfig.PID, name = "Victor workflows: standard tools",
        description = "read, write, edit, grep, glob, ls in a workspace; web_fetch; git (read-only); shell")
public @interface ToolsConfig {
    String PID = "dev.victor.workflow.tools";

    @AttributeDefinition(name = "Workspace", description = "The folder the file tools, git and shell work in;"
            + " nothing outside it is read or written by the file tools. Without it, only web_fetch is published")
    String workspace() default "";

    @AttributeDefinition(name = "File size limit (bytes)", min = "1")
    long max_file_bytes() default 1 << 20;

    @AttributeDefinition(name = "Results limit", description = "Most lines, matches or entries one call answers",
            min = "1")
    int max_results() default 500;

    @AttributeDefinition(name = "web_fetch", description = "Publish web_fetch")
    boolean web_enabled() default true;

    @AttributeDefinition(name = "Allow private networks", description = "Let web_fetch reach loopback, private,"
            + " link-local and other non-public addresses")
    boolean web_allow_private_networks() default false;

    @AttributeDefinition(name = "web_fetch timeout (seconds)", min = "1")
    int web_timeout_seconds() default 30;

    @AttributeDefinition(name = "web_fetch body limit (bytes)", min = "1")
    int web_max_bytes() default 1 << 20;

    @AttributeDefinition(name = "git", description = "Publish git (read-only commands)")
    boolean git_enabled() default true;

    @AttributeDefinition(name = "shell", description = "Publish shell (off unless set)")
    boolean shell_enabled() default false;

    @AttributeDefinition(name = "Allowed programs", description = "The programs shell may run, by name")
    String[] shell_allowed_commands() default {};

    @AttributeDefinition(name = "Timeout of git and shell (seconds)", min = "1")
    int timeout_seconds() default 60;

    @AttributeDefinition(name = "Output limit of git and shell (bytes)", min = "1")
    int max_output_bytes() default 64 * 1024;
}
