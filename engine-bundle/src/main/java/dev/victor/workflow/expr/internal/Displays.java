package dev.victor.workflow.expr.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses what brackets and quotes hold for the {@link Parser}: tuples in parentheses, list, dict
 * and set displays, comprehensions (and their loop variables), string literals and f-strings.
 */
final class Displays {
    private final Parser p;

    Displays(Parser p) {
        this.p = p;
    }

    /** Adjacent string literals and f-strings, joined. */
    Node strings() {
        Token first = p.peek();
        List<Node> parts = new ArrayList<>();
        List<Boolean> fields = new ArrayList<>();
        List<Character> conversions = new ArrayList<>();
        List<String> specs = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean formatted = false;
        while (p.peek().kind() == Token.Kind.STRING || p.peek().kind() == Token.Kind.FSTART) {
            Token t = p.next();
            if (t.kind() == Token.Kind.STRING) {
                text.append((String) t.value());
                continue;
            }
            formatted = true;
            while (p.peek().kind() != Token.Kind.FEND) {
                if (p.peek().kind() == Token.Kind.FTEXT) {
                    text.append((String) p.next().value());
                    continue;
                }
                if (text.length() > 0) {
                    parts.add(new Leaves.Const(text.toString()));
                    fields.add(false);
                    conversions.add(' ');
                    specs.add(null);
                    text.setLength(0);
                }
                Node value = p.test();
                Token end = p.next();
                if (end.kind() != Token.Kind.FIELD_END) {
                    throw p.unexpected(end);
                }
                String[] cs = (String[]) end.value();
                parts.add(value);
                fields.add(true);
                conversions.add(cs[0].isEmpty() ? ' ' : cs[0].charAt(0));
                specs.add(cs[1]);
            }
            p.next();
        }
        if (!formatted) {
            return new Leaves.Const(text.toString());
        }
        if (text.length() > 0) {
            parts.add(new Leaves.Const(text.toString()));
            fields.add(false);
            conversions.add(' ');
            specs.add(null);
        }
        boolean[] f = new boolean[fields.size()];
        char[] cv = new char[fields.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = fields.get(i);
            cv[i] = conversions.get(i);
        }
        return new FString(parts.toArray(new Node[0]), f, cv, specs.toArray(new String[0]), first.line(), first.col());
    }

    Node parenthesised() {
        Token open = p.next();
        int openIndex = p.position() - 1;
        p.enter(open);
        Node result;
        if (p.atOp(")")) {
            result = new Leaves.Const(PyTuple.EMPTY);
        } else if (p.holdsFor(openIndex)) {
            result = comprehension(open, openIndex, false);
        } else {
            Node first = p.test();
            if (p.atOp(",")) {
                List<Node> items = new ArrayList<>();
                items.add(first);
                while (p.atOp(",")) {
                    p.next();
                    if (p.atOp(")")) {
                        break;
                    }
                    items.add(p.test());
                }
                result = new Literals.TupleLit(items.toArray(new Node[0]));
            } else {
                result = first;
            }
        }
        p.expectClose(open);
        p.leave(1);
        return result;
    }

    Node listDisplay() {
        Token open = p.next();
        int openIndex = p.position() - 1;
        p.enter(open);
        Node result;
        if (p.holdsFor(openIndex) && !p.atOp("]")) {
            result = comprehension(open, openIndex, false);
        } else {
            List<Node> items = new ArrayList<>();
            while (!p.atOp("]")) {
                items.add(p.test());
                if (!p.atOp(",")) {
                    break;
                }
                p.next();
            }
            result = new Literals.ListLit(items.toArray(new Node[0]));
        }
        p.expectClose(open);
        p.leave(1);
        return result;
    }

    Node dictDisplay() {
        Token open = p.next();
        int openIndex = p.position() - 1;
        p.enter(open);
        Node result;
        if (p.holdsFor(openIndex) && !p.atOp("}")) {
            result = comprehension(open, openIndex, true);
        } else {
            List<Node> keys = new ArrayList<>();
            List<Node> values = new ArrayList<>();
            while (!p.atOp("}")) {
                if (p.atOp("**")) {
                    throw p.error(p.peek(), "dict unpacking ('**') is not supported");
                }
                keys.add(p.test());
                if (!p.atOp(":")) {
                    if (keys.size() == 1 && (p.atOp(",") || p.atOp("}"))) {
                        Node set = setDisplay(open, keys.get(0));
                        p.leave(1);
                        return set;
                    }
                    throw p.unexpected(p.peek());
                }
                p.next();
                values.add(p.test());
                if (!p.atOp(",")) {
                    break;
                }
                p.next();
            }
            result = new Literals.DictLit(keys.toArray(new Node[0]), values.toArray(new Node[0]));
        }
        p.expectClose(open);
        p.leave(1);
        return result;
    }

    /** The rest of a set display {@code {first, ...}}, its closing brace included. */
    private Node setDisplay(Token open, Node first) {
        List<Node> items = new ArrayList<>();
        items.add(first);
        while (p.atOp(",")) {
            p.next();
            if (p.atOp("}")) {
                break;
            }
            items.add(p.test());
        }
        p.expectClose(open);
        return new Literals.SetLit(items.toArray(new Node[0]));
    }

