package dev.victor.workflow.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A history handed out never changes, whatever the recorder appends later; RunResult keeps it as it is. */
class NodeHistoryTest {

    @Test
    void historiesHandedOutKeepTheirIdsWhileTheRecorderGoesOnAndGrows() {
        NodeHistory.Recorder recorder = new NodeHistory.Recorder();
        List<NodeHistory> handedOut = new ArrayList<>();
        List<List<String>> expected = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            handedOut.add(recorder.history());
            expected.add(List.copyOf(ids));
            recorder.add("n" + i);
            ids.add("n" + i);
        }
        for (int i = 0; i < handedOut.size(); i++) {
            assertThat(handedOut.get(i)).as("history %d", i).isEqualTo(expected.get(i));
            assertThat(handedOut.get(i).hashCode()).isEqualTo(expected.get(i).hashCode());
        }
        assertThat(recorder.history()).isEqualTo(ids).containsExactlyElementsOf(ids);
        assertThat(recorder.history().toArray()).containsExactly(ids.toArray());
        assertThat(recorder.size()).isEqualTo(100);
        assertThat(recorder.get(42)).isEqualTo("n42");
    }

    @Test
    void aHistoryIsReadOnlyAndRefusesNullsAndBadIndices() {
        NodeHistory.Recorder recorder = new NodeHistory.Recorder();
        recorder.addAll(List.of("a", "b"));
        NodeHistory history = recorder.history();

        assertThatThrownBy(() -> history.add("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> history.set(0, "c")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> history.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(history::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> history.iterator().remove()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> history.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> history.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> recorder.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> recorder.add(null)).isInstanceOf(NullPointerException.class);
        recorder.add("c");
        assertThat(history).containsExactly("a", "b");
        assertThat(NodeHistory.of()).isEmpty();
        assertThat(new NodeHistory.Recorder().history()).isSameAs(NodeHistory.of());
    }

    @Test
    void aRunResultTakesANodeHistoryAsItIsAndCopiesAnyOtherList() {
        NodeHistory.Recorder recorder = new NodeHistory.Recorder();
        recorder.add("a");
        NodeHistory history = recorder.history();
        RunResult taken = new RunResult(RunStatus.COMPLETED, "t", Map.of(), null, 1, Duration.ZERO, history, null, null);
        assertThat(taken.nodeHistory()).isSameAs(history);
        assertThat(taken.withWarning("w").nodeHistory()).isSameAs(history);

        List<String> mutable = new ArrayList<>(List.of("a"));
        RunResult copied = new RunResult(RunStatus.COMPLETED, "t", Map.of(), null, 1, Duration.ZERO, mutable, null, null);
        mutable.add("b");
        assertThat(copied.nodeHistory()).containsExactly("a");
        assertThat(copied).isEqualTo(taken);
        assertThat(copied.hashCode()).isEqualTo(taken.hashCode());
    }
}
