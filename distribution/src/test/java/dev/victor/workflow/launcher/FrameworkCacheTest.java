package dev.victor.workflow.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FrameworkCacheTest {

    @TempDir
    Path data;

    @Test
    void oneRuntimeKeepsTheCacheInTheDataDirectoryAnotherGetsATemporaryOne() {
        Path temporary;
        try (FrameworkCache first = FrameworkCache.open(data)) {
            assertThat(first.kept()).isTrue();
            assertThat(first.directory()).isEqualTo(data.resolve("felix-cache"));
            try (FrameworkCache second = FrameworkCache.open(data)) {
                assertThat(second.kept()).isFalse();
                temporary = second.directory();
                assertThat(temporary).isDirectory().startsWith(Path.of(System.getProperty("java.io.tmpdir")));
            }
            assertThat(temporary).doesNotExist();
        }
        assertThat(data.resolve("felix-cache")).isDirectory();
        try (FrameworkCache again = FrameworkCache.open(data)) {
            assertThat(again.kept()).as("the lock is released at close").isTrue();
        }
    }

    @Test
    void theBundlesDataAreasStartEmptyTheirRevisionsStay() throws IOException {
        Path bundle = data.resolve("felix-cache/bundle7");
        Files.createDirectories(bundle.resolve("data/config"));
        Files.writeString(bundle.resolve("data/config/pid.config"), "stale");
        Files.createDirectories(bundle.resolve("version0.0"));
        Files.writeString(bundle.resolve("bundle.info"), "kept");

        try (FrameworkCache cache = FrameworkCache.open(data)) {
            assertThat(cache.kept()).isTrue();
            assertThat(bundle.resolve("data")).doesNotExist();
            assertThat(bundle.resolve("version0.0")).isDirectory();
            assertThat(bundle.resolve("bundle.info")).hasContent("kept");
        }
    }

    @Test
    void theStampsOfTheJarsAreKeptWithAKeptCacheOnly() throws IOException {
        Path jar = Files.writeString(data.resolve("a.jar"), "12345");
        String stamp = FrameworkCache.stamp(jar.toFile());
        assertThat(stamp).startsWith("5,");

        try (FrameworkCache kept = FrameworkCache.open(data)) {
            kept.saveStamps(Map.of("reference:file:/x/a.jar", stamp));
            try (FrameworkCache temporary = FrameworkCache.open(data)) {
                temporary.saveStamps(Map.of("reference:file:/x/b.jar", "1,1"));
                assertThat(temporary.stamps()).isEmpty();
            }
        }
        try (FrameworkCache kept = FrameworkCache.open(data)) {
            assertThat(kept.stamps()).containsExactly(Map.entry("reference:file:/x/a.jar", stamp));
            kept.clear();
            assertThat(kept.stamps()).isEmpty();
            assertThat(kept.directory()).isEmptyDirectory();
        }
    }

    @Test
    void aDataDirectoryThatCannotBeMadeGivesATemporaryCache() throws IOException {
        Path file = Files.writeString(data.resolve("not-a-directory"), "");
        try (FrameworkCache cache = FrameworkCache.open(file)) {
            assertThat(cache.kept()).isFalse();
            assertThat(cache.directory()).isDirectory();
        }
    }
}
