package dev.victor.workflow.yaml.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WholeTextReaderTest {

    /** Every event, with where it starts and ends, as SnakeYAML's parser reports them. */
    private static List<String> events(StreamReader reader) {
        ParserImpl parser = new ParserImpl(reader, new LoaderOptions());
        List<String> events = new ArrayList<>();
        Event event;
        do {
            event = parser.getEvent();
            events.add(event + " " + describe(event.getStartMark()) + " " + describe(event.getEndMark()));
        } while (!event.is(Event.ID.StreamEnd));
        return events;
    }

    /** The events, or the events up to a syntax error and the error with its position. */
    private static List<String> outcome(StreamReader reader) {
        ParserImpl parser = new ParserImpl(reader, new LoaderOptions());
        List<String> events = new ArrayList<>();
        try {
            Event event;
            do {
                event = parser.getEvent();
                events.add(event + " " + describe(event.getStartMark()) + " " + describe(event.getEndMark()));
            } while (!event.is(Event.ID.StreamEnd));
        } catch (MarkedYAMLException e) {
            events.add(e.getProblem() + " " + describe(e.getProblemMark()));
        }
        return events;
    }

    private static String describe(Mark mark) {
        return mark.getIndex() + "@" + mark.getLine() + ":" + mark.getColumn();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "a: 1\nb: [x, \"y z\", 'w']\n",
            "a: 1\r\nb:\r\n  - x\r\n  - y\r\n",
            "a: 1\rb: 2\r",
            "\uFEFFa: 1\n",
            "a: 1\u0085b: 2\u2028c: 3\u2029d: 4",
            "s: [\uD83D\uDE00a, b\uD83D\uDE00, \"\uD83D\uDE00\"]\n# \uD83D\uDE00 comment\nt: \uD83D\uDE00\n",
            "a: |\n  line one\n  line two\nb: >-\n  folded\n  text\n",
            "a: &x {b: [1, 2]}\nc: *x\nd: !!str 3\n",
            "a: \"escapes \\t \\u00e9 \\\n  continued\"\n",
            "--- \na: 1\n...\n",
            "a: [x,\ty]\n",
            "a: 1\r",
            "a:\tb\n",
            "a: [x\nb: 1\n",
            "a: \"open\n\nb: 2\n",
            "- a\nb: c\n"})
    void answersAsSnakeYamlsReaderDoes(String text) {
        assertThat(outcome(new WholeTextReader(text))).isEqualTo(outcome(new StreamReader(text)));
    }

    @Test
    void everyMarkRefersToTheOneArrayOfTheWholeText() {
        String text = "a: \"" + "x".repeat(1 << 20) + "\"\nb: [" + "y, ".repeat(10_000) + "z]\n";
        WholeTextReader reader = new WholeTextReader(text);
        ParserImpl parser = new ParserImpl(reader, new LoaderOptions());
        int events = 0;
        Event event;
        do {
            event = parser.getEvent();
            assertThat(event.getStartMark().getBuffer()).isSameAs(reader.codePoints());
            assertThat(event.getEndMark().getBuffer()).isSameAs(reader.codePoints());
            events++;
        } while (!event.is(Event.ID.StreamEnd));
        assertThat(events).isGreaterThan(10_000);
        assertThat(reader.codePoints()).hasSize(text.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a: \u0001", "a: b\u0000", "a: [x, \uD800]", "a: '\u001B[31m'"})
    void refusesWhatSnakeYamlsReaderRefuses(String text) {
        ReaderException ours = catchThrowableOfType(ReaderException.class, () -> events(new WholeTextReader(text)));
        ReaderException theirs = catchThrowableOfType(ReaderException.class, () -> events(new StreamReader(text)));
        assertThat(ours).isNotNull();
        assertThat(theirs).isNotNull();
        assertThat(ours.getPosition()).isEqualTo(theirs.getPosition());
        assertThat(ours.getCodePoint()).isEqualTo(theirs.getCodePoint());
    }
}
