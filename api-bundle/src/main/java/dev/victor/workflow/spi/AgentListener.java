package dev.victor.workflow.spi;

import dev.victor.workflow.api.TokenUsage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What an agent runtime reports while it runs a task: the tokens each model call took, and, when
 * the run's caller streams its events, the pieces of the answer as the model writes them. The engine
 * makes them run events ({@code RunEvent.TokensUsed}, {@code RunEvent.AgentToken}) and sums the
 * tokens per node in the run's result. Thread-safe: any thread may report.
 */
@ProviderType
public interface AgentListener {

    /** True when the run is streamed: the runtime should ask for a streamed answer and report its pieces. */
    boolean streaming();

    /** A piece of the model's answer, as it arrived. */
    void token(String text);

    /** The tokens one model call took, as the provider counted them. */
    void usage(TokenUsage usage);

    /** Listens to nothing, does not stream. */
    static AgentListener none() {
        return NoListener.INSTANCE;
    }
}
