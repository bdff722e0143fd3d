package dev.victor.workflow.agent.internal;

import dev.victor.workflow.agent.AgentTool;
import dev.victor.workflow.agent.LlmEndpoint;
import dev.victor.workflow.agent.Provider;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one agent call costs beyond its HTTP round trip, measured by hand (not a test): the same
 * loopback server answers a bare JDK HttpClient POST and a full agent call (messages built from
 * the task, the request written, the answer parsed, usage read). Prints the medians.
 * Run: {@code java -cp <test classpath> dev.victor.workflow.agent.internal.AgentCallCost [calls]}.
 */
public final class AgentCallCost {
    private AgentCallCost() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        String answer = AgentLoopTest.answer("A wren is a small bird.");
        try (LlmServer server = new LlmServer()) {
            for (int i = 0; i < 2 * calls + 10; i++) {
                server.then(LlmServer.Answer.json(answer));
            }
            HttpClient client = HttpClient.newHttpClient();
            LlmEndpoint endpoint = new LlmEndpoint("default", Provider.OPENAI, URI.create(server.base()), "gpt-test",
                    "sk-cost", Duration.ofSeconds(10), 0, Duration.ofSeconds(60), false, 0);
            AgentLoop loop = new AgentLoop(() -> Map.of("default", endpoint), name -> Optional.<AgentTool>empty(),
                    new ChatClient(client, pause -> { }));
            String body = "{\"model\": \"gpt-test\", \"messages\": [{\"role\": \"user\", \"content\": \"Explain 'wren'\"}]}";
            HttpRequest bare = HttpRequest.newBuilder(URI.create(server.base() + "/chat/completions"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long[] raw = new long[calls];
            long[] agent = new long[calls];
            for (int i = 0; i < calls; i++) {
                long t0 = System.nanoTime();
                client.send(bare, HttpResponse.BodyHandlers.ofString());
                long t1 = System.nanoTime();
                loop.run(AgentLoopTest.task(List.of(), 5, Map.of()));
                long t2 = System.nanoTime();
                raw[i] = t1 - t0;
                agent[i] = t2 - t1;
            }
            int from = calls / 2;
            long rawMedian = median(Arrays.copyOfRange(raw, from, calls));
            long agentMedian = median(Arrays.copyOfRange(agent, from, calls));
            System.out.printf("bare POST %.1f us, agent call %.1f us, beyond the round trip %.1f us (median of the last %d)%n",
                    rawMedian / 1e3, agentMedian / 1e3, (agentMedian - rawMedian) / 1e3, calls - from);
        }
    }

    private static long median(long[] values) {
        Arrays.sort(values);
        return values[values.length / 2];
    }
}
