package dev.victor.workflow.model;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReaderOptionsTest {

    @Test
    void defaults() {
        ReaderOptions options = ReaderOptions.defaults();

        assertThat(options.strict()).isFalse();
        assertThat(options.environment()).isNull();
        assertThat(options.interpolatesEnvironment()).isFalse();
        assertThat(options.customNodeTypes()).isEmpty();
    }

    @Test
    void withers() {
        ReaderOptions options = ReaderOptions.defaults()
                .withStrict(true)
                .withEnvironment(name -> "v")
                .withCustomNodeTypes(List.of("webhook"))
                .withCustomNodeType("email");

        assertThat(options.strict()).isTrue();
        assertThat(options.interpolatesEnvironment()).isTrue();
        assertThat(options.environment().apply("X")).isEqualTo("v");
        assertThat(options.customNodeTypes()).containsExactly("webhook", "email");
        assertThat(options.withEnvironment(null).interpolatesEnvironment()).isFalse();
        assertThat(options.withSystemEnvironment().environment()).isNotNull();
    }

    @Test
    void customNodeTypesAreACopyThatCannotChange() {
        Set<String> types = new HashSet<>(Set.of("webhook"));
        ReaderOptions options = new ReaderOptions(false, null, types);
        types.add("other");

        assertThat(options.customNodeTypes()).containsExactly("webhook");
        assertThatThrownBy(() -> options.customNodeTypes().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new ReaderOptions(false, null, null).customNodeTypes()).isEmpty();
    }
}
