package dev.victor.workflow.engine.internal;

import dev.victor.workflow.api.RunEvent;
import dev.victor.workflow.api.TokenUsage;
import dev.victor.workflow.spi.AgentListener;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * What agent runtimes report while a run goes on: the tokens of each model call, summed per node,
 * and, when the run is streamed, the events that go out as they happen (answer pieces, token counts,
 * and the events of a node that runs off the stream's thread, see {@link LiveNode}). Thread-safe:
 * team members and parallel children report from their own threads.
 */
final class AgentReports {
    /** Guarded by this; made at the first report. */
    private Map<String, TokenUsage> byNode;
    /** Events for the stream, in the order they happened; {@code null} when nobody streams. */
    private final BlockingQueue<Object> live;
    /** While a {@link LiveNode} runs, the run's own events go to the live queue too, in order. */
    private volatile boolean offloaded;

    AgentReports(boolean streaming) {
        this.live = streaming ? new LinkedBlockingQueue<>() : null;
    }

    /** Where the task of a node (or of one member of a team node) reports. */
    AgentListener listener(String nodeId, String memberId) {
        return new Listener(nodeId, memberId);
    }

    /** The tokens per node so far, in the order the nodes first reported. */
    synchronized Map<String, TokenUsage> usage() {
        return byNode == null ? Map.of() : new LinkedHashMap<>(byNode);
    }

    private synchronized void add(String nodeId, TokenUsage usage) {
        if (byNode == null) {
            byNode = new LinkedHashMap<>(4);
        }
        byNode.merge(nodeId, usage, TokenUsage::plus);
    }

    /** The queue of a streamed run's live events; {@code null} when nobody streams. */
    BlockingQueue<Object> live() {
        return live;
    }

    void offload(boolean on) {
        offloaded = on;
    }

    /** Adds an event of the run to the stream's queue, or to the live queue while a node runs off its thread. */
    void emit(Collection<RunEvent> events, RunEvent event) {
        if (offloaded) {
            live.add(event);
        } else {
            events.add(event);
        }
    }

    /** Moves the events reported so far (none when nobody streams) to the stream's own queue. */
    void drainTo(Collection<RunEvent> events) {
        if (live == null) {
            return;
        }
        Object next;
        while ((next = live.poll()) != null) {
            if (next instanceof RunEvent event) {
                events.add(event);
            }
        }
    }

    private final class Listener implements AgentListener {
        private final String nodeId;
        private final String memberId;

        Listener(String nodeId, String memberId) {
            this.nodeId = nodeId;
            this.memberId = memberId;
        }

        @Override
        public boolean streaming() {
            return live != null;
        }

        @Override
        public void token(String text) {
            if (live != null && text != null && !text.isEmpty()) {
                live.add(new RunEvent.AgentToken(nodeId, memberId, text));
            }
        }

        @Override
        public void usage(TokenUsage usage) {
            if (usage == null || usage.isEmpty()) {
                return;
            }
            add(nodeId, usage);
            if (live != null) {
                live.add(new RunEvent.TokensUsed(nodeId, memberId, usage));
            }
        }
    }
}
