"""Seeded generator of expressions and programs of the language's subset, type-directed so that
most of them mean something (and some fail, to compare error kinds too)."""

INT_VARS = ["n", "k"]
FLOAT_VARS = ["x"]
STR_VARS = ["s", "word"]
LIST_VARS = ["xs"]
STRS_VARS = ["names"]
DICT_VARS = ["d"]


def state(rng):
    return {
        "n": rng.choice([0, 1, 2, 5, 12, -3, 100]),
        "k": rng.choice([1, 2, 3, 7]),
        "x": rng.choice([0.5, 2.25, -1.5, 3.0, 1e-3, 12345.678]),
        "s": rng.choice(["", "abc", "Hello World", "a,b,,c", " spaced ", "x1y22z333"]),
        "word": rng.choice(["alpha", "Beta", "gamma"]),
        "xs": rng.choice([[], [3, 1, 2], [5, 5, 1, 9, 0], list(range(7)), [-4, 10]]),
        "names": rng.choice([["ann", "bob"], [], ["zed", "amy", "bob", "amy"]]),
        "d": rng.choice([{"a": 1, "b": 2}, {}, {"a": 5, "z": -1, "m": 3}]),
        "rows": rng.choice([[], [{"a": 1}], [{"a": 2, "tags": ["x"]}, {"a": -1, "tags": []}]]),
        "cfg": rng.choice([{"a": {"b": [1, 2]}, "n": 0}, {"a": {"b": []}, "n": 4}]),
    }


