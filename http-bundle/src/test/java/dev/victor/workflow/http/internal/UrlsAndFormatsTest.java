package dev.victor.workflow.http.internal;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** URL rules, format detection, charsets and durations in messages. */
class UrlsAndFormatsTest {

    @Test
    void theSchemeOfThePluginIsPutBackAndFullUrlsAreAccepted() {
        assertThat(Urls.parse("example.com/flows/a.yaml", "https")).hasToString("https://example.com/flows/a.yaml");
        assertThat(Urls.parse("Example.COM:8443/A.yaml?v=2#part", "https"))
                .hasToString("https://example.com:8443/A.yaml?v=2");
        assertThat(Urls.parse("example.com", "http")).hasToString("http://example.com/");
        assertThat(Urls.parse("  HTTPS://example.com/a  ", "http")).hasToString("https://example.com/a");
        assertThat(Urls.parse("[2001:db8::1]:8080/a.yaml", "http")).hasToString("http://[2001:db8::1]:8080/a.yaml");
        assertThat(Urls.parse("example.com/a%20b.yaml", "http")).hasToString("http://example.com/a%20b.yaml");
    }

    @Test
    void badUrlsSayWhyWithoutShowingCredentials() {
        assertThatThrownBy(() -> Urls.parse("ftp://example.com/a", "http")).hasMessageContaining("not an http or https URL");
        assertThatThrownBy(() -> Urls.parse("http://example.com/a", "https")).hasMessageContaining("https plugin");
        assertThatThrownBy(() -> Urls.parse("bob:pw123@example.com/a", "https"))
                .hasMessageContaining("user information").hasMessageContaining("***@example.com")
                .hasMessageNotContaining("pw123");
        assertThatThrownBy(() -> Urls.parse("https://bob:pw123@exa mple.com/a", "https"))
                .hasMessageContaining("not a valid URL").hasMessageNotContaining("pw123");
        assertThatThrownBy(() -> Urls.parse("/local/path.yaml", "http")).hasMessageContaining("has no host");
        assertThatThrownBy(() -> Urls.parse("", "http")).hasMessageContaining("no URL given");
    }

    @Test
    void sameOriginComparesSchemeHostAndPort() {
        assertThat(Urls.sameOrigin(URI.create("https://a.com/x"), URI.create("https://A.com:443/y"))).isTrue();
        assertThat(Urls.sameOrigin(URI.create("http://a.com/x"), URI.create("http://a.com:80/y"))).isTrue();
        assertThat(Urls.sameOrigin(URI.create("http://a.com/x"), URI.create("https://a.com/x"))).isFalse();
        assertThat(Urls.sameOrigin(URI.create("https://a.com/x"), URI.create("https://b.a.com/x"))).isFalse();
        assertThat(Urls.sameOrigin(URI.create("https://a.com/x"), URI.create("https://a.com:8443/x"))).isFalse();
    }

    @Test
    void formatFromContentTypeThenPathThenYaml() {
        URI json = URI.create("http://h/a.JSON");
        URI yaml = URI.create("http://h/a.yml");
        URI none = URI.create("http://h/a");
        assertThat(Format.detect("application/yaml", json, none)).isEqualTo(Format.YAML);
        assertThat(Format.detect("Application/X-YAML; charset=utf-8", json, none)).isEqualTo(Format.YAML);
        assertThat(Format.detect("text/yaml", json, none)).isEqualTo(Format.YAML);
        assertThat(Format.detect("application/json", yaml, none)).isEqualTo(Format.JSON);
        assertThat(Format.detect("application/problem+json", none, none)).isEqualTo(Format.JSON);
        assertThat(Format.detect(null, json, none)).isEqualTo(Format.JSON);
        assertThat(Format.detect("text/plain", json, none)).isEqualTo(Format.JSON);
        assertThat(Format.detect(null, none, json)).isEqualTo(Format.JSON);
        assertThat(Format.detect(null, yaml, json)).isEqualTo(Format.YAML);
        assertThat(Format.detect(null, none, none)).isEqualTo(Format.YAML);
        assertThat(Format.detect("", URI.create("http://h/a.json?x=1"), none)).isEqualTo(Format.JSON);
    }

    @Test
    void charsetParameter() {
        assertThat(HttpFetcher.charsetParameter("application/yaml; charset=\"ISO-8859-1\"")).isEqualTo("ISO-8859-1");
        assertThat(HttpFetcher.charsetParameter("application/json;Charset=utf-8;x=y")).isEqualTo("utf-8");
        assertThat(HttpFetcher.charsetParameter("application/json")).isNull();
        assertThat(HttpFetcher.charsetParameter(null)).isNull();
        assertThatThrownBy(() -> HttpFetcher.decode(new byte[] {'a'}, "text/yaml; charset=klingon", "u"))
                .hasMessageContaining("unknown charset 'klingon'");
    }

    @Test
    void secondsAreShownPlainly() {
        assertThat(HttpFetcher.seconds(java.time.Duration.ofSeconds(5))).isEqualTo("5 s");
        assertThat(HttpFetcher.seconds(java.time.Duration.ofMillis(250))).isEqualTo("0.25 s");
        assertThat(HttpFetcher.seconds(java.time.Duration.ofSeconds(90))).isEqualTo("90 s");
    }
}
