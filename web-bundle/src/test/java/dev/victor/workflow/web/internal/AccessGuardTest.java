package dev.victor.workflow.web.internal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessGuardTest {

    private static Settings settings(String token, String user, String password, int perMinute) {
        return new Settings(token, user, password, Set.of("yaml"), Set.of("yaml"), List.of(), Path.of("/"),
                1000, perMinute, 2, 2, 10, 100, 10, 5);
    }

    private static AccessGuard guard(Settings settings) {
        return new AccessGuard(settings, new RateLimiter(settings.requestsPerMinute(), System::nanoTime));
    }

    private static AccessGuard.Request get(String local, String authorization) {
        return new AccessGuard.Request("GET", local, "10.0.0.9", authorization, null, null, null, "http", "h:8181");
    }

    private static AccessGuard.Request post(String contentType, String origin, String site) {
        return new AccessGuard.Request("POST", "127.0.0.1", "127.0.0.1", null, contentType, origin, site, "http",
                "127.0.0.1:8181");
    }

    private static int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (ApiException e) {
            return e.status();
        }
    }

    @Test
    void withoutCredentialsOnlyLoopbackAddressesAreServed() {
        AccessGuard open = guard(settings("", "", "", 0));

        for (String loopback : List.of("127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1", "[::1]")) {
            assertThat(status(() -> open.check(get(loopback, null)))).as(loopback).isEqualTo(200);
        }
        for (String other : List.of("192.168.1.5", "10.0.0.1", "::ffff:10.0.0.1", "0.0.0.0", "localhost", "", "fe80::1")) {
            assertThat(status(() -> open.check(get(other, null)))).as(other).isEqualTo(403);
        }
        assertThatThrownBy(() -> open.check(get("192.168.1.5", null))).hasMessageContaining("auth.token");
    }

    @Test
    void withATokenEveryRequestMustCarryIt() {
        AccessGuard guarded = guard(settings("s3cret-token", "", "", 0));

        assertThat(status(() -> guarded.check(get("192.168.1.5", "Bearer s3cret-token")))).isEqualTo(200);
        assertThat(status(() -> guarded.check(get("127.0.0.1", "bearer s3cret-token")))).isEqualTo(200);
        assertThat(status(() -> guarded.check(get("127.0.0.1", null)))).isEqualTo(401);
        assertThat(status(() -> guarded.check(get("192.168.1.5", "Bearer wrong")))).isEqualTo(401);
        assertThat(status(() -> guarded.check(get("192.168.1.5", "Bearer s3cret-token2")))).isEqualTo(401);
        assertThat(status(() -> guarded.check(get("192.168.1.5", "Basic " + basic("s3cret-token:"))))).isEqualTo(401);
        assertThatThrownBy(() -> guarded.check(get("127.0.0.1", null))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.headers()).containsEntry("WWW-Authenticate", "Bearer realm=\"victor\""));
    }

    @Test
    void withAUserAndPasswordBasicAuthenticationIsRequired() {
        AccessGuard guarded = guard(settings("", "ada", "pa:ss", 0));

        assertThat(status(() -> guarded.check(get("192.168.1.5", "Basic " + basic("ada:pa:ss"))))).isEqualTo(200);
        assertThat(status(() -> guarded.check(get("192.168.1.5", "Basic " + basic("ada:wrong"))))).isEqualTo(401);
        assertThat(status(() -> guarded.check(get("192.168.1.5", "Basic !!not base64")))).isEqualTo(401);
        assertThatThrownBy(() -> guarded.check(get("127.0.0.1", null))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.headers().get("WWW-Authenticate")).startsWith("Basic realm="));
        assertThatThrownBy(() -> settings("", "ada", "", 0)).hasMessageContaining("auth.user and auth.password");
    }

    @Test
    void aPostMustDeclareJsonAndComeFromThisOrigin() {
        AccessGuard open = guard(settings("", "", "", 0));

        assertThatCode(() -> open.check(post("application/json", null, null))).doesNotThrowAnyException();
        assertThatCode(() -> open.check(post("application/json; charset=utf-8", "http://127.0.0.1:8181", "same-origin")))
                .doesNotThrowAnyException();
        assertThat(status(() -> open.check(post(null, null, null)))).isEqualTo(415);
        assertThat(status(() -> open.check(post("text/plain", null, null)))).isEqualTo(415);
        assertThat(status(() -> open.check(post("application/x-www-form-urlencoded", null, null)))).isEqualTo(415);
        assertThat(status(() -> open.check(post("application/json", "http://evil.example", null)))).isEqualTo(403);
        assertThat(status(() -> open.check(post("application/json", "http://127.0.0.1:8182", null)))).isEqualTo(403);
        assertThat(status(() -> open.check(post("application/json", "null", null)))).isEqualTo(403);
        assertThat(status(() -> open.check(post("application/json", null, "cross-site")))).isEqualTo(403);
    }

    @Test
    void theRateLimitRefillsOverTheMinute() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(3, now::get);

        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
        assertThat(limiter.tryAcquire("b")).as("another client has its own bucket").isTrue();
        now.addAndGet(20_000_000_000L);
        assertThat(limiter.tryAcquire("a")).as("a third of a minute later, one more").isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
        assertThat(new RateLimiter(0, now::get).tryAcquire("a")).as("0: no limit").isTrue();

        AccessGuard guard = new AccessGuard(settings("", "", "", 1), new RateLimiter(1, now::get));
        assertThat(status(() -> guard.check(get("127.0.0.1", null)))).isEqualTo(200);
        assertThatThrownBy(() -> guard.check(get("127.0.0.1", null))).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.getMessage()).contains("requests.per.minute");
        });
    }

    private static String basic(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