class Gen:
    def __init__(self, rng):
        self.r = rng

    def pick(self, *options):
        return self.r.choice(options)

    def int_(self, depth):
        r = self.r
        if depth <= 0 or r.random() < 0.3:
            return self.pick(str(r.randint(-5, 20)), r.choice(INT_VARS), "len(%s)" % self.pick("s", "xs", "names"))
        a, b = self.int_(depth - 1), self.int_(depth - 1)
        return self.pick(
            "(%s + %s)" % (a, b), "(%s - %s)" % (a, b), "(%s * %s)" % (a, b), "(%s // %s)" % (a, b),
            "(%s %% %s)" % (a, b), "(-%s)" % a, "abs(%s)" % a, "min(%s, %s)" % (a, b), "max(%s, %s)" % (a, b),
            "sum(%s)" % self.ints(depth - 1), "len(%s)" % self.str_(depth - 1), "int(%s)" % self.float_(depth - 1),
            "round(%s)" % self.float_(depth - 1), "(%s if %s else %s)" % (a, self.bool_(depth - 1), b),
            "(%s ** %d)" % (a, r.randint(0, 3)), "(%s & %s)" % (a, b), "(%s | %s)" % (a, b), "(%s ^ %s)" % (a, b),
            "(%s << %d)" % (a, r.randint(0, 4)), "(%s >> %d)" % (a, r.randint(0, 4)),
            "math.comb(%d, %d)" % (r.randint(0, 12), r.randint(0, 12)), "math.floor(%s)" % self.float_(depth - 1),
            "math.ceil(%s)" % self.float_(depth - 1), "len(%s)" % self.set_(depth - 1),
            "%s.count(%s)" % (self.ints(depth - 1), a), "%s[%d]" % (self.ints(depth - 1), r.randint(-3, 3)),
            "math.gcd(%s, %s)" % (a, b), "divmod(%s, %s)[%d]" % (a, b, r.randint(0, 1)), "sorted(%s)[0]" % self.ints(depth - 1), "len(json.dumps(%s))" % self.dict_(depth - 1),
            "statistics.median_low(%s)" % self.ints(depth - 1), "%s.find(%s)" % (self.str_(depth - 1), self.str_(depth - 1)), "%s.get(%s, %s)" % (self.dict_(depth - 1), self.key(), a))

    def float_(self, depth):
        r = self.r
        if depth <= 0 or r.random() < 0.3:
            return self.pick(repr(round(r.uniform(-10, 10), r.randint(0, 3))), r.choice(FLOAT_VARS), "0.1", "1e20")
        a, b = self.float_(depth - 1), self.float_(depth - 1)
        i = self.int_(depth - 1)
        return self.pick(
            "(%s + %s)" % (a, b), "(%s * %s)" % (a, i), "(%s / %s)" % (a, b), "(%s / %s)" % (i, i),
            "float(%s)" % i, "round(%s, %d)" % (a, r.randint(0, 3)), "math.sqrt(%s)" % a, "math.sqrt(abs(%s))" % a,
            "math.log(%s)" % a, "math.exp(%s)" % self.pick("1", "0.5", "-2", "x"), "math.pi * %s" % a,
            "statistics.mean(%s)" % self.ints(depth - 1), "statistics.fmean(%s)" % self.ints(depth - 1),
            "statistics.stdev(%s)" % self.ints(depth - 1), "statistics.pstdev(%s)" % self.ints(depth - 1),
            "(%s %% %s)" % (a, b), "(%s // %s)" % (a, b), "math.fsum([%s, %s, 0.1])" % (a, b),
            "float(%s)" % self.pick("'1.5'", "'nan'", "' 2 '", "'x'", "s"), "abs(%s)" % a, "math.pow(%s, 2)" % a)

    def str_(self, depth):
        r = self.r
        if depth <= 0 or r.random() < 0.3:
            return self.pick(repr(self.pick("", "a", "xyz", "Hello", "a-b-c", "ünï")), r.choice(STR_VARS))
        a, b = self.str_(depth - 1), self.str_(depth - 1)
        i = self.int_(depth - 1)
        f = self.float_(depth - 1)
        spec = self.pick("", ":>8", ":<6", ":^7", ":05d", ":.2f", ":,", ":.3e", ":x", ":+d", ":.1%", ":g", ":.3",
                         ":_", ":e", ":10.4f", ":#x", ":b", ":*^9")
        return self.pick(
            "(%s + %s)" % (a, b), "str(%s)" % i, "str(%s)" % f, "%s.upper()" % a, "%s.lower()" % a, "%s.strip()" % a,
            "%s.replace(%s, %s)" % (a, repr(self.pick("a", "l", ",")), repr(self.pick("", "_", "AA"))),
            "', '.join(%s)" % self.strs(depth - 1), "%s[%d:%d]" % (a, r.randint(-3, 3), r.randint(-3, 5)),
            "(%s * %d)" % (a, r.randint(0, 3)), "f'{%s%s}'" % (i, spec if "f" not in spec and "e" not in spec and "%" not in spec else ""),
            "f'<{%s%s}>'" % (f, self.pick("", ":.2f", ":10.3f", ":.1e", ":.0%", ":g", ":.3", ":,.2f", ":+.1f")),
            "f'{%s!r} and {%s}'" % (a, b), "%s.%s" % (a, self.pick("title()", "capitalize()", "lstrip()", "rstrip('c ')",
                                                                   "zfill(%d)" % r.randint(0, 8))), "'{} / {}'.format(%s, %s)" % (a, i),
            "'{0}{1}{0}'.format(%s, %s)" % (a, b), "'{v%s}|{w!r}'.format(v=%s, w=%s)" % (spec, i, a),
            "'{0[%d]}'.format(%s)" % (r.randint(-1, 2), self.ints(depth - 1)), "'%%s-%%d' %% (%s, %s)" % (a, i),
            "'%s' %% %s" % (self.pick("%5.2f", "%-8.3e", "%+d", "%05d", "%x", "%#o", "%g", "%.1f%%", "%10s", "%-4s|"),
                             self.pick(i, f, a)), "json.dumps(%s)" % self.pick(self.dict_(depth - 1), self.ints(depth - 1), a),
            "json.dumps(%s, sort_keys=True, indent=2)" % self.dict_(depth - 1),
            "re.sub(%s, %s, %s)" % (self.pick("r'[aeiou]'", "r'(\\w)(\\w)'", "r'\\d+'", "r'\\s+'"),
                                    self.pick("'-'", "r'\\2\\1'", "'#'", "''"), a),
            "(%s if %s else %s)" % (a, self.bool_(depth - 1), b), "%s[%d]" % (a, r.randint(-2, 2)))

    def bool_(self, depth):
        r = self.r
        if depth <= 0 or r.random() < 0.2:
            return self.pick("True", "False", "(n > 3)", "bool(s)", "bool(xs)")
        i, j = self.int_(depth - 1), self.int_(depth - 1)
        return self.pick(
            "(%s < %s)" % (i, j), "(%s == %s)" % (i, j), "(%s >= %s)" % (self.float_(depth - 1), i),
            "(%s != %s)" % (self.str_(depth - 1), self.str_(depth - 1)), "(%s < %s)" % (self.str_(depth - 1), self.str_(depth - 1)),
            "(%s in %s)" % (i, self.ints(depth - 1)), "(%s in %s)" % (i, self.set_(depth - 1)),
            "(%s not in %s)" % (self.str_(depth - 1), self.str_(depth - 1)),
            "(%s and %s)" % (self.bool_(depth - 1), self.bool_(depth - 1)),
            "(%s or %s)" % (self.bool_(depth - 1), self.bool_(depth - 1)), "(not %s)" % self.bool_(depth - 1),
            "isinstance(%s, %s)" % (self.any_(depth - 1), self.pick("int", "float", "str", "bool", "list", "dict",
                                                                      "set", "tuple", "(int, float)", "(str, list)")),
            "any(%s)" % self.ints(depth - 1), "all(%s)" % self.ints(depth - 1),
            "%s.startswith(%s)" % (self.str_(depth - 1), self.str_(depth - 1)),
            "%s.%s()" % (self.str_(depth - 1), self.pick("isdigit", "isalpha", "isspace")),
            "(%s == %s)" % (self.set_(depth - 1), self.set_(depth - 1)),
            "(re.match(%s, %s) is not None)" % (self.pick("r'\\w+'", "r'[A-Z]'", "r'a|b'"), self.str_(depth - 1)),
            "(1 < %s <= %s)" % (i, j), "math.isclose(%s, %s)" % (self.float_(depth - 1), self.float_(depth - 1)))

    def ints(self, depth):
        r = self.r
        if depth <= 0 or r.random() < 0.3:
            return self.pick("xs", "[%s]" % ", ".join(str(r.randint(-5, 9)) for _ in range(r.randint(0, 5))))
        a = self.ints(depth - 1)
        i = self.int_(depth - 1)
        return self.pick(
            "sorted(%s)" % a, "sorted(%s, reverse=True)" % a, "(%s + %s)" % (a, self.ints(depth - 1)),
            "[v * %s for v in %s]" % (i, a), "[v for v in %s if v %% 2 == 0]" % a, "%s[::-1]" % a,
            "%s[1:]" % a, "list(range(%d))" % r.randint(0, 6), "list(range(%d, %d, %d))" % (r.randint(-3, 3), r.randint(0, 9), r.choice([1, 2, -1])),
            "sorted(%s)" % self.set_(depth - 1), "[len(w) for w in %s]" % self.strs(depth - 1),
            "sorted(%s, key=lambda v: (v %% 3, -v))" % a, "list(%s.values())" % self.dict_(depth - 1),
            "[i * v for i, v in enumerate(%s)]" % a, "list(reversed(%s))" % a, "[a - b for a, b in zip(%s, %s)]" % (a, self.ints(depth - 1)))

    def strs(self, depth):
        r = self.r
        if depth <= 0 or r.random() < 0.4:
            return self.pick("names", "['b', 'a', 'c']", "[]")
        a = self.str_(depth - 1)
        return self.pick("%s.split(',')" % a, "%s.split()" % a, "sorted(%s)" % self.strs(depth - 1),
                         "re.findall(r'\\w+', %s)" % a, "re.findall(r'(\\w)(\\d)', %s)" % a, "re.split(r'[,\\s]', %s)" % a,
                         "[w.upper() for w in %s]" % self.strs(depth - 1), "list(%s)" % a,
                         "sorted(%s)" % self.dict_(depth - 1))

    def set_(self, depth):
        r = self.r
        if depth <= 0 or r.random() < 0.3:
            return self.pick("{1, 2, 3}", "set()", "{v %% 3 for v in xs}", "set(names)", "{0}")
        a, b = self.set_(depth - 1), self.set_(depth - 1)
        return self.pick("(%s | %s)" % (a, b), "(%s & %s)" % (a, b), "(%s - %s)" % (a, b), "(%s ^ %s)" % (a, b),
                         "set(%s)" % self.ints(depth - 1), "{v * 2 for v in %s if v > %s}" % (self.ints(depth - 1), self.int_(depth - 1)),
                         "%s.union(%s)" % (a, self.ints(depth - 1)), "%s.intersection(%s)" % (a, b))

    def dict_(self, depth):
        r = self.r
        if depth <= 0 or r.random() < 0.4:
            return self.pick("d", "{}", "{'a': 1, 'b': [1, 2]}", "{'k': 'v', 'n': None, 't': True}")
        return self.pick("{w: len(w) for w in %s}" % self.strs(depth - 1),
                         "{%s: %s}" % (self.key(), self.int_(depth - 1)),
                         "dict(zip(%s, %s))" % (self.strs(depth - 1), self.ints(depth - 1)),
                         "json.loads(%s)" % repr(self.pick('{"a": [1, 2.5, null, true]}', '[1, 2]', '{"x": {"y": "z"}}', '{bad}', '"s"')),
                         "merge(%s, %s)" % (self.dict_(depth - 1), self.dict_(depth - 1)))

    def mixed(self, depth):
        """Operands of any type with any operator: mostly errors, whose kinds are compared."""
        a, b = self.unordered_free(depth - 1), self.unordered_free(depth - 1)
        op = self.pick("+", "-", "*", "/", "//", "%", "**", "&", "|", "in", "not in", "==", "!=", "and", "or")
        return self.pick("(%s %s %s)" % (a, op, b), "len(%s)" % a, "int(%s)" % a, "float(%s)" % a, "str(%s)" % a,
                         "sorted(%s)" % a, "sum(%s)" % a, "list(%s)" % a, "%s[%s]" % (a, self.int_(0)),
                         "bool(%s)" % a, "abs(%s)" % a, "f'{%s:>4}'" % a, "min(%s)" % a, "set(%s)" % a,
                         "round(%s)" % a, "isinstance(%s, int)" % a, "tuple(%s)" % a, "any(%s)" % a)

    def key(self):
        return self.pick("'a'", "'b'", "'z'", "'k'")

    def unordered_free(self, depth):
        """Any value but a set: a set's order is insertion order here and arbitrary in CPython."""
        return self.r.choice([self.int_, self.float_, self.str_, self.bool_, self.ints, self.dict_])(depth)

    def any_(self, depth):
        return self.r.choice([self.int_, self.float_, self.str_, self.bool_, self.ints, self.set_, self.dict_])(depth)


