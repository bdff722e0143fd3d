package dev.victor.workflow.engine.internal;

import dev.victor.workflow.api.RunEvent;
import dev.victor.workflow.spi.NodeServices;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;

/**
 * A node of a streamed run that runs on the run's executor, so that the stream's consumer receives
 * what the node reports while it runs (the pieces of an agent's answer) instead of after it. The
 * node's own events go to the same queue as the reports, in order; the end of the node is the last
 * item. The stream's thread waits for the next item; nothing else of the run moves meanwhile.
 */
final class LiveNode {
    private static final Object ENDED = new Object();

    /** The node's work: its body and route, the index of the next node. */
    @FunctionalInterface
    interface Work {
        int run() throws Exception;
    }

    final Node node;
    final int iteration;
    final long began;
    private final Work work;
    private final BlockingQueue<Object> queue;
    /** Guarded by this: the thread that runs the work, and whether it was cancelled. */
    private Thread runner;
    private boolean cancelled;
    private boolean ran;
    private int next;
    private Throwable failure;
    private boolean ended;

    private LiveNode(Node node, int iteration, long began, Work work, BlockingQueue<Object> queue) {
        this.node = node;
        this.iteration = iteration;
        this.began = began;
        this.work = work;
        this.queue = queue;
    }

    /**
     * Whether a node of a streamed run should run off the stream's thread: an agent or team node, or a
     * parallel node with one among its descendants, when an agent runtime is installed.
     */
    static boolean worthIt(Node node, Node[] nodes, NodeServices services) {
        return speaks(node, nodes) && services.agentRuntime().isPresent();
    }

    private static boolean speaks(Node node, Node[] nodes) {
        if (node.body instanceof AgentBody || node.body instanceof TeamBody) {
            return true;
        }
        for (int child : node.children) {
            if (speaks(nodes[child], nodes)) {
                return true;
            }
        }
        return false;
    }

    /** Starts the work on the run's executor (on this thread when the executor refuses it). */
    static LiveNode start(Run run, Node node, int iteration, long began, Work work, BlockingQueue<Object> queue) {
        LiveNode live = new LiveNode(node, iteration, began, work, queue);
        try {
            run.executor.execute(() -> live.perform(true));
        } catch (RejectedExecutionException refused) {
            live.perform(false);
        }
        return live;
    }

    private void perform(boolean pooled) {
        synchronized (this) {
            if (cancelled) {
                queue.add(ENDED);
                return;
            }
            runner = Thread.currentThread();
        }
        try {
            next = work.run();
        } catch (Throwable thrown) {
            failure = thrown;
        } finally {
            synchronized (this) {
                runner = null;
                ran = true;
            }
            if (pooled) {
                Thread.interrupted();
            }
            queue.add(ENDED);
        }
    }

    /** The next event the node reported, or {@code null} once it has ended (then {@link #outcome()}). */
    RunEvent next() throws InterruptedException {
        Object item = queue.take();
        if (item == ENDED) {
            ended = true;
            return null;
        }
        return (RunEvent) item;
    }

    /** The index of the next node, or what the node threw; call once {@link #next()} said it ended. */
    synchronized int outcome() throws Exception {
        if (!ran) {
            throw RunStop.cancelled();
        }
        if (failure instanceof Exception exception) {
            throw exception;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return next;
    }

    /** Interrupts the node and waits until it has ended; what it reported meanwhile is dropped. */
    void cancelAndWait() {
        synchronized (this) {
            cancelled = true;
            if (runner != null) {
                runner.interrupt();
            }
        }
        boolean interrupted = false;
        while (!ended) {
            try {
                if (queue.take() == ENDED) {
                    ended = true;
                }
            } catch (InterruptedException again) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
