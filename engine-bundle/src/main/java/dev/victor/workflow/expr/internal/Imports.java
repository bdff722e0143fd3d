package dev.victor.workflow.expr.internal;

/**
 * Reads {@code import m}, {@code import m as n} and {@code from m import f, g as h}: checked
 * against the allowed modules and bound in the parser when the program is parsed.
 */
final class Imports {
    private Imports() {
    }

    static void parse(Parser p) {
        Token t = p.next();
        if (t.isKeyword("import")) {
            do {
                if (p.atOp(",")) {
                    p.next();
                }
                Token m = dottedName(p);
                String alias = m.text().contains(".") ? null : m.text();
                if (p.atKeyword("as")) {
                    p.next();
                    alias = p.next().text();
                }
                Modules.checkModule(m.text(), m, p);
                if (alias == null) {
                    alias = m.text().substring(0, m.text().indexOf('.'));
                    p.calls.importModule(alias, alias);
                } else {
                    p.calls.importModule(alias, m.text());
                }
            } while (p.atOp(","));
            return;
        }
        Token m = dottedName(p);
        Modules.checkModule(m.text(), m, p);
        if (!p.atKeyword("import")) {
            throw p.error(p.peek(), "expected 'import'");
        }
        p.next();
        boolean paren = p.atOp("(");
        if (paren) {
            p.next();
        }
        do {
            if (p.atOp(",")) {
                p.next();
            }
            Token name = p.next();
            if (name.isOp("*")) {
                throw p.error(name, "'from " + m.text() + " import *' is not supported: name what you import");
            }
            String alias = name.text();
            if (p.atKeyword("as")) {
                p.next();
                alias = p.next().text();
            }
            Object member = Modules.member(m.text(), name.text());
            if (member == null) {
                throw p.error(name, "module '" + m.text() + "' has no '" + name.text() + "' here (it has: "
                        + String.join(", ", Modules.names(m.text())) + ")");
            }
            if (member instanceof Modules.Submodule sub) {
                p.calls.importModule(alias, sub.name());
            } else if (member instanceof Modules.Function f) {
                p.calls.importFunction(alias, f);
            } else {
                p.calls.importConstant(alias, member);
            }
        } while (p.atOp(","));
        if (paren) {
            p.expectOp(")", "expected ')'");
        }
    }

    /** A name, or names joined by dots ({@code os.path}), as one token. */
    private static Token dottedName(Parser p) {
        Token first = p.next();
        if (first.kind() != Token.Kind.NAME) {
            throw p.error(first, "expected a module name");
        }
        StringBuilder b = new StringBuilder(first.text());
        while (p.atOp(".")) {
            p.next();
            Token n = p.next();
            if (n.kind() != Token.Kind.NAME) {
                throw p.error(n, "expected a name after '.'");
            }
            b.append('.').append(n.text());
        }
        return new Token(Token.Kind.NAME, b.toString(), b.toString(), first.line(), first.col());
    }
}