def program(g, depth):
    """A small program: assignments, if/elif/else, while, for, def, try, del, unpacking, f-strings."""
    r = g.r
    lines = []
    out = ["r%d" % i for i in range(3)]
    for i in range(r.randint(2, 6)):
        kind = r.randint(0, 17)
        v = r.choice(out)
        if kind == 0:
            lines.append("%s = %s" % (v, g.any_(depth)))
        elif kind == 1:
            lines += ["if %s:" % g.bool_(depth), "    %s = %s" % (v, g.int_(depth)),
                      "elif %s:" % g.bool_(depth), "    %s = %s" % (v, g.str_(depth)), "else:", "    %s = None" % v]
        elif kind == 2:
            lines += ["i = 0", "%s = 0" % v, "while i < %d:" % r.randint(0, 20), "    i += 1",
                      "    if i %% %d == 0:" % r.randint(2, 4), "        continue",
                      "    %s += i * %s" % (v, g.int_(1)), "    if %s > 50:" % v, "        break"]
        elif kind == 3:
            lines += ["%s = []" % v, "for item in %s:" % g.ints(depth), "    if item > %s:" % g.int_(1),
                      "        %s.append(item)" % v]
        elif kind == 4:
            lines += ["def helper(a, b=%s):" % g.int_(1), "    if a <= 0:", "        return b",
                      "    return helper(a - 1, b + a)", "%s = helper(%d)" % (v, r.randint(0, 30))]
        elif kind == 5:
            risky = g.pick("int(s)", "xs[%d]" % r.randint(-8, 8), "1 // n", "json.loads(s)", "float(word)",
                           "math.sqrt(n)", "statistics.mean(xs)", "names.index('bob')", "%s" % g.int_(depth))
            lines += ["try:", "    %s = %s" % (v, risky), "except (ValueError, IndexError) as e:",
                      "    %s = 'caught ' + type_name" % v if False else "    %s = str(e)" % v,
                      "except ZeroDivisionError:", "    %s = -1" % v, "except Exception as e:",
                      "    %s = 'other'" % v, "else:", "    %s = [%s]" % (v, v), "finally:", "    done = True"]
        elif kind == 6:
            lines += ["%s, tmp = %s, %s" % (v, g.int_(depth), g.str_(depth)), "tmp, %s = %s, tmp" % (v, v), "del tmp"]
        elif kind == 7:
            lines += ["%s = f'{%s:>6} | {%s!r}'" % (v, g.int_(depth), g.str_(depth))]
        elif kind == 8:
            lines += ["%s = %s" % (v, g.int_(depth)), "%s %s= %s" % (v, g.pick("+", "-", "*", "//", "%", "|", "&"), g.int_(depth))]
        elif kind == 9:
            lines += ["f = lambda a, b=2: a * b + %s" % g.int_(1), "%s = [f(v) for v in %s] + [f(1, b=5)]" % (v, g.ints(depth))]
        elif kind == 10:
            lines += ["%s = sorted({w for w in %s})" % (v, g.strs(depth)), "%s = %s + [isinstance(%s, list)]" % (v, v, v)]
        elif kind == 11:
            lines += ["if %s:" % g.bool_(depth), "    raise ValueError('bad ' + str(%s))" % g.int_(1),
                      "%s = 'passed'" % v]
        else:
            lines += mutation(g, v, depth)
    return "import math\nimport json\nimport re\nimport statistics\n" + "\n".join(lines)


