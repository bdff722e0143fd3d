package dev.victor.workflow.launcher;

import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;

import static org.assertj.core.api.Assertions.assertThat;

class LogForwarderTest {

    @Test
    void aFailedConstructorIsShownWithTheReasonInItsCause() {
        assertThat(LogForwarder.describe(new InvocationTargetException(
                new IllegalArgumentException("Invalid workflow table name 'a b'"))))
                .isEqualTo("java.lang.IllegalArgumentException: Invalid workflow table name 'a b'");
        assertThat(LogForwarder.describe(new IllegalStateException("activation failed",
                new InvocationTargetException(new IllegalArgumentException("bad")))))
                .isEqualTo("java.lang.IllegalStateException: activation failed; caused by"
                        + " java.lang.IllegalArgumentException: bad");
        assertThat(LogForwarder.describe(new InvocationTargetException(null)))
                .isEqualTo("java.lang.reflect.InvocationTargetException");
        assertThat(LogForwarder.describe(new OutOfMemoryError("Java heap space")))
                .isEqualTo("java.lang.OutOfMemoryError: Java heap space");
    }
}
