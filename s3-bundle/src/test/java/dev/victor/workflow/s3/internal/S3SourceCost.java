package dev.victor.workflow.s3.internal;

import dev.victor.workflow.json.internal.JsonFormat;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.yaml.internal.YamlFormat;

import java.util.Arrays;

/**
 * What the s3 source costs, against S3Proxy on loopback in this JVM: {@code fingerprint} (one
 * HEAD, the price of a registry cache hit), {@code read} (one GET), and a registry compile that
 * hits (fingerprint + cache) and one that misses (fingerprint + read + parse + compile). Not a
 * test: run it by hand (see the module's README); the figures depend on the machine.
 */
public final class S3SourceCost {

    private static final String YAML = """
            workflows:
              hello:
                nodes:
                  - id: greet
                    type: transform
                    transform: greeting = "hello " + ctx.get("name", "world")
                    next: []
            """;

    private S3SourceCost() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        try (TestS3Server server = new TestS3Server(); S3WorkflowSource source = new S3WorkflowSource(server.settings())) {
            server.bucket("flows");
            server.put("flows", "hello.yaml", YAML, "application/yaml");
            DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.create();
            registry.register(YamlFormat.NAME, new YamlFormat(), YamlFormat.MEDIA_TYPES, YamlFormat.EXTENSIONS);
            registry.register(JsonFormat.NAME, new JsonFormat(), JsonFormat.MEDIA_TYPES, JsonFormat.EXTENSIONS);
            registry.register(source, "s3");

            report("fingerprint (HEAD)", warmup, runs, i -> source.fingerprint("flows/hello.yaml"));
            report("read (GET)", warmup, runs, i -> source.read("flows/hello.yaml"));
            report("registry compile, cache hit", warmup, runs, i -> registry.compile("s3://flows/hello.yaml"));
            int misses = Math.max(50, runs / 10);
            long[] took = new long[misses];
            for (int i = 0; i < warmup / 10 + misses; i++) {
                server.put("flows", "hello.yaml", YAML.replace("hello ", "hello " + i + " "), "application/yaml");
                long start = System.nanoTime();
                registry.compile("s3://flows/hello.yaml");
                if (i >= warmup / 10) {
                    took[i - warmup / 10] = System.nanoTime() - start;
                }
            }
            print("registry compile, changed object (miss)", took);
        }
    }

    interface Call {
        void run(int i) throws Exception;
    }

    static void report(String what, int warmup, int runs, Call call) throws Exception {
        for (int i = 0; i < warmup; i++) {
            call.run(i);
        }
        long[] took = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call.run(i);
            took[i] = System.nanoTime() - start;
        }
        print(what, took);
    }

    static void print(String what, long[] took) {
        long[] sorted = took.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1000.0;
        System.out.printf("%-42s n=%5d  mean %8.1f us  median %8.1f us  p90 %8.1f us%n", what, sorted.length, mean,
                sorted[sorted.length / 2] / 1000.0, sorted[(int) (sorted.length * 0.9)] / 1000.0);
    }
}