def mutation(g, v, depth):
    """Statements that change lists and dicts: item and slice assignment, del, op=, aliases,
    values from the state changed in place, loops with else, global and nonlocal, formatting."""
    r = g.r
    i = r.randint(-4, 4)
    kind = r.randint(0, 11)
    if kind == 10:
        return ["%s = list(%s)" % (v, g.ints(depth)), "p1 = %s.pop(%s)" % (v, g.pick("", "0", "-1", "%d" % i)),
                "%s.insert(%d, %s)" % (v, i, g.int_(1)), "%s.remove(%s)" % (v, g.int_(0)),
                "%s.sort(%s)" % (v, g.pick("", "reverse=True", "key=lambda q: -q")), "c1 = %s.copy()" % v,
                "c1.reverse()", "%s.extend(c1)" % v]
    if kind == 11:
        return ["%s = dict(%s)" % (v, g.dict_(depth)), "%s.update(%s)" % (v, g.pick("{'a': 9}", "d", "[('k', 1)]", "z=2")),
                "p2 = %s.pop(%s, %s)" % (v, g.key(), g.int_(0)), "p3 = %s.setdefault(%s, [])" % (v, g.key()),
                "c2 = %s.copy()" % v, "c2.clear()", "p4 = %s.pop(%s)" % (v, g.key())]
    if kind == 0:
        return ["%s = {'a': 1, 'b': [1, 2]}" % v, "%s[%s] = %s" % (v, g.key(), g.int_(depth)),
                "%s['b'][%d] = %s" % (v, r.randint(-3, 2), g.str_(depth)), "%s['a'] %s= %s" % (v, g.pick("+", "*", "-"), g.int_(1)),
                "del %s[%s]" % (v, g.key())]
    if kind == 1:
        return ["%s = list(%s)" % (v, g.ints(depth)), "alias = %s" % v, "%s[%d] = %s" % (v, i, g.int_(1)),
                "alias.append(%s)" % g.int_(1), "alias += [%s]" % g.int_(1),
                "%s[%d:%d] = %s" % (v, r.randint(-3, 3), r.randint(-3, 5), g.ints(depth - 1)),
                "del %s[%s]" % (v, g.pick("0", "-1", "1:3", "::2", "%d" % i)), "alias *= %d" % r.randint(0, 2), "n2 = len(alias)"]
    if kind == 2:
        return ["%s = [0] * 6" % v, "%s[::%d] = %s" % (v, r.choice([2, 3, -2]), g.ints(1)), "%s[%d] += %s" % (v, i, g.int_(1))]
    if kind == 3:
        # values from the state changed through their keys, aliases and loop variables
        return g.pick(["d[%s] = %s" % (g.key(), g.int_(depth)), "%s = d" % v],
                      ["al = xs", "al.append(%s)" % g.int_(1), "%s = xs" % v],
                      ["for row in rows:", "    row['a'] += %s" % g.int_(1), "    row['seen'] = True"],
                      ["first = cfg['a']", "cfg['a']['b'].append(%s)" % g.int_(1), "%s = first" % v],
                      ["def mark(items, k):", "    for it in items:", "        it[k] = len(it)", "    return len(items)",
                       "%s = mark(rows, %s)" % (v, g.key())],
                      ["cfg['a']['b'][%d] = %s" % (r.randint(-2, 2), g.str_(1)), "cfg['n'] -= 1"],
                      ["names[%d] = %s" % (r.randint(-2, 2), g.str_(depth)), "del d[%s]" % g.key()])
    if kind == 4:
        return ["%s = 'none'" % v, "for item in %s:" % g.ints(depth), "    if item > %s:" % g.int_(1),
                "        %s = item" % v, "        break", "else:", "    %s = 'no break'" % v]
    if kind == 5:
        return ["j = 0", "%s = []" % v, "while j < %d:" % r.randint(0, 6), "    j += 1", "    if j == %d:" % r.randint(1, 5),
                "        break", "    %s.append(j)" % v, "else:", "    %s.append('done')" % v]
    if kind == 6:
        return ["counter = %s" % g.int_(1), "def bump(k):", "    global counter", "    counter = counter + k", "    return counter",
                "%s = [bump(%s), bump(%s)]" % (v, g.int_(1), g.int_(1))]
    if kind == 7:
        return ["def outer(vals):", "    total = 0", "    seen = []", "    def add(x):", "        nonlocal total",
                "        total += x", "        seen.append(x)", "    for x in vals:", "        add(x)",
                "    return total, seen", "%s = outer(%s)" % (v, g.ints(depth))]
    if kind == 8:
        return ["%s = {}" % v, "for w in %s:" % g.strs(depth), "    %s[w] = %s.get(w, 0) + 1" % (v, v),
                "for w in list(%s):" % v, "    if %s[w] > 1:" % v, "        del %s[w]" % v]
    return ["%s = sorted(%s, key=%s)" % (v, g.strs(depth), g.pick("len", "str", "lambda w: w[-1:]")),
            "%s = max(%s, key=len, default='')" % (v, g.strs(depth))]


def cases(rng, count):
    g = Gen(rng)
    out = []
    for i in range(count):
        depth = rng.randint(1, 3)
        if i % 3 == 2:
            text = program(g, depth)
            kind = "program"
        else:
            text = g.mixed(depth) if i % 10 == 1 else g.any_(depth)
            kind = "expr"
            if any(m + "." in text for m in ("math", "json", "re", "statistics")):
                text = "import math\nimport json\nimport re\nimport statistics\nresult = " + text
                kind = "program"
        out.append({"kind": kind, "text": text, "state": state(rng), "origin": "generated"})
    return out
