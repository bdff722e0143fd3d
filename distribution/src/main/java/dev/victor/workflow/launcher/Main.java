package dev.victor.workflow.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code bin/victor}: with no argument, the Gogo shell in a Felix runtime with every bundle of the
 * distribution; with arguments, runs one command ({@code bin/victor workflow:schemes}), prints its
 * output and exits with its status. The arguments after the command's name reach the command as
 * they are: they are never parsed by Gogo.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        List<String> arguments = Arrays.asList(args);
        if (!arguments.isEmpty() && (arguments.get(0).equals("--help") || arguments.get(0).equals("-h"))) {
            out.print(Usage.TEXT);
            System.exit(0);
            return;
        }
        int status;
        try {
            Path home = Home.find();
            Launcher launcher = new Launcher(home, LauncherSettings.load(home), out, err);
            status = arguments.isEmpty() ? launcher.shell() : launcher.oneShot(arguments);
        } catch (LaunchException e) {
            err.println("victor: " + e.getMessage());
            status = e.status();
        }
        out.flush();
        err.flush();
        System.exit(status);
    }
}
