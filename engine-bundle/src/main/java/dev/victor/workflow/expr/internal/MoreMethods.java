package dev.victor.workflow.expr.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The methods that change lists and dicts in place ({@code pop insert remove sort reverse clear
 * update setdefault}, on a copy when the value came from the state, see {@link Items}), {@code copy},
 * and more string methods ({@code title capitalize lstrip rstrip find isdigit isalpha isspace
 * zfill}), as CPython has them.
 */
final class MoreMethods {
    private MoreMethods() {
    }

    static Object onList(Ctx c, Method m, List<?> list, Object[] args, String[] kwNames, Object[] kwValues) {
        if (m == Method.COPY) {
            c.charge(list.size());
            c.allocate(list.size());
            return new PyList(c.owner(), list);
        }
        @SuppressWarnings("unchecked")
        List<Object> own = (List<Object>) Items.own(c, list);
        switch (m) {
            case POP: {
                if (own.isEmpty()) {
                    throw PyException.index("pop from empty list");
                }
                long i = args.length == 0 ? -1 : integer(args[0]);
                if (i < 0) {
                    i += own.size();
                }
                if (i < 0 || i >= own.size()) {
                    throw PyException.index("pop index out of range");
                }
                c.charge(own.size() - i);
                return own.remove((int) i);
            }
            case INSERT: {
                long i = integer(args[0]);
                int n = own.size();
                i = i < 0 ? Math.max(0, i + n) : Math.min(i, n);
                Ctx.checkSize(n + 1L, "list");
                c.charge(n - i);
                c.allocate(1);
                own.add((int) i, args[1]);
                return null;
            }
            case REMOVE: {
                c.charge(own.size());
                for (int i = 0; i < own.size(); i++) {
                    if (Equality.equal(c, own.get(i), args[0])) {
                        own.remove(i);
                        return null;
                    }
                }
                throw PyException.value("list.remove(x): x not in list");
            }
            case SORT: {
                if (args.length > 0) {
                    throw PyException.type("sort() takes no positional arguments");
                }
                List<?> sorted = (List<?>) Builtins.call(c, Builtin.SORTED, new Object[] {own}, kwNames, kwValues);
                List<Object> items = new ArrayList<>(sorted);
                own.clear();
                own.addAll(items);
                return null;
            }
            case REVERSE:
                c.charge(own.size());
                java.util.Collections.reverse(own);
                return null;
            case CLEAR:
                own.clear();
                return null;
            default:
                throw PyException.attribute("'list' object has no attribute '" + m.pyName + "'");
        }
    }

    static Object onMap(Ctx c, Method m, Map<?, ?> map, Object[] args, String[] kwNames, Object[] kwValues) {
        if (m == Method.COPY) {
            c.charge(map.size());
            c.allocate(map.size());
            return new PyDict(c.owner(), map);
        }
        @SuppressWarnings("unchecked")
        Map<Object, Object> own = (Map<Object, Object>) Items.own(c, map);
        switch (m) {
            case POP: {
                PySet.key(args[0]);
                Object v = Maps.lookup(c, own, args[0]);
                if (v == Maps.MISSING) {
                    if (args.length > 1) {
                        return args[1];
                    }
                    throw PyException.key(Repr.repr(args[0]));
                }
                Items.delete(c, own, args[0]);
                return v;
            }
            case SETDEFAULT: {
                PySet.key(args[0]);
                Object v = Maps.lookup(c, own, args[0]);
                if (v != Maps.MISSING) {
                    return v;
                }
                Object d = args.length > 1 ? args[1] : null;
                Items.set(c, own, args[0], d);
                return d;
            }
            case UPDATE: {
                if (args.length > 0) {
                    if (args[0] instanceof Map<?, ?> other) {
                        Items.update(c, (PyDict) own, other);
                    } else {
                        List<?> pairs = Iter.items(c, args[0]);
                        for (int i = 0; i < pairs.size(); i++) {
                            List<?> pair = CollectionFunctions.pair(c, pairs.get(i), i);
                            Items.set(c, own, pair.get(0), pair.get(1));
                        }
                    }
                }
                for (int i = 0; i < kwNames.length; i++) {
                    Items.set(c, own, kwNames[i], kwValues[i]);
                }
                return null;
            }
            case CLEAR:
                own.clear();
                return null;
            default:
                throw PyException.attribute("'dict' object has no attribute '" + m.pyName + "'");
        }
    }

    static Object onString(Ctx c, Method m, String s, Object[] args) {
        c.chargeScan(s.length());
        switch (m) {
            case TITLE:
            case CAPITALIZE: {
                c.allocate(s.length());
                StringBuilder b = new StringBuilder(s.length());
                boolean previousCased = false;
                for (int i = 0; i < s.length(); ) {
                    int cp = s.codePointAt(i);
                    boolean upper = m == Method.TITLE ? !previousCased : i == 0;
                    b.appendCodePoint(upper ? Character.toTitleCase(cp) : Character.toLowerCase(cp));
                    previousCased = Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
                    i += Character.charCount(cp);
                }
                return b.toString();
            }
            case LSTRIP:
            case RSTRIP: {
                if (args.length > 0 && args[0] != null && !(args[0] instanceof String)) {
                    throw PyException.type(m.pyName + " arg must be None or str");
                }
                String chars = args.length > 0 ? (String) args[0] : null;
                int a = 0;
                int b = s.length();
                if (m == Method.LSTRIP) {
                    while (a < b && strips(s.charAt(a), chars)) {
                        a++;
                    }
                } else {
                    while (b > a && strips(s.charAt(b - 1), chars)) {
                        b--;
                    }
                }
                return s.substring(a, b);
            }
            case FIND: {
                if (!(args[0] instanceof String sub)) {
                    throw PyException.type("must be str, not " + Values.typeName(args[0]));
                }
                int i = new Finder(sub).next(s, 0);
                return i < 0 ? -1L : (long) Text.codePointIndex(s, i);
            }
            case ISDIGIT:
                return !s.isEmpty() && s.codePoints().allMatch(Character::isDigit);
            case ISALPHA:
                return !s.isEmpty() && s.codePoints().allMatch(Character::isLetter);
            case ISSPACE:
                return !s.isEmpty() && s.chars().allMatch(ch -> Text.isSpace((char) ch));
            case ZFILL: {
                long width = integer(args[0]);
                if (width <= s.length()) {
                    return s;
                }
                Ctx.checkSize(width, "string");
                c.allocate(width);
                int sign = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
                return s.substring(0, sign) + "0".repeat((int) (width - s.length())) + s.substring(sign);
            }
            default:
                throw PyException.attribute("'str' object has no attribute '" + m.pyName + "'");
        }
    }

    private static boolean strips(char ch, String chars) {
        return chars == null ? Text.isSpace(ch) : chars.indexOf(ch) >= 0;
    }

    private static long integer(Object v) {
        if (!Num.isIntegral(v)) {
            throw PyException.type("'" + Values.typeName(v) + "' object cannot be interpreted as an integer");
        }
        return Num.isSmallInt(v) ? Num.asLong(v) : ((java.math.BigInteger) v).signum() * (long) Integer.MAX_VALUE;
    }
}
