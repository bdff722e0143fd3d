package dev.victor.workflow.http.internal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The DS components: configuration as Configuration Admin gives it (no framework), and what bnd generated. */
class ComponentTest {

    private static HttpSourceConfig config(double connect, double read, long maxBody, int redirects, String[] headers,
                                           String[] hosts, boolean allowPrivate, int cacheSize, double revalidate) {
        return new HttpSourceConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return HttpSourceConfig.class;
            }

            @Override
            public double connect_timeout() {
                return connect;
            }

            @Override
            public double read_timeout() {
                return read;
            }

            @Override
            public long max_body_bytes() {
                return maxBody;
            }

            @Override
            public int max_redirects() {
                return redirects;
            }

            @Override
            public String[] _headers() {
                return headers;
            }

            @Override
            public String[] allowed_hosts() {
                return hosts;
            }

            @Override
            public boolean allow_private_networks() {
                return allowPrivate;
            }

            @Override
            public int cache_size() {
                return cacheSize;
            }

            @Override
            public double revalidate_after() {
                return revalidate;
            }

            @Override
            public boolean stale__if__error() {
                return false;
            }
        };
    }

    private static HttpSourceConfig defaults() {
        return config(5, 30, 1_048_576, 5, new String[0], new String[] {"*"}, false, 64, 0);
    }

    @Test
    void theDefaultConfigurationGivesTheDefaultOptions() {
        assertThat(SourceComponents.options(defaults(), Map.of(), new RecordingLogger()))
                .isEqualTo(HttpOptions.defaults());
    }

    @Test
    void aConfigurationBecomesOptions() {
        HttpSourceConfig config = config(1.5, 10, 4096, 2, new String[] {"Authorization: Bearer abc", "X-A: 1"},
                new String[] {"*.example.com"}, true, 8, 30);

        HttpOptions options = SourceComponents.options(config, Map.of(), new RecordingLogger());

        assertThat(options.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(options.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.maxBodyBytes()).isEqualTo(4096);
        assertThat(options.maxRedirects()).isEqualTo(2);
        assertThat(options.headers()).containsEntry("Authorization", "Bearer abc").containsEntry("X-A", "1");
        assertThat(options.allowedHosts()).containsExactly("*.example.com");
        assertThat(options.allowPrivateNetworks()).isTrue();
        assertThat(options.cacheSize()).isEqualTo(8);
        assertThat(options.revalidateAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aCfgFileGivesListsAsOneString() {
        HttpSourceConfig config = config(5, 30, 1024, 5, new String[] {"Authorization: Bearer abc\nX-Team: blue"},
                new String[] {"*.example.com, example.com,"}, false, 64, 0);

        HttpOptions options = SourceComponents.options(config, Map.of(), new RecordingLogger());

        assertThat(options.allowedHosts()).containsExactly("*.example.com", "example.com");
        assertThat(options.headers()).containsEntry("Authorization", "Bearer abc").containsEntry("X-Team", "blue");
        assertThat(SourceComponents.hostPatterns(new String[] {""})).isEmpty();
    }

    @Test
    void aPublicHeadersKeyIsHonouredWithAWarningThatShowsNoValue() {
        RecordingLogger log = new RecordingLogger();

        HttpOptions options = SourceComponents.options(defaults(),
                Map.of("headers", new String[] {"Authorization: Bearer leaked-9"}), log);

        assertThat(options.headers()).containsEntry("Authorization", "Bearer leaked-9");
        assertThat(log.messages).singleElement().satisfies(message -> assertThat(message)
                .startsWith("WARNING").contains("'.headers'").doesNotContain("leaked-9"));
    }

    @Test
    void unknownKeysAreWarnedAboutNamingTheFileAndTheKnownKeys() {
        RecordingLogger log = new RecordingLogger();
        SourceComponents.options(defaults(), Map.of("allowed.host", "*.example.com", "max.redirect", "1",
                "felix.fileinstall.filename", "file:/v/etc/dev.victor.workflow.http.cfg", "scheme", "http",
                "plugin.name", "http", "component.id", 4L, "cache.size", "3"), log);
        assertThat(log.messages).containsExactly("WARNING The configuration /v/etc/dev.victor.workflow.http.cfg has"
                + " unknown key(s) allowed.host, max.redirect, which are ignored; known: .headers, allow.private.networks,"
                + " allowed.hosts, cache.size, connect.timeout, headers, max.body.bytes, max.redirects, plugin.name,"
                + " read.timeout, revalidate.after, scheme, stale_if_error");
        RecordingLogger quiet = new RecordingLogger();
        SourceComponents.options(defaults(), Map.of("allowed.hosts", "a", ".headers", "X: y", "stale_if_error", true),
                quiet);
        assertThat(quiet.messages).isEmpty();
    }

    @Test
    void aBadConfigurationNamesThePid() {
        assertThatThrownBy(() -> SourceComponents.options(config(0, 30, 1, 5, new String[0], new String[] {"*"},
                false, 64, 0), Map.of(), new RecordingLogger()))
                .hasMessageContaining("dev.victor.workflow.http").hasMessageContaining("connect.timeout");
        assertThatThrownBy(() -> SourceComponents.options(config(5, 30, 1, 5, new String[] {"Host: x"},
                new String[] {"*"}, false, 64, 0), Map.of(), new RecordingLogger()))
                .hasMessageContaining("'Host' cannot be configured");
    }

    @Test
    void theComponentsServeTheirSchemeAndHideHeaders() {
        HttpSourceConfig config = config(5, 30, 1024, 5, new String[] {"Authorization: Bearer hidden-7"},
                new String[] {"*"}, false, 64, 0);
        HttpSourceComponent http = new HttpSourceComponent(config, Map.of(), null);
        HttpsSourceComponent https = new HttpsSourceComponent(config, Map.of(), null);
        try {
            assertThat(http.accepts("example.com/a.yaml")).isTrue();
            assertThat(http.accepts("http://example.com/a.yaml")).isTrue();
            assertThat(https.accepts("http://example.com/a.yaml")).isFalse();
            assertThat(https.accepts("example.com/a.yaml")).isTrue();
            assertThat(http + " " + https).contains("[http, ").contains("[https, ").doesNotContain("hidden-7");
            // a private address is refused by default, before any request: the configuration is in force
            assertThatThrownBy(() -> http.fingerprint("127.0.0.1:9/a.yaml")).hasMessageContaining("loopback");
            assertThatThrownBy(() -> https.read("127.0.0.1:9/a.yaml")).hasMessageContaining("loopback");
        } finally {
            http.deactivate();
            https.deactivate();
        }
    }

    @Test
    void theGeneratedDescriptorsPublishTheSchemesAsSourcesAndKeepHeadersPrivate() throws IOException {
        String http = resource("OSGI-INF/dev.victor.workflow.http.internal.HttpSourceComponent.xml");
        String https = resource("OSGI-INF/dev.victor.workflow.http.internal.HttpsSourceComponent.xml");
        String metatype = resource("OSGI-INF/metatype/dev.victor.workflow.http.xml");

        assertThat(http).contains("configuration-pid=\"dev.victor.workflow.http\"")
                .contains("<property name=\"scheme\" type=\"String\">http</property>")
                .contains("<property name=\"plugin.name\" type=\"String\" value=\"http\"/>")
                .contains("<provide interface=\"dev.victor.workflow.source.WorkflowSource\"/>")
                .doesNotContain("WorkflowCompilerRegistry").doesNotContain("WorkflowCompilerPlugin")
                .doesNotContain("headers");
        assertThat(https).contains("<property name=\"scheme\" type=\"String\">https</property>")
                .contains("<property name=\"plugin.name\" type=\"String\" value=\"http\"/>")
                .contains("<provide interface=\"dev.victor.workflow.source.WorkflowSource\"/>")
                .contains("configuration-pid=\"dev.victor.workflow.http\"")
                .doesNotContain("WorkflowCompilerRegistry");
        assertThat(metatype).contains("<AD id=\".headers\" type=\"Password\"")
                .contains("<AD id=\"stale_if_error\"").contains("<AD id=\"allowed.hosts\"");
        for (String key : List.of("connect.timeout", "read.timeout", "max.body.bytes", "max.redirects",
                "allow.private.networks", "cache.size", "revalidate.after")) {
            assertThat(metatype).contains("<AD id=\"" + key + "\"");
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ComponentTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
