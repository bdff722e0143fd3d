package dev.victor.workflow.registry;

import dev.victor.workflow.api.CompiledGraph;

import java.util.Map;

/**
 * Measures what a cache hit of {@code compile(uri, name)} costs (URI parsing, scheme resolution,
 * the plugin's getCacheKey, the Caffeine lookup). Not a test: run it with
 * {@code java -cp ... dev.victor.workflow.registry.CacheHitCost}. No timing assertions anywhere.
 */
public final class CacheHitCost {

    private CacheHitCost() {
    }

    public static void main(String[] args) {
        TinyStore store = new TinyStore().put("flows/review.tiny", "review: fetch -> check -> store");
        DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.builder()
                .pluginSettings("tiny", PluginSettings.defaults().withOptions(Map.of("store", store))).build();
        registry.register("tiny", TinyPlugin.class);
        DefaultWorkflowCompilerRegistry plain = DefaultWorkflowCompilerRegistry.create();
        plain.register("tiny", TinyPlugin.class);
        String text = "review: fetch -> check -> store";
        report("hit, source text as cache key", plain, "tiny://" + text);
        report("hit, content hash of a stored file as cache key", registry, "tiny://flows/review.tiny");
    }

    private static void report(String what, DefaultWorkflowCompilerRegistry registry, String uri) {
        CompiledGraph first = registry.compile(uri, "review");
        long sink = 0;
        for (int round = 0; round < 5; round++) {
            int n = 2_000_000;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += System.identityHashCode(registry.compile(uri, "review"));
            }
            long elapsed = System.nanoTime() - start;
            if (round >= 2) {
                System.out.printf("%s: %.0f ns per hit (round %d)%n", what, (double) elapsed / n, round);
            }
        }
        if (sink == 0 || registry.compile(uri, "review") != first) {
            System.out.println("unexpected: the graph changed");
        }
    }
}
