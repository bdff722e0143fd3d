package dev.victor.workflow.registry.compose.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * What a compile read besides its document (the documents its {@code $ref}s named, the
 * {@code $env} values it used), remembered per location, so that a cache key changes when one of
 * them changes although the document's own fingerprint did not.
 *
 * <p>Each location has a generation, part of the cache key: a new one when the document's
 * fingerprint changes, when a remembered referenced document's fingerprint or environment value
 * differs from what the last compile used, or when the location was forgotten (at most
 * {@value #MAX_LOCATIONS} are kept). A generation is never used twice, so a forgotten location can
 * never meet a graph compiled from older inputs. Thread-safe.
 */
public final class CompileInputs {
    /** The most locations remembered. */
    public static final int MAX_LOCATIONS = 10_000;

    /**
     * The inputs of one location.
     *
     * @param fingerprint the document's fingerprint they belong to
     * @param generation  part of the cache key
     * @param references  each referenced document's name and fingerprint; {@code null} until a compile says
     * @param environment each {@code $env} name the compile read and its value ({@code null}: unset)
     */
    private record Inputs(String fingerprint, long generation, Map<String, String> references,
                          Map<String, String> environment) {
    }

    private final Cache<String, Inputs> inputs = Caffeine.newBuilder().maximumSize(MAX_LOCATIONS).build();
    private final AtomicLong generations = new AtomicLong();

    /**
     * The generation of a location now.
     *
     * @param fingerprint        the document's fingerprint now
     * @param referenceFingerprint a referenced document's fingerprint now, by its name (may throw:
     *                           then it counts as changed)
     * @param environment        an environment value now
     */
    public long generation(String location, String fingerprint, Function<String, String> referenceFingerprint,
                           Function<String, String> environment) {
        return inputs.asMap().compute(location, (key, known) -> {
            if (known == null || !known.fingerprint().equals(fingerprint)) {
                return new Inputs(fingerprint, generations.incrementAndGet(), null, null);
            }
            if (known.references() != null && changed(known, referenceFingerprint, environment)) {
                return new Inputs(fingerprint, generations.incrementAndGet(), null, null);
            }
            return known;
        }).generation();
    }

    /** What a compile of the document with this fingerprint read besides it. */
    public void remember(String location, String fingerprint, Map<String, String> references,
                         Map<String, String> environment) {
        inputs.asMap().computeIfPresent(location, (key, known) -> known.fingerprint().equals(fingerprint)
                ? new Inputs(fingerprint, known.generation(), Map.copyOf(references), copy(environment))
                : known);
    }

    private static Map<String, String> copy(Map<String, String> environment) {
        return java.util.Collections.unmodifiableMap(new java.util.HashMap<>(environment));
    }

    private static boolean changed(Inputs known, Function<String, String> referenceFingerprint,
                                   Function<String, String> environment) {
        for (Map.Entry<String, String> reference : known.references().entrySet()) {
            try {
                if (!Objects.equals(referenceFingerprint.apply(reference.getKey()), reference.getValue())) {
                    return true;
                }
            } catch (RuntimeException gone) {
                return true;
            }
        }
        for (Map.Entry<String, String> variable : known.environment().entrySet()) {
            if (!Objects.equals(environment.apply(variable.getKey()), variable.getValue())) {
                return true;
            }
        }
        return false;
    }
}
