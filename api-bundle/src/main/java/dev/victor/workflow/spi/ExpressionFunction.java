package dev.victor.workflow.spi;

import java.util.List;
import java.util.Map;

/**
 * A function that conditions and transforms may call by name when no built-in of the expression
 * language has that name (such as {@code elapsed_time()}), published under its {@code name}.
 * The arguments are the language's values (None is {@code null}, ints {@code Long}, lists and
 * maps read-only); the result is one such value.
 */
@FunctionalInterface
public interface ExpressionFunction {
    /** Calls the function with its positional and keyword arguments. */
    Object call(List<Object> args, Map<String, Object> keywords) throws Exception;
}
