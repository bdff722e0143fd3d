package dev.victor.workflow.expr;

import static dev.victor.workflow.expr.Eval.eval;
import static dev.victor.workflow.expr.Eval.show;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FunctionsAndMethodsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "len('héllo') | 5",
        "len([1, 2]) | 2",
        "len({'a': 1}) | 1",
        "len((1, 2, 3)) | 3",
        "min(3, 1, 2) | 1",
        "min([3, 1, 2]) | 1",
        "max('b', 'a') | b",
        "max([1, 2.5, 2]) | 2.5",
        "max([], default=0) | 0",
        "min([], default=None) | None",
        "sum([1, 2, 3]) | 6",
        "sum([1, 2.5]) | 3.5",
        "sum([1, 2], 10) | 13",
        "sum([[1], [2]], start=[]) | [1, 2]",
        "sum([]) | 0",
        "abs(-3) | 3",
        "abs(-2.5) | 2.5",
        "abs(True) | 1",
        "round(2.5) | 2",
        "round(3.5) | 4",
        "round(-2.5) | -2",
        "round(2.675, 2) | 2.67",
        "round(1234, -2) | 1200",
        "round(1250, -2) | 1200",
        "round(7) | 7",
        "round(0.5, 0) | 0.0",
        "str(1) | 1",
        "str(1.0) | 1.0",
        "str(True) | True",
        "str(None) | None",
        "str([1, 'a']) | [1, 'a']",
        "str({'k': 1}) | {'k': 1}",
        "str() | ''",
        "int('42') | 42",
        "int(' -1_000 ') | -1000",
        "int(3.9) | 3",
        "int(-3.9) | -3",
        "int(True) | 1",
        "int() | 0",
        "float('1.5') | 1.5",
        "float(' 2 ') | 2.0",
        "float('1e-3') | 0.001",
        "float('-inf') | -inf",
        "float(3) | 3.0",
        "float() | 0.0",
        "bool(0) | False",
        "bool('x') | True",
        "bool() | False",
        "sorted([3, 1, 2]) | [1, 2, 3]",
        "sorted(['b', 'a']) | ['a', 'b']",
        "sorted([3, 1, 2], reverse=True) | [3, 2, 1]",
        "sorted({'b': 1, 'a': 2}) | ['a', 'b']",
        "any([0, '', 1]) | True",
        "any([]) | False",
        "all([1, 'a']) | True",
        "all([1, 0]) | False",
        "all([]) | True",
        "list('ab') | ['a', 'b']",
        "list((1, 2)) | [1, 2]",
        "list({'a': 1}) | ['a']",
        "list() | []",
        "dict() | {}",
        "dict(a=1, b=2) | {'a': 1, 'b': 2}",
        "dict([('a', 1), ['b', 2]]) | {'a': 1, 'b': 2}",
        "dict({'a': 1}, b=2) | {'a': 1, 'b': 2}",
        "range(3) | [0, 1, 2]",
        "range(1, 4) | [1, 2, 3]",
        "range(10, 0, -3) | [10, 7, 4, 1]",
        "range(0) | []",
        "range(5, 1) | []",
        "enumerate(['a', 'b']) | [(0, 'a'), (1, 'b')]",
        "enumerate(['a'], start=1) | [(1, 'a')]",
        "zip([1, 2, 3], 'ab') | [(1, 'a'), (2, 'b')]",
        "zip() | []",
        "merge({'a': 1, 'n': {'x': 1, 'l': [1]}}, None, {'b': 2, 'n': {'y': 2, 'l': [2]}}) | {'a': 1, 'n': {'x': 1, 'l': [1, 2], 'y': 2}, 'b': 2}",
        "merge({'a': 1}, {'a': 2}) | {'a': 2}",
        "merge([1], None, [2, 3]) | [1, 2, 3]",
        "merge() | {}",
        "merge(None, None) | {}",
        "concat([1], None, [2], (3,)) | [1, 2, 3]",
        "concat() | []",
        "filter([{'s': True, 'n': 1}, {'s': False, 'n': 2}, {'n': 3}, 'x'], s=true) | [{'s': True, 'n': 1}]",
        "filter([{'a': 1, 'b': 2}, {'a': 1, 'b': 3}], a=1.0, b=3) | [{'a': 1, 'b': 3}]",
        "filter([0, 1, '', 'a']) | [1, 'a']",
        "filter(None, a=1) | []",
        "deduplicate([{'t': 'x', 'n': 1}, {'t': 'y'}, {'t': 'x', 'n': 2}], by='title') | [{'t': 'x', 'n': 1}]",
        "deduplicate([{'t': 'x', 'n': 1}, {'t': 'y'}, {'t': 'x', 'n': 2}], by='t') | [{'t': 'x', 'n': 1}, {'t': 'y'}]",
        "deduplicate([1, 1.0, True, 2, [1], [1]]) | [1, 2, [1]]",
        "deduplicate(None) | []",
    })
    void functions(String expression, String expected) {
        assertThat(show(expression)).as(expression).isEqualTo(expected.equals("''") ? "" : expected);
    }

    @Test
    void currentTimestampIsIsoUtc() {
        Object ts = eval("current_timestamp()");
        assertThat(ts).isInstanceOf(String.class);
        assertThat((String) ts).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
        assertThat(java.time.Instant.parse((String) ts)).isBeforeOrEqualTo(java.time.Instant.now());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "d.get('a') | 1",
        "d.get('z') | None",
        "d.get('z', 0) | 0",
        "d.get('n', {}).get('x', []) | [1]",
        "d.keys() | ['a', 'n']",
        "d.values() | [1, {'x': [1]}]",
        "d.items() | [('a', 1), ('n', {'x': [1]})]",
        "'AbC'.lower() | abc",
        "'AbC'.upper() | ABC",
        "'  a b \\n'.strip() | a b",
        "'xxaxx'.strip('x') | a",
        "' a  b c '.split() | ['a', 'b', 'c']",
        "'a,b,,c'.split(',') | ['a', 'b', '', 'c']",
        "'a b c'.split(None, 1) | ['a', 'b c']",
        "'  a  b c  '.split(None, 1) | ['a', 'b c  ']",
        "'a,b,c'.split(',', 1) | ['a', 'b,c']",
        "''.split() | []",
        "'hello'.startswith('he') | True",
        "'hello'.startswith(('x', 'h')) | True",
        "'hello'.endswith('lo') | True",
        "'hello'.endswith('x') | False",
        "'a-b-c'.replace('-', '+') | a+b+c",
        "'a-b-c'.replace('-', '', 1) | ab-c",
        "', '.join(['a', 'b']) | a, b",
        "''.join([]) | ''",
        "'banana'.count('a') | 3",
        "'banana'.index('n') | 2",
        "[1, 2, 1.0].count(1) | 2",
        "[1, 2, 3].index(2) | 1",
        "(1, 2).index(2) | 1",
    })
    void methods(String expression, String expected) {
        Map<String, Object> d = new java.util.LinkedHashMap<>();
        d.put("a", 1);
        d.put("n", Map.of("x", List.of(1)));
        assertThat(PyValues.str(Expression.parse(expression).evaluate(Map.of("d", d))))
                .as(expression).isEqualTo(expected.equals("''") ? "" : expected);
    }

    @Test
    void appendAndExtendOnTheProgramsOwnLists() {
        assertThat(eval("[1].append(2)")).isNull();
        assertThat(Eval.run("x = []\nx.append(1)\nx.extend([2, 3])\nx.extend(x)")).isEqualTo(
                Map.of("x", List.of(1L, 2L, 3L, 1L, 2L, 3L)));
    }

    @Test
    void methodErrors() {
        assertThatThrownBy(() -> eval("xs.get(1)", "xs", List.of())).isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("AttributeError: 'list' object has no attribute 'get'");
        assertThatThrownBy(() -> eval("missing.get('a')"))
                .hasMessageContaining("'NoneType' object has no attribute 'get'");
        assertThatThrownBy(() -> eval("'abc'.append('d')"))
                .hasMessageContaining("'str' object has no attribute 'append'");
        assertThatThrownBy(() -> eval("(1, 2).append(3)"))
                .hasMessageContaining("'tuple' object has no attribute 'append'");
        List<Object> fromState = Arrays.asList(1, 2);
        assertThat(eval("xs.append(1)", "xs", fromState)).isNull(); // appended to a copy: the state never changes
        assertThat(fromState).containsExactly(1, 2);
        assertThatThrownBy(() -> eval("'a'.index('z')")).hasMessageContaining("ValueError: substring not found");
        assertThatThrownBy(() -> eval("[1].index(5)")).hasMessageContaining("5 is not in list");
        assertThatThrownBy(() -> eval("','.join([1, 2])"))
                .hasMessageContaining("sequence item 0: expected str instance, int found");
        assertThatThrownBy(() -> eval("'a'.split('')")).hasMessageContaining("empty separator");
    }

    @Test
    void functionErrors() {
        assertThatThrownBy(() -> eval("len(5)")).hasMessageContaining("object of type 'int' has no len()");
        assertThatThrownBy(() -> eval("len(x)")).hasMessageContaining("object of type 'NoneType' has no len()");
        assertThatThrownBy(() -> eval("int('abc')"))
                .hasMessageContaining("ValueError: invalid literal for int() with base 10: 'abc'");
        assertThatThrownBy(() -> eval("int('1.5')")).hasMessageContaining("invalid literal for int()");
        assertThatThrownBy(() -> eval("int(None)")).hasMessageContaining("int() argument must be");
        assertThatThrownBy(() -> eval("float('1.5f')")).hasMessageContaining("could not convert string to float: '1.5f'");
        assertThatThrownBy(() -> eval("float('0x10')")).hasMessageContaining("could not convert string to float");
        assertThatThrownBy(() -> eval("min([])")).hasMessageContaining("min() arg is an empty sequence");
        assertThatThrownBy(() -> eval("max([1, 'a'])"))
                .hasMessageContaining("'>' not supported between instances of 'str' and 'int'");
        assertThatThrownBy(() -> eval("sorted([1, None])")).hasMessageContaining("TypeError");
        assertThatThrownBy(() -> eval("sum(['a'])")).hasMessageContaining("TypeError");
        assertThatThrownBy(() -> eval("sum([1], 'x')")).hasMessageContaining("can't sum strings");
        assertThatThrownBy(() -> eval("merge({'a': 1}, [1])")).hasMessageContaining("all maps or all lists");
        assertThatThrownBy(() -> eval("concat([1], 'ab')")).hasMessageContaining("concat() argument must be a list");
        assertThatThrownBy(() -> eval("range(1, 2, 0)")).hasMessageContaining("must not be zero");
        assertThatThrownBy(() -> eval("range(1.5)")).hasMessageContaining("'float' object cannot be interpreted as an integer");
        assertThatThrownBy(() -> eval("dict([(1, 2, 3)])")).hasMessageContaining("has length 3; 2 is required");
        assertThatThrownBy(() -> eval("deduplicate([1], by='k')")).hasMessageContaining("needs maps");
    }

    @Test
    void callShapesAreCheckedAtParseTime() {
        assertThatThrownBy(() -> Expression.parse("len()"))
                .isInstanceOf(ExpressionSyntaxException.class).hasMessageContaining("len() takes exactly one argument (0 given)");
        assertThatThrownBy(() -> Expression.parse("len(a, b)")).hasMessageContaining("(2 given)");
        assertThatThrownBy(() -> Expression.parse("len(x, key=1)")).hasMessageContaining("len() takes no keyword arguments");
        assertThatThrownBy(() -> Expression.parse("sorted(xs, cmp=f)"))
                .hasMessageContaining("sorted() got an unexpected keyword argument 'cmp'");
        assertThatThrownBy(() -> Expression.parse("current_timestamp(1)")).hasMessageContaining("takes no arguments");
        assertThatThrownBy(() -> Expression.parse("d.get()")).hasMessageContaining("get() takes from 1 to 2 arguments (0 given)");
        assertThatThrownBy(() -> Expression.parse("d.get('a', default=1)")).hasMessageContaining("no keyword arguments");
        assertThatThrownBy(() -> Expression.parse("f(a=1, 2)"))
                .hasMessageContaining("positional argument follows keyword argument");
        assertThatThrownBy(() -> Expression.parse("sum(a=1, 2)")).hasMessageContaining("positional argument follows keyword argument");
        assertThatThrownBy(() -> Expression.parse("max(*xs)")).hasMessageContaining("argument unpacking ('*') is not supported");
        assertThatThrownBy(() -> Expression.parse("filter(xs, a=1, a=2)")).hasMessageContaining("keyword argument repeated: 'a'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eval('1')", "exec('x')", "open('/etc/passwd')", "getattr(x, 'y')",
        "print(1)", "type(x)", "compile('1', 'f', 'eval')", "vars()", "setattr(x, 'a', 1)",
        "input()", "help()"})
    void sandboxBreakingBuiltinsAreSyntaxErrors(String text) {
        String name = text.substring(0, text.indexOf('('));
        assertThatThrownBy(() -> Expression.parse(text)).isInstanceOf(ExpressionSyntaxException.class)
                .hasMessageContaining("'" + name + "' is not available")
                .satisfies(e -> assertThat(((ExpressionSyntaxException) e).column()).isEqualTo(1));
    }

    @Test
    void dunderFunctionNamesAreSyntaxErrors() {
        assertThatThrownBy(() -> Expression.parse("__import__('os')")).isInstanceOf(ExpressionSyntaxException.class)
                .hasMessageContaining("'__import__' is not allowed");
    }

    @Test
    void aFunctionNoBuiltInDefinesIsCalledThroughTheEnvironment() {
        Expression e = Expression.parse("elapsed_time(start, unit='s') + 1");
        assertThat(e.functions()).containsExactly("elapsed_time");
        assertThatThrownBy(() -> e.evaluate(Map.of("start", 5)))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("NameError: function 'elapsed_time' is not defined")
                .hasMessageContaining("no function service 'elapsed_time' is installed");
        ExpressionEnvironment env = name -> name.equals("elapsed_time")
                ? Optional.of((args, keywords) -> 10L * ((Number) args.get(0)).longValue() + keywords.size())
                : Optional.empty();
        assertThat(e.evaluate(Map.of("start", 5), env)).isEqualTo(52L);
        ExpressionEnvironment failing = name -> Optional.of((args, keywords) -> {
            throw new IllegalStateException("clock broken");
        });
        assertThatThrownBy(() -> e.evaluate(Map.of("start", 5), failing))
                .hasMessageContaining("RuntimeError: function 'elapsed_time' failed")
                .hasMessageContaining("clock broken");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x.getClass()", "x.toString()", "x.hashCode()", "x.swapcase()", "x.popleft()", "x.clearall()",
        "x.upsert({})", "x.setdefaults('a')", "x.mro()", "x.notify()", "'a'.encode()", "x.wait()"})
    void unknownMethodsAreSyntaxErrors(String text) {
        String name = text.substring(text.indexOf('.') + 1, text.indexOf('('));
        assertThatThrownBy(() -> Expression.parse(text)).isInstanceOf(ExpressionSyntaxException.class)
                .hasMessageContaining("unknown method '" + name + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x.__class__", "x.__class__.__bases__", "x.__dict__", "''.__class__.__mro__",
        "x.__init__()", "__builtins__", "__import__", "x['a'].__class__"})
    void dunderNamesAndAttributesAreRefused(String text) {
        assertThatThrownBy(() -> Expression.parse(text)).isInstanceOf(ExpressionSyntaxException.class)
                .hasMessageContaining("not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"import os", "(x := 1)", "x if y", "yield x", "del x", "b'x'", "~x", "x @ y", "*x",
        "x = 1", "a; b", "`x`", "$x", "1j", "0777", "f'{x'", "f'{}'", "f'{x=}'", "f'{x:{y}}'", "f'}'",
        "if x: y", "while x: y", "return x", "def f(): 1"})
    void otherPythonIsRefused(String text) {
        assertThatThrownBy(() -> Expression.parse(text)).isInstanceOf(ExpressionSyntaxException.class);
    }

    @Test
    void refusalsSayWhy() {
        assertThatThrownBy(() -> Expression.parse("import os"))
                .hasMessageContaining("'import' is a statement: a condition is one expression");
        assertThatThrownBy(() -> Expression.parse("(y := 1)")).hasMessageContaining("assignment expressions (':=') are not supported");
        assertThatThrownBy(() -> Expression.parse("x = 1")).hasMessageContaining("unexpected '=' (use '==' to compare)");
        assertThatThrownBy(() -> Expression.parse("f'{x=}'")).hasMessageContaining("'=' (self-documenting expressions)");
        assertThatThrownBy(() -> Expression.parse("x ~ 1")).hasMessageContaining("operator '~' is not supported");
        assertThatThrownBy(() -> Expression.parse("f'{x:{w}}'")).hasMessageContaining("nested replacement fields");
        assertThatThrownBy(() -> Expression.parse("0777"))
                .hasMessageContaining("leading zeros in decimal integer literals are not permitted");
    }

    @Test
    void attributesOfNonMapsAreNotJavaMembers() {
        // a Java object in the state is opaque: no attribute of it is ever read
        Object javaObject = new Object();
        assertThatThrownBy(() -> eval("o.hashCode", "o", javaObject))
                .hasMessageContaining("'object' object has no attribute 'hashCode'");
        assertThatThrownBy(() -> eval("o.length", "o", "text"))
                .hasMessageContaining("'str' object has no attribute 'length'");
        assertThatThrownBy(() -> Expression.parse("o.class")).isInstanceOf(ExpressionSyntaxException.class)
                .hasMessageContaining("expected a name after '.'");
        assertThat(eval("m.getClass", "m", Map.of())).isNull();
    }
}
