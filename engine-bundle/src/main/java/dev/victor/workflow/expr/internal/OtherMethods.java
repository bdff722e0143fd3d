package dev.victor.workflow.expr.internal;



/** Methods of sets, datetimes and regular expression matches. */
final class OtherMethods {
    /** Returned when the receiver has no such method. */
    static final Object NONE = new Object();

    private OtherMethods() {
    }

    static Object call(Ctx c, Method m, Object recv, Object[] args) {
        if (recv instanceof PySet set) {
            return onSet(c, m, set, args);
        }
        if (recv instanceof PyDateTime d) {
            if (m == Method.ISOFORMAT) {
                if (args.length > 0 && !(args[0] instanceof String s && s.length() == 1)) {
                    throw PyException.type("isoformat() argument 1 must be a single character");
                }
                return d.isoformat(args.length > 0 ? (String) args[0] : "T");
            }
            if (m == Method.TIMESTAMP) {
                return d.timestamp();
            }
            return NONE;
        }
        if (recv instanceof PyMatch match) {
            switch (m) {
                case GROUP:
                    return match.group(args.length == 0 ? 0L : args[0]);
                case GROUPS:
                    return match.groups();
                case START:
                    return (long) match.result().start();
                case END:
                    return (long) match.result().end();
                case SPAN:
                    return PyTuple.of((long) match.result().start(), (long) match.result().end());
                default:
                    return NONE;
            }
        }
        return NONE;
    }

    private static Object onSet(Ctx c, Method m, PySet set, Object[] args) {
        switch (m) {
            case ADD:
                c.allocate(1);
                set.put(c, args[0]);
                return null;
            case DISCARD:
                set.drop(args[0]);
                return null;
            case REMOVE:
                if (!set.drop(args[0])) {
                    throw PyException.key(Repr.repr(args[0]));
                }
                return null;
            case UNION:
            case INTERSECTION:
            case DIFFERENCE: {
                PySet out = PySet.of(c, set);
                BinOp op = m == Method.UNION ? BinOp.OR : m == Method.INTERSECTION ? BinOp.AND : BinOp.SUB;
                for (Object other : args) {
                    out = Bitwise.sets(c, op, out, PySet.of(c, Iter.items(c, other)));
                }
                return out;
            }
            case ISSUBSET:
            case ISSUPERSET: {
                PySet other = PySet.of(c, Iter.items(c, args[0]));
                PySet small = m == Method.ISSUBSET ? set : other;
                PySet big = m == Method.ISSUBSET ? other : set;
                c.charge(small.size());
                for (Object v : small) {
                    if (!big.has(v)) {
                        return false;
                    }
                }
                return true;
            }
            case COUNT:
            case INDEX:
            default:
                return NONE;
        }
    }

}
