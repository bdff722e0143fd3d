package dev.victor.workflow.yaml.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceLinesTest {

    @Test
    void turnsColumnsIntoOffsetsAndBackOnPlainLines() {
        SourceLines lines = new SourceLines("ab: c\r\nxyz\rlast");
        assertThat(lines.count()).isEqualTo(3);
        assertThat(lines.charOffset(0, 4)).isEqualTo(4);
        assertThat(lines.codePointAt(0, 4)).isEqualTo('c');
        assertThat(lines.codePointAt(0, 5)).isEqualTo(-1);
        assertThat(lines.charOffset(1, 4)).isEqualTo(-1);
        assertThat(lines.codePointAt(2, 0)).isEqualTo('l');
        assertThat(lines.column(1, 2)).isEqualTo(2);
        assertThat(lines.codePointAt(7, 0)).isEqualTo(-1);
    }

    @Test
    void countsASurrogatePairAsOneColumn() {
        String smile = "\uD83D\uDE00";
        SourceLines lines = new SourceLines("plain\n[" + smile + "a, " + smile + smile + "b]\u2028x");
        assertThat(lines.codePointAt(1, 1)).isEqualTo(smile.codePointAt(0));
        assertThat(lines.codePointAt(1, 2)).isEqualTo('a');
        assertThat(lines.charOffset(1, 2)).isEqualTo(3);
        assertThat(lines.codePointAt(1, 7)).isEqualTo('b');
        assertThat(lines.charOffset(1, 7)).isEqualTo(10);
        assertThat(lines.column(1, 10)).isEqualTo(7);
        assertThat(lines.charOffset(1, 9)).isEqualTo(12);
        assertThat(lines.charOffset(1, 10)).isEqualTo(-1);
        assertThat(lines.codePointAt(2, 0)).isEqualTo('x');
    }
}
