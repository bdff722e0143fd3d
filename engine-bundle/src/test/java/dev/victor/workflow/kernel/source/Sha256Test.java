package dev.victor.workflow.kernel.source;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class Sha256Test {

    @Test
    void knownValues() {
        assertThat(Sha256.hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.hex("é".getBytes(StandardCharsets.UTF_8))).isEqualTo(Sha256.hex("é"));
    }

    @Test
    void partsAreLengthPrefixedAndBytesAreNot() {
        assertThat(Sha256.digest().part("ab").part("c").hex()).isNotEqualTo(Sha256.digest().part("a").part("bc").hex());
        assertThat(Sha256.digest().part("abc").hex()).isEqualTo(Sha256.hex("3:abc"));
        assertThat(Sha256.digest().bytes("ab".getBytes(StandardCharsets.UTF_8)).bytes("c".getBytes(StandardCharsets.UTF_8))
                .hex()).isEqualTo(Sha256.hex("abc"));
    }
}
