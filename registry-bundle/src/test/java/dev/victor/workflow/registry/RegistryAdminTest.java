package dev.victor.workflow.registry;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.UnknownSchemeException;
import dev.victor.workflow.api.WorkflowException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The administration interface: plugins enabled and disabled, a disabled scheme, a faulty plugin. */
class RegistryAdminTest {

    private final DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.create();
    private final RegistryAdmin admin = registry;

    RegistryAdminTest() {
        registry.addService(new TinyPlugin(), Map.of("scheme", new String[] {"tiny", "small"}, "service.id", 7L,
                "plugin.name", "tiny-plugin"), "tiny.bundle 1.0.0");
    }

    @Test
    void aDisabledSchemeIsReportedAsDisabledNotUnknown() {
        admin.setEnabled("tiny", false);

        assertThat(admin.plugins()).filteredOn(info -> info.scheme().equals("tiny"))
                .singleElement().satisfies(info -> assertThat(info.enabled()).isFalse());
        assertThatThrownBy(() -> admin.compile("tiny://w: a", null))
                .isInstanceOf(DisabledSchemeException.class)
                .isInstanceOf(UnknownSchemeException.class)
                .hasMessageContaining("The workflow scheme 'tiny' is disabled")
                .hasMessageContaining("tiny-plugin")
                .hasMessageContaining("enabled=true")
                .hasMessageContaining("Enabled schemes: small")
                .hasMessageNotContaining("Unknown");
        assertThatThrownBy(() -> admin.compile("nope://w: a", null))
                .isNotInstanceOf(DisabledSchemeException.class)
                .hasMessageContaining("Unknown workflow scheme 'nope'");

        admin.setEnabled("tiny", true);
        assertThat(admin.compile("tiny://w: a", null).name()).isEqualTo("w");
    }

    @Test
    void disablingByPluginNameDisablesEveryScheme() {
        admin.setEnabled("tiny-plugin", false);
        assertThat(admin.schemes()).isEmpty();
        assertThatThrownBy(() -> admin.compile("small://w: a", null)).isInstanceOf(DisabledSchemeException.class);
        assertThatThrownBy(() -> admin.setEnabled("ghost", false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ghost'").hasMessageContaining("small, tiny");
    }

    @Test
    void cacheStatisticsAndClear() {
        admin.compile("tiny://w: a", null, true);
        admin.compile("tiny://w: a", null, true);
        assertThat(admin.cacheStatistics().hits()).isEqualTo(1);
        admin.clearCache();
        assertThat(admin.cacheStatistics().size()).isZero();
    }

    @Test
    void anExceptionThrownByAPluginNamesThePlugin() {
        for (String method : new String[] {"compile", "getCacheKey", "validateSource"}) {
            registry.addService(new TinyPlugin() {
                @Override
                public CompiledGraph compile(String source, String workflowName, boolean validate) {
                    if (method.equals("compile")) {
                        throw new IllegalStateException("plugin bug");
                    }
                    return super.compile(source, workflowName, validate);
                }

                @Override
                public String getCacheKey(String source) {
                    if (method.equals("getCacheKey")) {
                        throw new NullPointerException("plugin bug");
                    }
                    return super.getCacheKey(source);
                }

                @Override
                public boolean validateSource(String source) {
                    if (method.equals("validateSource")) {
                        throw new IllegalArgumentException("plugin bug");
                    }
                    return super.validateSource(source);
                }
            }, Map.of("scheme", "faulty", "service.id", 8L, "plugin.name", "faulty-" + method), "faulty.bundle 2.0.0");

            assertThatThrownBy(() -> admin.compile("faulty://w: a", null, true)).as(method)
                    .isInstanceOf(WorkflowException.class)
                    .hasMessageContaining("The faulty plugin faulty-" + method)
                    .hasMessageContaining("faulty.bundle 2.0.0")
                    .hasMessageContaining("failed in " + method + " of 'faulty://w: a'")
                    .hasMessageContaining("plugin bug")
                    .hasCauseInstanceOf(RuntimeException.class);
            registry.removeService(8L);
        }
    }
}
