package dev.victor.workflow.http.internal;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** URL rules, charsets and durations in messages. */
class UrlsAndCharsetsTest {

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
        assertThatThrownBy(() -> Urls.parse("http://example.com/a", "https")).hasMessageContaining("https source");
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
    void charsetParameter() {
        assertThat(HttpFetcher.charsetParameter("application/yaml; charset=\"ISO-8859-1\"")).isEqualTo("ISO-8859-1");
        assertThat(HttpFetcher.charsetParameter("application/json;Charset=utf-8;x=y")).isEqualTo("utf-8");
        assertThat(HttpFetcher.charsetParameter("application/json")).isNull();
        assertThat(HttpFetcher.charsetParameter(null)).isNull();
        assertThatThrownBy(() -> HttpFetcher.toUtf8(new byte[] {'a'}, "text/yaml; charset=klingon", "u"))
                .hasMessageContaining("unknown charset 'klingon'");
    }

    @Test
    void bodiesReachTheFormatsInUtf8() {
        byte[] utf8 = "caf\u00e9".getBytes(StandardCharsets.UTF_8);
        assertThat(HttpFetcher.toUtf8(utf8, null, "u")).isSameAs(utf8);
        assertThat(HttpFetcher.toUtf8(utf8, "application/yaml; charset=UTF-8", "u")).isSameAs(utf8);
        assertThat(HttpFetcher.toUtf8("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1), "text/yaml; charset=latin1", "u"))
                .isEqualTo(utf8);
        assertThat(HttpFetcher.toUtf8("\uFEFFa".getBytes(StandardCharsets.UTF_16LE), "text/yaml; charset=utf-16le", "u"))
                .isEqualTo(new byte[] {'a'});
        assertThatThrownBy(() -> HttpFetcher.toUtf8(new byte[] {(byte) 0xD8, 0x00}, "text/yaml; charset=UTF-16BE", "u"))
                .hasMessageContaining("u is not valid UTF-16BE text");
        assertThat(HttpFetcher.withUtf8Charset("Application/YAML; Charset=\"latin1\"; x=y"))
                .isEqualTo("Application/YAML; x=y; charset=utf-8");
    }

    @Test
    void secretQueryValuesAreHiddenWhereUrlsAreShown() {
        assertThat(Urls.display(URI.create("https://h/a.yaml?v=2&token=abc&API_KEY=k1&sig=s&X-Amz-Credential=c&q")))
                .isEqualTo("https://h/a.yaml?v=2&token=***&API_KEY=***&sig=***&X-Amz-Credential=***&q");
        assertThat(Urls.redact("https://bob:pw@h/a?password=p#frag")).isEqualTo("https://***@h/a?password=***#frag");
        assertThat(Urls.display(URI.create("https://h/a.yaml"))).isEqualTo("https://h/a.yaml");
        assertThat(Urls.display(URI.create("https://h/a.yaml?ref=main"))).isEqualTo("https://h/a.yaml?ref=main");
    }

    @Test
    void secondsAreShownPlainly() {
        assertThat(HttpFetcher.seconds(java.time.Duration.ofSeconds(5))).isEqualTo("5 s");
        assertThat(HttpFetcher.seconds(java.time.Duration.ofMillis(250))).isEqualTo("0.25 s");
        assertThat(HttpFetcher.seconds(java.time.Duration.ofSeconds(90))).isEqualTo("90 s");
    }
}
