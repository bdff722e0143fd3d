#!/usr/bin/env python3
"""Differential check of the workflow expression language against CPython.

Every condition and transform of the corpus (each on states generated from the names it reads)
and thousands of seeded, generated expressions and programs of the language's subset are
evaluated by CPython here and by the project's evaluator (Runner.java); results and error kinds
are compared. Usage: differential.py CORPUS_DIR JAVA_COMMAND... (run.sh passes both).
"""
import ast
import json
import math
import os
import random
import re
import subprocess
import sys
import warnings

sys.dont_write_bytecode = True  # no __pycache__ beside the tool
import gen  # noqa: E402

SEED = int(os.environ.get("SEED", "12"))
COUNT = int(os.environ.get("COUNT", "3000"))


# ---- the language's extensions and deliberate rules, written in Python for the reference side ----

WRITTEN = set()  # the state keys whose values the running case wrote into


def _writes(cls, names):
    """Makes the named methods of a container class note the state key it belongs to."""
    for name in names:
        def method(self, *args, _original=getattr(cls.__mro__[1], name), **kwargs):
            WRITTEN.add(self._root)
            return _original(self, *args, **kwargs)
        setattr(cls, name, method)
    return cls


class Record(dict):
    """A map of the state: reads of a missing key or attribute give None (the language's rule)."""
    _root = None

    def __getattr__(self, name):
        if name.startswith("__") or name == "_root":
            raise AttributeError(name)
        return self.get(name)

    def __missing__(self, key):
        return None


class StateList(list):
    """A list of the state (writes into it are noted, as for Record)."""
    _root = None


_writes(Record, ["__setitem__", "__delitem__", "update", "setdefault", "pop", "popitem", "clear", "__ior__"])
_writes(StateList, ["__setitem__", "__delitem__", "append", "extend", "insert", "pop", "remove", "sort", "reverse",
                    "clear", "__iadd__", "__imul__"])


def merge(*values):
    values = [v for v in values if v is not None]
    if not values:
        return {}
    if not (all(isinstance(v, list) for v in values) or all(isinstance(v, dict) for v in values)):
        raise TypeError("merge() arguments must be all maps or all lists")
    if all(isinstance(v, list) for v in values):
        return [x for v in values for x in v]
    out = {}
    for v in values:
        for k, x in v.items():
            if isinstance(out.get(k), dict) and isinstance(x, dict):
                out[k] = merge(out[k], x)
            elif isinstance(out.get(k), list) and isinstance(x, list):
                out[k] = out[k] + x
            else:
                out[k] = x
    return out


def concat(*values):
    for v in values:
        if v is not None and not isinstance(v, list):
            raise TypeError("concat() argument must be a list")
    return [x for v in values if v is not None for x in v]


def current_timestamp():
    return "2025-01-31T12:00:00.000000Z"


# true, false and null are the language's literals too (YAML's spelling)
EXTENSIONS = {"merge": merge, "concat": concat, "current_timestamp": current_timestamp, "true": True,
              "false": False, "null": None}


def wrap(v, root=None):
    if isinstance(v, dict):
        out = Record({k: wrap(x, root) for k, x in v.items()})
    elif isinstance(v, list):
        out = StateList(wrap(x, root) for x in v)
    else:
        return v
    out._root = root
    return out


TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z")


def canonical(v):
    if v is None or isinstance(v, (bool, int, float)):
        return repr(v)
    if isinstance(v, str):
        return repr(TIMESTAMP.sub("<timestamp>", v))
    if isinstance(v, (set, frozenset)):
        return "set{" + ", ".join(sorted(canonical(x) for x in v)) + "}"
    if isinstance(v, dict):
        return "{" + ", ".join(canonical(k) + ": " + canonical(x) for k, x in v.items()) + "}"
    if isinstance(v, tuple):
        return "(" + ", ".join(canonical(x) for x in v) + ("," if len(v) == 1 else "") + ")"
    if isinstance(v, list):
        return "[" + ", ".join(canonical(x) for x in v) + "]"
    return "<" + type(v).__name__ + ">"


