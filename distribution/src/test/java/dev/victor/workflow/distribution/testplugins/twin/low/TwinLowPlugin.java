package dev.victor.workflow.distribution.testplugins.twin.low;

import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.distribution.testplugins.common.MarkerPlugin;
import org.osgi.service.component.annotations.Component;

/** Test plugin for the scheme twin; its graphs write marker = 'low'. */
@Component(service = WorkflowCompilerPlugin.class, property = {"scheme=twin", "service.ranking:Integer=1"})
public final class TwinLowPlugin extends MarkerPlugin {

    @Override
    protected String marker() {
        return "low";
    }
}
