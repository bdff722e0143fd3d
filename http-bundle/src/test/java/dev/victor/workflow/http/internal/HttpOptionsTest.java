package dev.victor.workflow.http.internal;

import dev.victor.workflow.api.WorkflowException;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Options in code: keys, defaults, conversions, and headers whose values never show. */
class HttpOptionsTest {

    @Test
    void defaults() {
        HttpOptions options = HttpOptions.from(Map.of());

        assertThat(options).isEqualTo(HttpOptions.defaults());
        assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.maxBodyBytes()).isEqualTo(1_048_576);
        assertThat(options.maxRedirects()).isEqualTo(5);
        assertThat(options.headers()).isEmpty();
        assertThat(options.allowedHosts()).containsExactly("*");
        assertThat(options.allowPrivateNetworks()).isFalse();
        assertThat(options.cacheSize()).isEqualTo(64);
        assertThat(options.revalidateAfter()).isZero();
        assertThat(options.sslContext()).isNull();
    }

    @Test
    void snakeCaseDottedAndPrivateKeysWithConversions() throws Exception {
        SSLContext context = SSLContext.getDefault();
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("connect_timeout", 2.5);
        given.put("read.timeout", "PT0.25S");
        given.put("max_body_bytes", "2048");
        given.put("max.redirects", 3);
        given.put(".headers", new String[] {"Authorization: Bearer abc", "X-Trace: on"});
        given.put("allowed_hosts", "*.example.com, example.com");
        given.put("allow.private.networks", "true");
        given.put("cache_size", 8L);
        given.put("revalidate_after", "30");
        given.put("ssl_context", context);

        HttpOptions options = HttpOptions.from(given);

        assertThat(options.connectTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(options.readTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(options.maxBodyBytes()).isEqualTo(2048);
        assertThat(options.maxRedirects()).isEqualTo(3);
        assertThat(options.headers()).containsExactly(Map.entry("Authorization", "Bearer abc"),
                Map.entry("X-Trace", "on"));
        assertThat(options.allowedHosts()).containsExactly("*.example.com", "example.com");
        assertThat(options.allowPrivateNetworks()).isTrue();
        assertThat(options.cacheSize()).isEqualTo(8);
        assertThat(options.revalidateAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.sslContext()).isSameAs(context);
    }

    @Test
    void headersAsAMapAsLinesOrAsOneStringOfLines() {
        assertThat(HttpOptions.from(Map.of("headers", Map.of("A", "1"))).headers()).containsExactly(Map.entry("A", "1"));
        assertThat(HttpOptions.from(Map.of("headers", List.of("A: 1", "B:2"))).headers())
                .containsExactly(Map.entry("A", "1"), Map.entry("B", "2"));
        assertThat(HttpOptions.from(Map.of("headers", "A: 1\nB: x: y\n\n")).headers())
                .containsExactly(Map.entry("A", "1"), Map.entry("B", "x: y"));
    }

    @Test
    void othersKeysAreIgnoredAndUnknownOnesRefused() {
        Map<String, Object> given = Map.of("service.pid", "x", "component.name", "y", "stale_if_error", true,
                "enable_caching", true, "cache_ttl", 5, "felix.fileinstall.filename", "z");
        assertThat(HttpOptions.from(given)).isEqualTo(HttpOptions.defaults());

        assertThatThrownBy(() -> HttpOptions.from(Map.of("timeout", 3, "allowed_host", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown option(s) of the HTTP source: allowed_host, timeout; it accepts:");
        assertThatThrownBy(() -> HttpSource.options(Map.of("timeout", 3)))
                .isInstanceOf(WorkflowException.class).hasMessageStartingWith("Invalid options for the HTTP source");
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> HttpOptions.from(Map.of("connect_timeout", "soon")))
                .hasMessageContaining("connect_timeout must be a duration");
        assertThatThrownBy(() -> HttpOptions.from(Map.of("read_timeout", 0)))
                .hasMessageContaining("read_timeout must be a positive duration");
        assertThatThrownBy(() -> HttpOptions.from(Map.of("max_body_bytes", 1.5)))
                .hasMessageContaining("max_body_bytes must be a whole number");
        assertThatThrownBy(() -> HttpOptions.from(Map.of("max_body_bytes", 0)))
                .hasMessageContaining("max_body_bytes must be positive");
        assertThatThrownBy(() -> HttpOptions.from(Map.of("max_redirects", 21)))
                .hasMessageContaining("between 0 and 20");
        assertThatThrownBy(() -> HttpOptions.from(Map.of("allow_private_networks", "yes")))
                .hasMessageContaining("true or false");
        assertThatThrownBy(() -> HttpOptions.from(Map.of("ssl_context", "trust-all")))
                .hasMessageContaining("can only be given in code");
        assertThatThrownBy(() -> HttpOptions.from(Map.of("allowed_hosts", List.of("a", " "))))
                .hasMessageContaining("empty pattern");
    }

    @Test
    void badHeadersAreRefusedWithoutShowingTheirValues() {
        String secret = "s3cr3t-value";
        assertThatThrownBy(() -> HttpOptions.from(Map.of("headers", Map.of("Bad Name", secret))))
                .hasMessageContaining("'Bad Name' is not a valid header name").hasMessageNotContaining(secret);
        assertThatThrownBy(() -> HttpOptions.from(Map.of("headers", Map.of("X-Key", secret + "\r\nX-Injected: 1"))))
                .hasMessageContaining("'X-Key'").hasMessageNotContaining(secret);
        assertThatThrownBy(() -> HttpOptions.from(Map.of("headers", List.of("no colon " + secret))))
                .hasMessageContaining("entry 1 is not of the form 'Name: value'").hasMessageNotContaining(secret);
        assertThatThrownBy(() -> HttpOptions.from(Map.of("headers", List.of("A: 1", "a: " + secret))))
                .hasMessageContaining("'a' is given twice").hasMessageNotContaining(secret);
        for (String reserved : List.of("Host", "Connection", "Content-Length", "If-None-Match", "Upgrade")) {
            assertThatThrownBy(() -> HttpOptions.from(Map.of("headers", Map.of(reserved, secret))))
                    .hasMessageContaining("cannot be configured").hasMessageNotContaining(secret);
        }
    }

    @Test
    void toStringHidesHeaderValues() {
        HttpOptions options = HttpOptions.from(Map.of("headers", Map.of("Authorization", "Bearer xyz-123")));

        assertThat(options.toString()).contains("Authorization").contains("values hidden")
                .doesNotContain("xyz-123");
    }
}