    /**
     * A comprehension inside the bracket at openIndex (the caller checks the closing bracket).
     * Its loop variables are found first, by scanning the tokens, so that the element, which
     * comes before them in the text, already sees them as locals.
     */
    Node comprehension(Token open, int openIndex, boolean dict) {
        List<List<String>> targets = scanTargets(openIndex);
        List<Map<String, Integer>> clauseScopes = new ArrayList<>();
        Map<String, Integer> all = new HashMap<>();
        for (List<String> names : targets) {
            Map<String, Integer> scope = new HashMap<>();
            for (String n : names) {
                scope.put(n, p.newSlot());
            }
            clauseScopes.add(scope);
            all.putAll(scope);
        }
        p.pushScope(all);
        Node element = p.test();
        Node value = null;
        boolean set = false;
        if (dict) {
            if (p.atOp(":")) {
                p.next();
                value = p.test();
            } else {
                dict = false;
                set = true;
            }
        }
        p.popScope();
        if (!p.atKeyword("for")) {
            throw p.atOp(",") ? p.error(p.peek(), "a generator expression must be the only argument, or be in parentheses")
                    : p.unexpected(p.peek());
        }
        List<Comprehension.Clause> clauses = new ArrayList<>();
        int pushed = 0;
        for (int i = 0; i < clauseScopes.size(); i++) {
            Token forTok = p.peek();
            if (!forTok.isKeyword("for")) {
                throw p.unexpected(forTok);
            }
            p.next();
            Map<String, Integer> scope = clauseScopes.get(i);
            Targets tg = targets(scope);
            if (!p.atKeyword("in")) {
                throw p.error(p.peek(), "expected 'in' after the loop variables");
            }
            p.next();
            Node iterable = p.orTest();
            p.pushScope(scope);
            pushed++;
            clauses.add(new Comprehension.For(tg.slots, tg.unpack, iterable, forTok.line(), forTok.col()));
            while (p.atKeyword("if")) {
                p.next();
                clauses.add(new Comprehension.If(p.orTest()));
            }
        }
        for (int i = 0; i < pushed; i++) {
            p.popScope();
        }
        if (p.atKeyword("for")) {
            throw p.error(p.peek(), "unexpected 'for'");
        }
        return new Comprehension(dict, set, element, value, clauses.toArray(new Comprehension.Clause[0]));
    }

    /** The loop variables of each 'for' directly inside the bracket at openIndex. */
    private List<List<String>> scanTargets(int openIndex) {
        List<List<String>> out = new ArrayList<>();
        int end = p.closeOf(openIndex) < 0 ? p.tokenCount() - 1 : p.closeOf(openIndex);
        int i = openIndex + 1;
        while (i < end) {
            Token t = p.token(i);
            if (t.kind() == Token.Kind.OP && (t.text().equals("(") || t.text().equals("[") || t.text().equals("{"))) {
                i = p.closeOf(i) < 0 ? end : p.closeOf(i) + 1;
                continue;
            }
            if (t.isKeyword("for")) {
                List<String> names = new ArrayList<>();
                i++;
                while (i < end && !p.token(i).isKeyword("in")) {
                    Token n = p.token(i);
                    if (n.kind() == Token.Kind.NAME) {
                        names.add(n.text());
                    }
                    i++;
                }
                out.add(names);
                continue;
            }
            i++;
        }
        return out;
    }

    /** Loop variables: one name, or names separated by commas (optionally in parentheses). */
    record Targets(int[] slots, boolean unpack, List<String> names) {
    }

    /**
     * Reads the loop variables of a for. With preassigned, the slots come from it (a
     * comprehension); otherwise new slots are taken.
     */
    Targets targets(Map<String, Integer> preassigned) {
        boolean paren = p.atOp("(");
        Token open = paren ? p.next() : null;
        List<String> names = new ArrayList<>();
        List<Integer> slotList = new ArrayList<>();
        boolean unpack = paren;
        while (true) {
            Token t = p.peek();
            if (t.kind() != Token.Kind.NAME) {
                throw p.error(t, "a loop variable must be a name (or names separated by commas)");
            }
            p.next();
            p.checkName(t);
            if (t.text().equals("ctx")) {
                throw p.error(t, "'ctx' cannot be a loop variable");
            }
            if (names.contains(t.text())) {
                throw p.error(t, "loop variable '" + t.text() + "' appears twice");
            }
            names.add(t.text());
            Integer slot = preassigned != null ? preassigned.get(t.text()) : Integer.valueOf(p.newSlot());
            if (slot == null) {
                throw p.error(t, "a loop variable must be a name (or names separated by commas)");
            }
            slotList.add(slot);
            if (!p.atOp(",")) {
                break;
            }
            p.next();
            unpack = true;
            if (p.atKeyword("in") || paren && p.atOp(")")) {
                break;
            }
        }
        if (paren) {
            p.expectClose(open);
        }
        int[] s = new int[slotList.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = slotList.get(i);
        }
        return new Targets(s, unpack, names);
    }

    Node subscript(Node target) {
        Token open = p.next();
        Node start = null;
        if (!p.atOp(":")) {
            start = p.test();
            if (!p.atOp(":")) {
                if (p.atOp(",")) {
                    throw p.error(p.peek(), "tuple indices are not supported");
                }
                p.expectClose(open);
                return new Accessors.Subscript(target, start, open.line(), open.col());
            }
        }
        p.next();
        Node stop = p.atOp(":") || p.atOp("]") ? null : p.test();
        Node step = null;
        if (p.atOp(":")) {
            p.next();
            step = p.atOp("]") ? null : p.test();
        }
        p.expectClose(open);
        return new Accessors.Slice(target, start, stop, step, open.line(), open.col());
    }
}
