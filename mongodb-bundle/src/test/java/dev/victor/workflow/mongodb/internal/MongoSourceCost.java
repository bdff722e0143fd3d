package dev.victor.workflow.mongodb.internal;

import dev.victor.workflow.json.internal.JsonFormat;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.yaml.internal.YamlFormat;

import java.time.Instant;
import java.util.Arrays;

/**
 * What the mongodb source costs, against mongo-java-server on loopback in this JVM:
 * {@code fingerprint} (one query reading the version, the price of a registry cache hit),
 * {@code read}, and a registry compile that hits and one that misses. Not a test: run it by hand
 * (see the module's README); the figures depend on the machine.
 */
public final class MongoSourceCost {

    private static final String YAML = """
            workflows:
              hello:
                nodes:
                  - id: greet
                    type: transform
                    transform: greeting = "hello " + ctx.get("name", "world")
                    next: []
            """;

    private MongoSourceCost() {
    }

    interface Call {
        void run(int i) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        try (TestMongo mongo = new TestMongo(); MongoDatasource datasource = new MongoDatasource(mongo.settings("default",
                "victor"))) {
            MongoDatasources datasources = new MongoDatasources();
            datasources.add(datasource);
            MongoWorkflowSource source = new MongoWorkflowSource(datasources);
            datasource.put("hello", "yaml", YAML, Instant.now());
            DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.create();
            registry.register(YamlFormat.NAME, new YamlFormat(), YamlFormat.MEDIA_TYPES, YamlFormat.EXTENSIONS);
            registry.register(JsonFormat.NAME, new JsonFormat(), JsonFormat.MEDIA_TYPES, JsonFormat.EXTENSIONS);
            registry.register(source, "mongodb");

            report("fingerprint (version query)", warmup, runs, i -> source.fingerprint("hello"));
            report("read (whole document)", warmup, runs, i -> source.read("hello"));
            report("registry compile, cache hit", warmup, runs, i -> registry.compile("mongodb://hello"));
            int misses = Math.max(50, runs / 10);
            long[] took = new long[misses];
            for (int i = 0; i < warmup / 10 + misses; i++) {
                datasource.put("hello", "yaml", YAML.replace("hello ", "hello " + i + " "), Instant.now());
                long start = System.nanoTime();
                registry.compile("mongodb://hello");
                if (i >= warmup / 10) {
                    took[i - warmup / 10] = System.nanoTime() - start;
                }
            }
            print("registry compile, new version (miss)", took);
        }
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
