package dev.victor.workflow.expr.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The comparison operators. None of them fails on a type error: as FORMAT.md says, a comparison
 * that Python would refuse (None &gt; 3, "a" &lt; 1, 1 in None) is false.
 */
public enum CmpOp {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), IN("in"), NOT_IN("not in"), IS("is"), IS_NOT("is not");

    final String symbol;

    CmpOp(String symbol) {
        this.symbol = symbol;
    }

    boolean test(Ctx c, Object a, Object b) {
        switch (this) {
            case EQ:
                return Equality.equal(c, a, b);
            case NE:
                return !Equality.equal(c, a, b);
            case LT:
                return Compare.compare(c, a, b) == Compare.LESS;
            case LE: {
                int r = Compare.compare(c, a, b);
                return r == Compare.LESS || r == Compare.EQUAL;
            }
            case GT:
                return Compare.compare(c, a, b) == Compare.GREATER;
            case GE: {
                int r = Compare.compare(c, a, b);
                return r == Compare.GREATER || r == Compare.EQUAL;
            }
            case IN:
                return contains(c, b, a) == 1;
            case NOT_IN:
                return contains(c, b, a) == 0;
            case IS:
                return same(a, b);
            case IS_NOT:
                return !same(a, b);
            default:
                throw new IllegalStateException(name());
        }
    }

    /** 1 when the container holds the item, 0 when not, -1 when Python would raise a TypeError. */
    static int contains(Ctx c, Object container, Object item) {
        if (container instanceof String s) {
            if (!(item instanceof String sub)) {
                return -1;
            }
            c.chargeScan((long) s.length() + sub.length());
            return new Finder(sub).next(s, 0) >= 0 ? 1 : 0;
        }
        if (container instanceof List<?> l) {
            c.charge(l.size());
            for (int i = 0, n = l.size(); i < n; i++) {
                if (Equality.equal(c, l.get(i), item)) {
                    return 1;
                }
            }
            return 0;
        }
        if (container instanceof Map<?, ?> m) {
            return Maps.containsKey(c, m, item) ? 1 : 0;
        }
        if (container instanceof PySet set) {
            Keys.chargeHash(c, item);
            return set.has(item) ? 1 : 0;
        }
        if (container instanceof Collection<?> col) {
            c.charge(col.size());
            for (Object o : col) {
                if (Equality.equal(c, o, item)) {
                    return 1;
                }
            }
            return 0;
        }
        return -1;
    }

    /** Identity as far as it means something here: None, True and False, or the same object. */
    private static boolean same(Object a, Object b) {
        if (a == b) {
            return true;
        }
        return a instanceof Boolean x && b instanceof Boolean y && x.booleanValue() == y.booleanValue();
    }

    /** Reads a comparison operator at the parser's position (consuming it), or null when none is there. */
    static CmpOp read(Parser p) {
        Token t = p.peek();
        if (t.kind() == Token.Kind.OP) {
            switch (t.text()) {
                case "==": p.next(); return CmpOp.EQ;
                case "!=": p.next(); return CmpOp.NE;
                case "<": p.next(); return CmpOp.LT;
                case "<=": p.next(); return CmpOp.LE;
                case ">": p.next(); return CmpOp.GT;
                case ">=": p.next(); return CmpOp.GE;
                default: return null;
            }
        }
        if (t.isKeyword("in")) {
            p.next();
            return CmpOp.IN;
        }
        if (t.isKeyword("not") && p.peek(1).isKeyword("in")) {
            p.next();
            p.next();
            return CmpOp.NOT_IN;
        }
        if (t.isKeyword("is")) {
            p.next();
            if (p.atKeyword("not")) {
                p.next();
                return CmpOp.IS_NOT;
            }
            return CmpOp.IS;
        }
        return null;
    }
}
