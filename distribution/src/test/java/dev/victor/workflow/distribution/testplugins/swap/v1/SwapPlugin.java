package dev.victor.workflow.distribution.testplugins.swap.v1;

import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.distribution.testplugins.common.MarkerPlugin;
import org.osgi.service.component.annotations.Component;

/** Test plugin for the scheme swap; its graphs write marker = 'v1'. */
@Component(service = WorkflowCompilerPlugin.class, property = {"scheme=swap"})
public final class SwapPlugin extends MarkerPlugin {

    @Override
    protected String marker() {
        return "v1";
    }
}
