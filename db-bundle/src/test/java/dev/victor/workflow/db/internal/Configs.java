package dev.victor.workflow.db.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.Map;

/** Configuration annotation instances as Declarative Services builds them, from a map and the defaults. */
public final class Configs {
    private Configs() {
    }

    public static <A extends Annotation> A of(Class<A> type, Map<String, ?> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("annotationType")) {
                return type;
            }
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? type.getSimpleName() + values
                        : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : proxy == args[0];
            }
            Object value = values.get(method.getName());
            if (value == null) {
                value = method.getDefaultValue();
            }
            if (value == null) {
                throw new IllegalStateException(method.getName() + " is required");
            }
            return value;
        }));
    }
}
