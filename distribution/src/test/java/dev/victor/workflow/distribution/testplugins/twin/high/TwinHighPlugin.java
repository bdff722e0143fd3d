package dev.victor.workflow.distribution.testplugins.twin.high;

import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.distribution.testplugins.common.MarkerPlugin;
import org.osgi.service.component.annotations.Component;

/** Test plugin for the scheme twin; its graphs write marker = 'high'. */
@Component(service = WorkflowCompilerPlugin.class, property = {"scheme=twin", "service.ranking:Integer=10"})
public final class TwinHighPlugin extends MarkerPlugin {

    @Override
    protected String marker() {
        return "high";
    }
}
