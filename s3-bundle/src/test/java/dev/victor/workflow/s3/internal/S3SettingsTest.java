package dev.victor.workflow.s3.internal;

import dev.victor.workflow.api.WorkflowException;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3SettingsTest {

    /** A configuration as Declarative Services hands it: the given values, the defaults for the rest. */
    static S3Config config(Map<String, Object> values) {
        return (S3Config) Proxy.newProxyInstance(S3Config.class.getClassLoader(), new Class<?>[] {S3Config.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return S3Config.class;
                    }
                    return values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue();
                });
    }

    @Test
    void defaultsAreAwsInUsEast1WithTheDefaultChain() {
        S3Settings settings = S3Settings.of(config(Map.of()));

        assertThat(settings.region()).isEqualTo("us-east-1");
        assertThat(settings.endpoint()).isNull();
        assertThat(settings.pathStyle()).isFalse();
        assertThat(settings.credentialsDescription())
                .isEqualTo("the default credentials provider chain without the instance profile");
        assertThat(S3Settings.of(config(Map.of("instance_credentials", true))).credentialsDescription())
                .isEqualTo("the default credentials provider chain");
        assertThat(settings.maxBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(settings.readTimeout()).hasSeconds(30);
        assertThat(((Annotation) config(Map.of())).annotationType()).isEqualTo(S3Config.class);
    }

    @Test
    void configuredValuesAreTakenAndTheSecretNeverShown() {
        Map<String, Object> values = new HashMap<>();
        values.put("region", " eu-central-1 ");
        values.put("endpoint", "http://127.0.0.1:9000");
        values.put("path_style", true);
        values.put("access_key", "AKIDEXAMPLE");
        values.put("_secret_key", "wJalrXUtnFEMI-secret");
        values.put("_session_token", "token-secret");
        values.put("connect_timeout", 0.5);
        S3Settings settings = S3Settings.of(config(values));

        assertThat(settings.region()).isEqualTo("eu-central-1");
        assertThat(settings.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(settings.connectTimeout()).hasMillis(500);
        assertThat(settings.toString()).contains("AKIDEXAMPLE").doesNotContain("wJalrXUtnFEMI-secret")
                .doesNotContain("token-secret");
    }

    @Test
    void badSettingsAreRefusedByName() {
        assertThatThrownBy(() -> S3Settings.of(config(Map.of("endpoint", "ftp://host"))))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("'endpoint' must be an http or https URL");
        assertThatThrownBy(() -> S3Settings.of(config(Map.of("endpoint", "http://us er:pw@host"))))
                .hasMessageContaining("'endpoint' is not a URL").hasMessageNotContaining("pw");
        assertThatThrownBy(() -> S3Settings.of(config(Map.of("endpoint", "http://user:pw@host"))))
                .hasMessageContaining("must not hold user information").hasMessageNotContaining("pw@");
        assertThatThrownBy(() -> S3Settings.of(config(Map.of("access_key", "AKID"))))
                .hasMessageContaining("'access.key' is set but '.secret.key' is empty");
        assertThatThrownBy(() -> S3Settings.of(config(Map.of("_secret_key", "s3cr3t"))))
                .hasMessageContaining("'.secret.key' is set but 'access.key' is empty").hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> S3Settings.of(config(Map.of("access_key", "A", "_secret_key", "B", "anonymous", true))))
                .hasMessageContaining("'anonymous' and 'access.key' exclude each other");
        assertThatThrownBy(() -> S3Settings.of(config(Map.of("read_timeout", 0.0))))
                .hasMessageContaining("'read.timeout' must be more than 0");
        assertThatThrownBy(() -> S3Settings.of(config(Map.of("max_attempts", 0))))
                .hasMessageContaining("'max.attempts' must be 1 to 10");
        assertThatThrownBy(() -> S3Settings.of(config(Map.of("max_bytes", 0L))))
                .hasMessageContaining("'max.bytes' must be 1 to");
        assertThatThrownBy(() -> S3Settings.of(config(Map.of("region", " "))))
                .hasMessageContaining("'region' is empty");
    }

    @Test
    void theComponentServesWhatItsConfigurationNames() throws Exception {
        try (TestS3Server server = new TestS3Server()) {
            server.bucket("flows");
            server.put("flows", "a.yaml", "workflows: {}\n", "application/yaml");
            Map<String, Object> values = new HashMap<>();
            values.put("endpoint", server.endpoint().toString());
            values.put("path_style", true);
            values.put("access_key", TestS3Server.ACCESS_KEY);
            values.put("_secret_key", TestS3Server.SECRET_KEY);
            S3SourceComponent component = new S3SourceComponent(config(values), values, null);
            try {
                assertThat(component.read("flows/a.yaml").content()).hasSize(14);
                assertThat(component.fingerprint("flows/a.yaml")).startsWith("etag:");
                assertThat(component.list("flows/")).containsExactly("flows/a.yaml");
                assertThat(component.accepts("flows/a.yaml")).isTrue();
            } finally {
                component.deactivate();
            }
        }
    }
}
