package dev.victor.workflow.example.classpath;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClasspathLocationTest {

    @Test
    void splitsTheBundleFromThePath() {
        ClasspathLocation location = ClasspathLocation.parse("com.acme.flows/workflows/review.yaml");

        assertThat(location.bundle()).isEqualTo("com.acme.flows");
        assertThat(location.path()).isEqualTo("workflows/review.yaml");
        assertThat(location.uri()).isEqualTo("classpath://com.acme.flows/workflows/review.yaml");
    }

    @Test
    void extraSlashesAreDropped() {
        ClasspathLocation location = ClasspathLocation.parse(" com.acme.flows//flows/Review.JSON ");

        assertThat(location.path()).isEqualTo("flows/Review.JSON");
    }

    @Test
    void refusesWhatIsNotABundleAndAFile() {
        for (String bad : new String[] {"", "review.yaml", "/workflows/review.yaml", "com.acme/", "com.acme/dir/",
                "com.acme/../secret.yaml", null}) {
            assertThatThrownBy(() -> ClasspathLocation.parse(bad)).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
