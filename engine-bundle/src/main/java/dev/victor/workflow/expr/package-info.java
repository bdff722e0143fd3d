/**
 * The expression language of conditions and transforms: a small, safe subset of Python
 * (expressions for conditions, statements for transforms), parsed once and evaluated against a
 * state.
 *
 * <p>The exported surface: {@link dev.victor.workflow.expr.Expression} (a condition, or any
 * expression), {@link dev.victor.workflow.expr.TransformProgram} (statements that assign state
 * keys), {@link dev.victor.workflow.expr.PyValues} (Python's truthiness, {@code str()} and
 * {@code ==} for other packages), {@link dev.victor.workflow.expr.ExpressionLimits} and the two
 * exceptions. Everything else lives in the private package {@code expr.internal}.
 *
 * <h2>Where FORMAT.md is silent, this package decides</h2>
 * <ul>
 *   <li><b>Integers never wrap.</b> A result outside the range of {@code long} becomes a
 *       {@link java.math.BigInteger}, up to {@link dev.victor.workflow.expr.ExpressionLimits#MAX_INTEGER_BITS};
 *       beyond it the operation fails. Results are {@code Long} when they fit.</li>
 *   <li><b>Reads into maps forgive, reads into lists do not.</b> {@code a.b} and {@code a["b"]}
 *       give None when a is None or has no key b; {@code a.b} on a list, string or number is an
 *       error; {@code xs[i]} out of range is an IndexError, as in Python.</li>
 *   <li><b>Comparisons never fail.</b> An ordering comparison Python would refuse
 *       ({@code None > 3}, {@code "a" < 1}) is false, and so is {@code in} / {@code not in}
 *       with a right side that is not a string, list or map (FORMAT.md: a type error in a
 *       comparison is false). {@code is} compares identity, meant for None, True and False.</li>
 *   <li><b>Collections.</b> A tuple is an immutable list that prints as {@code (1, 2)} and, as in
 *       Python, never equals a list. {@code range}, {@code enumerate}, {@code zip},
 *       {@code .keys()}, {@code .values()}, {@code .items()} and generator expressions give
 *       lists (no lazy views). Values taken from the state are returned as they are, inside
 *       collections; only top-level results are normalised (Long, Double).</li>
 *   <li><b>Methods.</b> Only {@code get keys values items pop update setdefault clear copy}
 *       (maps), {@code lower upper strip lstrip rstrip split startswith endswith replace join
 *       format title capitalize find isdigit isalpha isspace zfill} (strings), {@code count index}
 *       (strings and lists), {@code append extend pop insert remove sort reverse clear copy}
 *       (lists), {@code add discard remove union intersection difference issubset issuperset}
 *       (sets), {@code isoformat timestamp} (datetimes) and {@code group groups start end span}
 *       (regular expression matches). A method name outside this list is a syntax error; a
 *       method on the wrong kind of value is an evaluation error naming it. Only
 *       {@code format}, {@code sort} and {@code update} take keyword arguments. A built-in
 *       function's name that is not called is the function, as a value ({@code key=len}).</li>
 *   <li><b>Changing lists and dicts.</b> A list or dict the evaluation built changes in place
 *       (aliases see it, as in Python). One from the state never changes: the first write into
 *       it ({@code d[k] = v}, {@code append}, {@code del}, ...) copies it, and the copy takes its
 *       place in the container that holds it (copied first the same way), in the state key and in
 *       every name and frame in scope; the state key is then written by the transform.</li>
 *   <li><b>Extensions real workflows use.</b> {@code merge(a, b, ...)}: None skipped; maps merge
 *       deeply (nested maps merge, nested lists concatenate, otherwise the later value wins);
 *       lists concatenate; no argument (or only None) gives an empty map.
 *       {@code concat(a, b, ...)}: lists one after the other, None skipped.
 *       {@code filter(items, key=value, ...)}: the maps whose keys equal all the values (no
 *       keywords: the true items; None: an empty list). {@code deduplicate(items, by="key")}:
 *       the first item per value of key (without by: per item; Python equality, so 1, 1.0 and
 *       True are one value). Also {@code list dict range enumerate zip divmod reversed}, and
 *       {@code current_timestamp()}, an ISO-8601 UTC timestamp with microseconds
 *       ({@code 2025-01-31T12:00:00.000000Z}).</li>
 *   <li><b>Transforms.</b> Python's statements: assignments (names, dotted paths that write a
 *       copy of the map, unpacking, items and slices {@code d[k] = v}, {@code a[i:j] = xs}),
 *       {@code op=} (in place for {@code +=} and {@code *=} on a list, as in Python),
 *       {@code if/elif/else}, {@code for} and {@code while} with {@code break/continue/pass} and
 *       {@code else}, {@code def/return/lambda} with {@code global/nonlocal}
 *       (locals as in Python, closures, recursion bounded by
 *       {@link dev.victor.workflow.expr.ExpressionLimits#MAX_CALL_DEPTH}),
 *       {@code try/except/else/finally/raise/assert} over the language's errors (Python's names
 *       and hierarchy; a broken limit is never caught), {@code del}, {@code import} of
 *       {@code math statistics json re datetime time} (resolved at parse time: another module or
 *       member is a syntax error naming the allowed ones). {@code ctx}, {@code globals()} and
 *       {@code locals()} at the top are the state with the program's own assignments over it;
 *       {@code locals()} in a function is its names that have a value. Top-level loop and
 *       comprehension variables are local and cannot be assigned. The program's functions,
 *       matches and caught errors never reach the state; a set reaches it as a list; a datetime is
 *       refused. {@code str.format} and {@code %} formatting as in Python. No chained
 *       assignment, {@code class}, {@code with}, {@code yield}, {@code async}; {@code ;} is
 *       refused.</li>
 *   <li><b>A condition may span lines</b> (line breaks are spaces in an expression), and an
 *       empty text is a syntax error, for expressions and programs alike.</li>
 *   <li><b>Functions no built-in defines</b> are parsed as calls of a function service
 *       ({@link dev.victor.workflow.expr.Expression#functions()} lists them); evaluation asks the
 *       {@link dev.victor.workflow.expr.ExpressionEnvironment} for them and fails with a NameError
 *       naming the function when there is none; a name the program itself binds ({@code def},
 *       an assignment) is called as its value. A missing name reads as None (so does a function's
 *       local that has no value yet).</li>
 *   <li><b>Refused at parse time, with a message:</b> unknown methods, built-ins that would break
 *       the sandbox ({@code eval exec open getattr type ...}), names and
 *       attributes starting with {@code __}, statements in a condition, modules outside the
 *       allow-list, {@code :=}, bytes, {@code ~}, {@code @}, argument unpacking, complex numbers,
 *       f-string {@code =} and nested format fields. A Java object in the state is opaque: none of
 *       its members is ever read.</li>
 * </ul>
 */
@Export
@Version("1.1.0")
package dev.victor.workflow.expr;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
