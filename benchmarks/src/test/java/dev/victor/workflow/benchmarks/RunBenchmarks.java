package dev.victor.workflow.benchmarks;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;

/**
 * Runs JMH with the given arguments (JMH's own command line: patterns, {@code -f}, {@code -wi},
 * {@code -prof gc}, ...), keeps the JSON result ({@code target/jmh-result.json} unless
 * {@code -rff} says otherwise) and writes the ratio tables of that run to
 * {@code target/benchmarks-report.md} (and standard output), with the machine and the load.
 *
 * <p>{@code --report FILE.json} only renders the tables of an earlier JSON result.
 */
public final class RunBenchmarks {
    private RunBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--report")) {
            System.out.println(Report.fromJson(Path.of(args[1])).markdown());
            return;
        }
        CommandLineOptions command = new CommandLineOptions(args);
        if (command.shouldHelp() || command.shouldList() || command.shouldListWithParams()
                || command.shouldListProfilers() || command.shouldListResultFormats()) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        ChainedOptionsBuilder options = new OptionsBuilder().parent(command);
        Path json = Path.of(command.getResult().orElse("target/jmh-result.json"));
        options.result(json.toString());
        options.resultFormat(command.getResultFormat().orElse(ResultFormatType.JSON));
        String loadBefore = loadAverage();
        ZonedDateTime started = ZonedDateTime.now();
        Collection<RunResult> results = new Runner(options.build()).run();
        String loadAfter = loadAverage();

        StringBuilder report = new StringBuilder();
        report.append("Run of ").append(started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(", ")
                .append(results.size()).append(" benchmarks; arguments: `").append(String.join(" ", args))
                .append("`\n\nMachine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(memory()).append(", ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(" ").append(System.getProperty("os.arch")).append("; JDK ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.runtime.version"))
                .append("; ").append(cpu()).append("\n\nLoad average (1, 5, 15 min) before the run: ")
                .append(loadBefore).append("; after: ").append(loadAfter).append("\n\n")
                .append(Report.fromResults(results).markdown());
        Path out = Path.of("target/benchmarks-report.md");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report);
        System.out.println("(written to " + out.toAbsolutePath() + "; JMH's results in " + json.toAbsolutePath() + ")");
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException | RuntimeException e) {
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return load < 0 ? "unknown" : String.format(java.util.Locale.ROOT, "%.2f", load);
        }
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return Math.round(kb / 1024.0 / 1024.0) + " GiB";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "memory unknown";
    }

    private static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "CPU unknown";
    }
}