def record_assignments(tree):
    """Adds, after each top-level assignment (in blocks too, not in functions), a note of the
    names it assigned, so that the program's outputs are the names it really assigned."""

    def names(t, out):
        if isinstance(t, ast.Name):
            out.append(t.id)
        elif isinstance(t, (ast.Tuple, ast.List)):
            for e in t.elts:
                names(e, out)
        elif isinstance(t, ast.Attribute):
            names(t.value, out)
        return out

    def note(method, found):
        return ast.parse("__assigned__.%s(%r)" % (method, found)).body[0]

    def block(stmts):
        out = []
        for s in stmts:
            out.append(s)
            if isinstance(s, ast.Assign):
                found = []
                for t in s.targets:
                    names(t, found)
                out.append(note("update", found))
            elif isinstance(s, ast.AugAssign):
                out.append(note("update", names(s.target, [])))
            elif isinstance(s, ast.Delete):
                found = [t.id for t in s.targets if isinstance(t, ast.Name)]
                out.append(note("difference_update", found))
            elif isinstance(s, ast.FunctionDef):
                declared = [n for g in ast.walk(s) if isinstance(g, ast.Global) for n in g.names]
                out.append(note("update", declared))
            elif isinstance(s, (ast.If, ast.While, ast.For)):
                s.body = block(s.body)
                s.orelse = block(s.orelse)
            elif isinstance(s, ast.Try):
                s.body = block(s.body)
                for h in s.handlers:
                    h.body = block(h.body)
                s.orelse = block(s.orelse)
                s.finalbody = block(s.finalbody)
        return out
    tree.body = block(tree.body)
    return ast.fix_missing_locations(tree)


def evaluate(case):
    state = {k: wrap(v, k) for k, v in case["state"].items()}
    WRITTEN.clear()
    scope = dict(EXTENSIONS)
    scope.update(state)
    scope["ctx"] = Record(state)
    text = case["text"]
    try:
        if case["kind"] == "expr":
            value = eval(compile(text.replace("\n", " ") if "\n" in text else text, "<expr>", "eval"), scope)
            return "ok " + canonical(value)
        tree = record_assignments(ast.parse(text))
        scope["__assigned__"] = set()
        exec(compile(tree, "<transform>", "exec"), scope)
        # a state value the program wrote into is written too (the language copies it on the
        # first write and writes the copy under its key)
        changed = {k for k in WRITTEN if k is not None and k not in scope["__assigned__"] and scope.get(k) is state[k]}
        out = {}
        for name in sorted(scope["__assigned__"] | changed):
            if name in scope and not callable(scope[name]) and not type(scope[name]).__name__ == "module":
                out[name] = scope[name]
        return "ok " + canonical(out)
    except SyntaxError as e:
        return "error SyntaxError " + str(e)
    except RecursionError as e:
        return "error RecursionError " + str(e)
    except Exception as e:
        return "error " + type(e).__name__ + " " + str(e)


# ---- the corpus: every condition and transform, on states made from the names it reads ----

VALUES = [0, 1, 3, 7, -2, 0.5, 0.85, 2.5, "", "abc", "high", True, False, None, [], [1, 2, 3], ["a", "b"],
          {}, {"a": 1, "passed": True, "count": 2, "items": [1, 2], "status": "ok"}]


