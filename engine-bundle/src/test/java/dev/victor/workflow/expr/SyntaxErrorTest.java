package dev.victor.workflow.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyntaxErrorTest {

    private static ExpressionSyntaxException expressionError(String text) {
        return catchThrowableOfType(ExpressionSyntaxException.class, () -> Expression.parse(text));
    }

    private static ExpressionSyntaxException programError(String text) {
        return catchThrowableOfType(ExpressionSyntaxException.class, () -> TransformProgram.parse(text));
    }

    /** text (with \n for a line break) | detail | line | column. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a )                    | unexpected ')'                            | 1 | 3",
        "(a + b))               | unexpected ')'                            | 1 | 8",
        "'abc                   | unterminated string                       | 1 | 1",
        "x == \"abc             | unterminated string                       | 1 | 6",
        "'''abc                 | unterminated triple-quoted string         | 1 | 1",
        "eval('1')              | 'eval' is not available                   | 1 | 1",
        "1 + open('f')          | 'open' is not available                   | 1 | 5",
        "getattr(x, 'y')        | 'getattr' is not available                | 1 | 1",
        "x.getClass()           | unknown method 'getClass'                 | 1 | 3",
        "x.__class__            | attribute '__class__' is not allowed      | 1 | 3",
        "f(1                    | '(' was never closed                      | 1 | 2",
        "len(1                  | '(' was never closed                      | 1 | 4",
        "[1, 2                  | '[' was never closed                      | 1 | 1",
        "(1]                    | closing bracket ']' does not match '('    | 1 | 3",
        "a +                    | unexpected end of expression              | 1 | 4",
        "''                     | ''                                         | 0 | 0",
        "a b                    | unexpected name 'b'                       | 1 | 3",
        "1 +* 2                 | unexpected '*'                            | 1 | 4",
        "a if b                 | expected 'else'                           | 1 | 7",
        "a ? b                  | unexpected character '?'                  | 1 | 3",
        "'\\x4'                 | truncated \\xXX escape                    | 1 | 2",
        "1abc                   | invalid decimal literal                   | 1 | 1",
        "1__0                   | invalid decimal literal                   | 1 | 1",
        "0xZZ                   | invalid hexadecimal literal               | 1 | 1",
        "import os              | 'import' is a statement                   | 1 | 1",
        "x.                     | expected a name after '.'                 | 1 | 3",
        "not                    | unexpected end of expression              | 1 | 4",
        "[x for x in]           | unexpected ']'                            | 1 | 12",
        "a ! b                  | unexpected character '!'                  | 1 | 3",
    })
    void expressionErrorsPointAtTheProblem(String text, String detail, int line, int column) {
        if (text.equals("''")) {
            ExpressionSyntaxException e = expressionError("   ");
            assertThat(e.detail()).isEqualTo("empty expression");
            return;
        }
        ExpressionSyntaxException e = expressionError(text.replace("\\n", "\n"));
        assertThat(e).as(text).isNotNull();
        assertThat(e.detail()).as(text).contains(detail);
        assertThat(e.line()).as(text + ": line").isEqualTo(line);
        assertThat(e.column()).as(text + ": column").isEqualTo(column);
        assertThat(e.getMessage()).endsWith("(line " + line + ", column " + column + ")");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a and\\n  b )                          | unexpected ')'                      | 2 | 5",
        "[1,\\n 2,\\n eval(3)]                  | 'eval' is not available             | 3 | 2",
        "x == 1 and\\n   y == 'open            | unterminated string                 | 2 | 9",
        "(a\\n +\\n b                          | '(' was never closed                | 1 | 1",
        "{'a': 1,\\n 'b' 2}                     | unexpected number 2                 | 2 | 6",
    })
    void multiLineExpressionErrors(String text, String detail, int line, int column) {
        ExpressionSyntaxException e = expressionError(text.replace("\\n", "\n"));
        assertThat(e.detail()).as(text).contains(detail);
        assertThat(e.line()).as(text + ": line").isEqualTo(line);
        assertThat(e.column()).as(text + ": column").isEqualTo(column);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "x = 1\\ny = (2 +\\nz = 3                  | '(' was never closed                | 2 | 5",
        "x = 1\\ny = (2 +\\nz) = 3                 | chained assignment                  | 3 | 4",
        "x = 1\\ny = eval(2)                       | 'eval' is not available             | 2 | 5",
        "x = 1\\n  y = 2                           | unexpected indent                   | 2 | 1",
        "for x in xs:\\ny = 1                      | expected an indented block          | 2 | 1",
        "for x in xs\\n  y = 1                     | expected ':'                        | 1 | 12",
        "for x in xs:\\n    y = 1\\n  z = 2        | unindent does not match             | 3 | 3",
        "for x in xs:\\n  x = 1                    | cannot assign to loop variable 'x'  | 2 | 3",
        "x = 1; y = 2                              | ';' is not supported                | 1 | 6",
        "a = b = 1                                 | chained assignment                  | 1 | 7",
        "a[0].b = 1                                | cannot set an attribute of an item  | 1 | 1",
        "ctx['a'] = 1                              | cannot write into 'ctx'             | 1 | 1",
        "ctx['a'][0] = 1                           | cannot write into 'ctx'             | 1 | 1",
        "a, f(b) = 1, 2                            | cannot assign to an expression      | 1 | 1",
        "ctx = {}                                  | cannot assign to 'ctx'              | 1 | 1",
        "f(x) = 1                                  | cannot assign to an expression      | 1 | 1",
        "len(x) = 1                                | cannot assign to an expression      | 1 | 1",
        "x + 1                                     | a statement must assign             | 1 | 1",
        "extract_error_patterns                    | a statement must assign             | 1 | 1",
        "x = 1\\nx == 2                            | a statement must assign             | 2 | 1",
        "if x:\\ny = 1                             | expected an indented block after 'if' | 2 | 1",
        "import os                                 | import of 'os' is not allowed: the allowed modules are datetime, json, math, re, statistics, time | 1 | 8",
        "from os import path                       | import of 'os' is not allowed       | 1 | 6",
        "import math\\nx = math.cosh(1)             | module 'math' has no 'cosh' here    | 2 | 10",
        "from math import *                        | name what you import                | 1 | 18",
        "nonlocal x                                | nonlocal declaration not allowed at module level | 1 | 1",
        "def f():\\n  nonlocal x\\n  x = 1       | no binding for nonlocal 'x' found   | 1 | 1",
        "def f(x):\\n  global x\\n  return x     | name 'x' is parameter and global    | 1 | 1",
        "def f(x):\\n  def g():\\n    nonlocal x\\n    x.a = 1\\n  return x | assign 'x' itself | 4 | 5",
        "break                                     | 'break' outside a loop              | 1 | 1",
        "return 1                                  | 'return' outside a function         | 1 | 1",
        "def f(x, x):\\n  return x                 | duplicate argument 'x'              | 1 | 10",
        "def f(a=1, b):\\n  return a               | parameter without a default follows | 1 | 12",
        "try:\\n  x = 1\\ny = 2                     | expected 'except' or 'finally'      | 1 | 1",
        "try:\\n  x = 1\\nexcept Foo:\\n  x = 2     | except takes the language's error kinds | 3 | 8",
        "x = re.match('(', s)                      | unknown method 'match'              | 1 | 8",
        "import re\\nx = re.match('(', s)          | Unclosed group                      | 2 | 8",
        "with x:\\n  pass                         | 'with' is not supported             | 1 | 1",
        "class A:\\n  pass                         | 'class' is not supported            | 1 | 1",
        "x = isinstance(y, float64)                | isinstance() takes a built-in type  | 1 | 5",
        "x = 1 if y else 2\\nelif z:\\n  w = 1      | 'elif' without a matching statement | 2 | 1",
        "x = 1 y = 2                               | unexpected name 'y'                 | 1 | 7",
        "# nothing but a comment                   | empty transform                     | 1 | 1",
        "x =                                       | unexpected end of line              | 1 | 4",
        "x.__class__ = 1                           | attribute '__class__' is not allowed | 1 | 3",
        "for ctx in xs:\\n  y = 1                  | 'ctx' cannot be a loop variable     | 1 | 5",
    })
    void programErrorsPointAtTheProblem(String text, String detail, int line, int column) {
        ExpressionSyntaxException e = programError(text.replace("\\n", "\n"));
        assertThat(e).as(text).isNotNull();
        assertThat(e.detail()).as(text).contains(detail);
        assertThat(e.line()).as(text + ": line").isEqualTo(line);
        assertThat(e.column()).as(text + ": column").isEqualTo(column);
    }
}
