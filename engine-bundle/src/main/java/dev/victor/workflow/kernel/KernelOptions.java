package dev.victor.workflow.kernel;

import dev.victor.workflow.engine.EngineOptions;
import dev.victor.workflow.model.ReaderOptions;

import java.util.Objects;

/**
 * How the kernel reads and compiles.
 *
 * @param reader how trees are read (strictness, environment values, custom node types)
 * @param engine how graphs run (services, checkpoint store, default limits, executor)
 */
public record KernelOptions(ReaderOptions reader, EngineOptions engine) {
    public KernelOptions {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(engine, "engine");
    }

    public static KernelOptions defaults() {
        return new KernelOptions(ReaderOptions.defaults(), EngineOptions.defaults());
    }

    public KernelOptions withReader(ReaderOptions newReader) {
        return new KernelOptions(newReader, engine);
    }

    public KernelOptions withEngine(EngineOptions newEngine) {
        return new KernelOptions(reader, newEngine);
    }
}