def corpus_cases(root, rng):
    try:
        import yaml
    except ImportError:
        print("PyYAML is missing: the corpus is skipped", file=sys.stderr)
        return []
    texts = []

    def walk(o):
        if isinstance(o, dict):
            t = o.get("type")
            if t == "transform" and isinstance(o.get("transform"), str):
                texts.append(("program", o["transform"]))
            if t == "condition" and isinstance(o.get("condition"), str):
                texts.append(("expr", o["condition"]))
            for v in o.values():
                walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)
    for d, _, files in sorted(os.walk(root)):
        for f in sorted(files):
            if f.endswith((".yaml", ".yml")):
                with open(os.path.join(d, f)) as fh:
                    for doc in yaml.safe_load_all(fh):
                        walk(doc)
    cases = []
    seen = set()
    for kind, text in texts:
        if (kind, text) in seen or kind == "program" and re.fullmatch(r"\s*\w+\s*", text):
            continue  # seen, or the name of a registered transform function: not a program
        seen.add((kind, text))
        try:
            tree = ast.parse(text.replace("\n", " ") if kind == "expr" else text, mode="eval" if kind == "expr" else "exec")
        except SyntaxError:
            cases.append({"kind": kind, "text": text, "state": {}, "origin": "corpus"})
            continue
        read = sorted({n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
                      - set(EXTENSIONS) - set(dir(__builtins__)) - {"ctx"})
        for _ in range(8):
            state = {name: rng.choice(VALUES) for name in read}
            cases.append({"kind": kind, "text": text, "state": state, "origin": "corpus"})
    return cases


def main():
    warnings.filterwarnings("ignore")
    corpus_dir, java = sys.argv[1], sys.argv[2:]
    rng = random.Random(SEED)
    cases = corpus_cases(corpus_dir, rng) + gen.cases(rng, COUNT)
    feed = "".join(json.dumps({"kind": c["kind"], "text": c["text"], "state": c["state"]}) + "\n" for c in cases)
    done = subprocess.run(java, input=feed, capture_output=True, text=True, encoding="utf-8")
    if done.returncode != 0:
        sys.exit("the Java runner failed:\n" + done.stderr)
    answers = done.stdout.split("\n")
    agree, differ = {}, {}
    for case, java_answer in zip(cases, answers):
        python_answer = evaluate(case)
        java_answer = TIMESTAMP.sub("<timestamp>", java_answer)
        jk = java_answer.split(" ", 2)
        pk = python_answer.split(" ", 2)
        if pk[:2] == ["error", "error"]:
            pk[1] = "re.error"  # the name of re's exception class
        same = java_answer == python_answer if jk[0] == "ok" else jk[:2] == pk[:2]
        origin = case["origin"]
        if not same and pk[:2] == ["error", "TypeError"] and ("not supported between instances" in pk[2] or (
                jk[0] == "ok" and re.match(r"argument of type '\w+' is not iterable|'in <string>' requires|unhashable type", pk[2]))):
            origin += "/deliberate (comparisons never fail)"
            same = True
        elif not same and pk[:2] == ["error", "KeyError"] and jk[0] == "ok":
            origin += "/deliberate (a missing key reads None)"
            same = True
        elif not same and pk[:2] == ["error", "AttributeError"] and "'NoneType' object has no attribute" in pk[2] \
                and jk[0] == "ok":
            origin += "/deliberate (a.b of None is None)"
            same = True
        if same:
            agree[origin] = agree.get(origin, 0) + 1
        else:
            differ.setdefault(origin, []).append((case, python_answer, java_answer))
    total = len(cases)
    agreed = sum(agree.values())
    kinds = {}
    for origin, items in differ.items():
        for case, py, jv in items:
            key = (origin, " ".join(py.split(" ", 2)[:2]), " ".join(jv.split(" ", 2)[:2]))
            kinds[key] = kinds.get(key, 0) + 1
    for key, n in sorted(kinds.items(), key=lambda e: -e[1]):
        print("%5d  %-10s python %-28s java %s" % (n, key[0], key[1], key[2]))
    for origin, items in sorted(differ.items()):
        for case, py, jv in items[:int(os.environ.get("SHOW", "15"))]:
            print("--- %s %s\n%s\n    state  %s\n    python %s\n    java   %s" % (origin, case["kind"], case["text"],
                  json.dumps(case["state"])[:300], py[:300], jv[:300]))
    for origin in sorted(set(agree) | set(differ)):
        n = agree.get(origin, 0)
        print("%-10s %d agree of %d" % (origin, n, n + len(differ.get(origin, []))))
    print("total      %d agree of %d" % (agreed, total))
    return 0 if agreed == total else 1


if __name__ == "__main__":
    sys.exit(main())
