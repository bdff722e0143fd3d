package dev.victor.workflow.s3.internal;

import dev.victor.workflow.api.WorkflowException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3LocationTest {

    @Test
    void bucketAndKeyAreTakenLiterally() {
        assertThat(S3Location.parse("flows/team/review.yaml")).isEqualTo(new S3Location("flows", "team/review.yaml"));
        assertThat(S3Location.parse("flows/a%20b?x#y")).isEqualTo(new S3Location("flows", "a%20b?x#y"));
        assertThat(S3Location.parse("my.bucket-1/k").bucket()).isEqualTo("my.bucket-1");
    }

    @Test
    void prefixes() {
        assertThat(S3Location.parse("flows").isPrefix()).isTrue();
        assertThat(S3Location.parse("flows/").isPrefix()).isTrue();
        assertThat(S3Location.parse("flows/team/").isPrefix()).isTrue();
        assertThat(S3Location.parse("flows/team").isPrefix()).isFalse();
        assertThat(S3Location.parse("flows/team/").uri()).isEqualTo("s3://flows/team/");
    }

    @Test
    void badLocationsAreRefusedWithTheReason() {
        for (String bad : new String[] {"ab/k", "-abc/k", "abc-/k", "a..b/k", "a b/k", "/k", "x".repeat(64) + "/k"}) {
            assertThatThrownBy(() -> S3Location.parse(bad)).as(bad).isInstanceOf(WorkflowException.class)
                    .hasMessageContaining("is not an S3 bucket name");
        }
        assertThatThrownBy(() -> S3Location.parse("")).hasMessageContaining("needs a bucket");
        assertThatThrownBy(() -> S3Location.parse(null)).hasMessageContaining("needs a bucket");
        assertThatThrownBy(() -> S3Location.parse("flows/a\nb")).hasMessageContaining("control character (at index 1)");
        assertThatThrownBy(() -> S3Location.parse("flows/" + "é".repeat(513)))
                .hasMessageContaining("longer than S3's limit of 1024 bytes");
        assertThat(S3Location.parse("flows/" + "é".repeat(512)).key()).hasSize(512);
    }
}
