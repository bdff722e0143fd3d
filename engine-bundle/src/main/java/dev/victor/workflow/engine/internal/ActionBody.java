package dev.victor.workflow.engine.internal;

import java.util.Map;

/** A builder node: a Java function from the state to the updates to write. */
final class ActionBody implements NodeBody {
    private final String what;
    private final GraphAssembler.StateFunction action;
    private final Updates updates = new Updates();

    ActionBody(String what, GraphAssembler.StateFunction action) {
        this.what = what;
        this.action = action;
    }

    @Override
    public void execute(Scope scope) throws Exception {
        Map<String, Object> state = scope.view();
        Map<String, ?> written = scope.run.timed
                ? Calls.call(scope, 0L, null, what, () -> action.apply(state))
                : action.apply(state);
        if (written != null) {
            updates.writeTo(scope, written);
        }
    }
}
