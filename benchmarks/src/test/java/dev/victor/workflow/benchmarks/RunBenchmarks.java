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
        LoadSampler sampler = new LoadSampler();
        sampler.start();
        Collection<RunResult> results;
        try {
            results = new Runner(options.build()).run();
        } finally {
            sampler.interrupt();
        }
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
                .append(loadBefore).append("; after: ").append(loadAfter)
                .append("; the 1-minute load sampled every 30 s during the run: ").append(sampler.summary())
                .append(" (the run itself keeps one to two cores busy)\n\n")
                .append(Report.fromResults(results).markdown());
        Path out = Path.of("target/benchmarks-report.md");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report);
        System.out.println("(written to " + out.toAbsolutePath() + "; JMH's results in " + json.toAbsolutePath() + ")");
    }

    /** Samples the 1-minute load average every 30 seconds while the benchmarks run. */
    private static final class LoadSampler extends Thread {
        private final java.util.List<Double> samples = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

        LoadSampler() {
            super("load-sampler");
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                while (!isInterrupted()) {
                    Thread.sleep(30_000);
                    String load = loadAverage();
                    samples.add(Double.parseDouble(load.split(",")[0]));
                }
            } catch (InterruptedException | RuntimeException e) {
                // done
            }
        }

        String summary() {
            synchronized (samples) {
                if (samples.isEmpty()) {
                    return "no sample (shorter than 30 s)";
                }
                double min = samples.stream().mapToDouble(Double::doubleValue).min().orElse(0);
                double max = samples.stream().mapToDouble(Double::doubleValue).max().orElse(0);
                double mean = samples.stream().mapToDouble(Double::doubleValue).average().orElse(0);
                return String.format(java.util.Locale.ROOT, "min %.2f, mean %.2f, max %.2f (%d samples)",
                        min, mean, max, samples.size());
            }
        }
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
