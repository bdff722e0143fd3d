package dev.victor.workflow.registry;

import java.util.Map;

/** Plugins listed in the test class path's META-INF/services. */
public final class LoaderPlugins {
    private LoaderPlugins() {
    }

    public static final class Tiny extends TinyPlugin {
        public Tiny() {
            super(Map.of("who", "loader-tiny"));
        }

        public Tiny(Map<String, ?> options) {
            super(options);
        }
    }

    public static final class Better extends TinyPlugin {
        public Better() {
            super(Map.of("who", "loader-better"));
        }

        public Better(Map<String, ?> options) {
            super(options);
        }
    }

    /** Listed in META-INF/services but declares no scheme: logged and ignored. */
    public static final class Undeclared extends TinyPlugin {
        public Undeclared() {
            super(Map.of());
        }
    }
}
