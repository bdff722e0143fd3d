package dev.victor.workflow.distribution.testplugins.churn;

import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.distribution.testplugins.common.MarkerPlugin;
import org.osgi.service.component.annotations.Component;

/** Test plugin for the scheme churn; its graphs write marker = 'churn'. */
@Component(service = WorkflowCompilerPlugin.class, property = {"scheme=churn"})
public final class ChurnPlugin extends MarkerPlugin {

    @Override
    protected String marker() {
        return "churn";
    }

    @Override
    protected long compileMillis() {
        return 1;
    }
}
