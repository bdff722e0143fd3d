package dev.victor.workflow.expr.internal;

import dev.victor.workflow.expr.Placeholder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The implementations of the {@link Method}s, dispatched on the receiver's type. */
final class Methods {
    private Methods() {
    }

    private static final java.util.Set<Method> MORE = java.util.EnumSet.range(Method.POP, Method.ZFILL);
    private static final String[] NO_NAMES = new String[0];

    static Object call(Ctx c, Method m, Object recv, Object[] args) {
        return call(c, m, recv, args, NO_NAMES, args);
    }

    static Object call(Ctx c, Method m, Object recv, Object[] args, String[] kwNames, Object[] kwValues) {
        if (recv instanceof Placeholder p && m != Method.GET && m != Method.KEYS && m != Method.VALUES
                && m != Method.ITEMS) {
            return p.called(m.pyName);
        }
        if (MORE.contains(m) && !(m == Method.REMOVE && recv instanceof PySet)) {
            return recv instanceof Map<?, ?> map ? MoreMethods.onMap(c, m, map, args, kwNames, kwValues)
                    : recv instanceof String s ? MoreMethods.onString(c, m, s, args)
                    : MoreMethods.onList(c, m, (List<?>) recv, args, kwNames, kwValues);
        }
        if (m == Method.REMOVE && recv instanceof List<?> list && !(recv instanceof PyTuple)) {
            return MoreMethods.onList(c, m, list, args, kwNames, kwValues);
        }
        if (recv instanceof Map<?, ?> map) {
            return onMap(c, m, map, args);
        }
        if (recv instanceof String s) {
            return onString(c, m, s, args);
        }
        if (recv instanceof List<?> list) {
            return onList(c, m, list, args);
        }
        Object other = OtherMethods.call(c, m, recv, args);
        if (other != OtherMethods.NONE) {
            return other;
        }
        throw noSuch(recv, m);
    }

    private static final java.util.Set<Method> MAP = java.util.EnumSet.of(Method.GET, Method.KEYS, Method.VALUES,
            Method.ITEMS, Method.POP, Method.SETDEFAULT, Method.UPDATE, Method.CLEAR, Method.COPY);
    private static final java.util.Set<Method> STRING = java.util.EnumSet.of(Method.LOWER, Method.UPPER, Method.STRIP,
            Method.SPLIT, Method.STARTSWITH, Method.ENDSWITH, Method.REPLACE, Method.JOIN, Method.COUNT, Method.INDEX,
            Method.FORMAT, Method.TITLE, Method.CAPITALIZE, Method.LSTRIP, Method.RSTRIP, Method.FIND, Method.ISDIGIT,
            Method.ISALPHA, Method.ISSPACE, Method.ZFILL);
    private static final java.util.Set<Method> LIST = java.util.EnumSet.of(Method.APPEND, Method.EXTEND, Method.COUNT,
            Method.INDEX, Method.POP, Method.INSERT, Method.REMOVE, Method.SORT, Method.REVERSE, Method.CLEAR,
            Method.COPY);
    private static final java.util.Set<Method> TUPLE = java.util.EnumSet.of(Method.COUNT, Method.INDEX);
    private static final java.util.Set<Method> SET = java.util.EnumSet.of(Method.ADD, Method.DISCARD, Method.REMOVE,
            Method.UNION, Method.INTERSECTION, Method.DIFFERENCE, Method.ISSUBSET, Method.ISSUPERSET);
    private static final java.util.Set<Method> DATETIME = java.util.EnumSet.of(Method.ISOFORMAT, Method.TIMESTAMP);
    private static final java.util.Set<Method> MATCH = java.util.EnumSet.of(Method.GROUP, Method.GROUPS, Method.START,
            Method.END, Method.SPAN);

    /**
     * Fails when the receiver has no such method, before the arguments are evaluated (Python
     * looks the method up first).
     */
    static void check(Object recv, Method m) {
        java.util.Set<Method> has = recv instanceof Placeholder ? java.util.EnumSet.allOf(Method.class)
                : recv instanceof Map<?, ?> ? MAP : recv instanceof String ? STRING : recv instanceof PyTuple ? TUPLE
                : recv instanceof List<?> ? LIST : recv instanceof PySet ? SET : recv instanceof PyDateTime ? DATETIME
                : recv instanceof PyMatch ? MATCH : java.util.Set.of();
        if (!has.contains(m)) {
            throw noSuch(recv, m);
        }
    }

    private static PyException noSuch(Object recv, Method m) {
        return PyException.attribute("'" + Values.typeName(recv) + "' object has no attribute '" + m.pyName + "'");
    }

    private static Object onMap(Ctx c, Method m, Map<?, ?> map, Object[] args) {
        switch (m) {
            case GET: {
                PySet.key(args[0]);
                Object v = Maps.lookup(c, map, args[0]);
                return v != Maps.MISSING ? v : args.length > 1 ? args[1] : null;
            }
            case KEYS: {
                c.charge(map.size());
                c.allocate(map.size());
                return new PyList(c.owner(), map.keySet());
            }
            case VALUES: {
                c.charge(map.size());
                c.allocate(map.size());
                return new PyList(c.owner(), map.values());
            }
            case ITEMS: {
                c.charge(map.size());
                c.allocate(map.size());
                PyList out = c.newList(map.size());
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    out.add(PyTuple.of(e.getKey(), e.getValue()));
                }
                return out;
            }
            default:
                throw noSuch(map, m);
        }
    }

    private static Object onString(Ctx c, Method m, String s, Object[] args) {
        switch (m) {
            case LOWER:
                c.chargeText(s.length());
                c.allocate(s.length());
                return s.toLowerCase(Locale.ROOT);
            case UPPER:
                c.chargeText(s.length());
                c.allocate(s.length());
                return s.toUpperCase(Locale.ROOT);
            case STRIP:
                c.chargeScan(s.length() + (args.length > 0 && args[0] instanceof String set ? set.length() : 0L));
                return strip(s, args.length == 0 ? null : args[0]);
            case SPLIT:
                return split(c, s, args.length > 0 ? args[0] : null, args.length > 1 ? args[1] : -1L);
            case STARTSWITH:
            case ENDSWITH:
                return affix(c, s, args[0], m);
            case REPLACE:
                return replace(c, s, string(args[0], "replace() argument 1"), string(args[1], "replace() argument 2"),
                        args.length > 2 ? args[2] : -1L);
            case JOIN:
                return join(c, s, args[0]);
            case COUNT: {
                String sub = string(args[0], "count() argument");
                c.chargeScan((long) s.length() + sub.length());
                return Text.count(s, sub);
            }
            case INDEX: {
                String sub = string(args[0], "index() argument");
                c.chargeScan((long) s.length() + sub.length());
                int i = new Finder(sub).next(s, 0);
                if (i < 0) {
                    throw PyException.value("substring not found");
                }
                return (long) Text.codePointIndex(s, i);
            }
            default:
                throw noSuch(s, m);
        }
    }

    private static Object onList(Ctx c, Method m, List<?> list, Object[] args) {
        switch (m) {
            case APPEND:
            case EXTEND: {
                if (list instanceof PyTuple) {
                    throw noSuch(list, m);
                }
                PyList own = (PyList) Items.own(c, list);
                if (m == Method.APPEND) {
                    Ctx.checkSize(own.size() + 1L, "list");
                    c.allocate(1);
                    own.add(args[0]);
                } else {
                    List<?> items = Iter.items(c, args[0]);
                    if (items == own) {
                        items = new ArrayList<>(own);
                    }
                    Ctx.checkSize((long) own.size() + items.size(), "list");
                    c.charge(items.size());
                    c.allocate(items.size());
                    own.addAll(items);
                }
                return null;
            }
            case COUNT: {
                c.charge(list.size());
                long n = 0;
                for (Object o : list) {
                    if (Equality.equal(c, o, args[0])) {
                        n++;
                    }
                }
                return n;
            }
            case INDEX: {
                c.charge(list.size());
                for (int i = 0; i < list.size(); i++) {
                    if (Equality.equal(c, list.get(i), args[0])) {
                        return (long) i;
                    }
                }
                throw PyException.value(Repr.brief(args[0]) + " is not in " + Values.typeName(list));
            }
            default:
                throw noSuch(list, m);
        }
    }

    private static String string(Object o, String what) {
        if (o instanceof String s) {
            return s;
        }
        throw PyException.type(what + " must be str, not " + Values.typeName(o));
    }

    private static String strip(String s, Object chars) {
        if (chars != null && !(chars instanceof String)) {
            throw PyException.type("strip arg must be None or str");
        }
        java.util.BitSet set = null;
        if (chars != null) {
            set = new java.util.BitSet();
            String text = (String) chars;
            for (int i = 0; i < text.length(); i++) {
                set.set(text.charAt(i));
            }
        }
        int a = 0;
        int b = s.length();
        while (a < b && stripped(s.charAt(a), set)) {
            a++;
        }
        while (b > a && stripped(s.charAt(b - 1), set)) {
            b--;
        }
        return s.substring(a, b);
    }

    private static boolean stripped(char ch, java.util.BitSet set) {
        return set == null ? Text.isSpace(ch) : set.get(ch);
    }

    private static Object split(Ctx c, String s, Object sepV, Object maxV) {
        if (sepV != null && !(sepV instanceof String)) {
            throw PyException.type("must be str or None, not " + Values.typeName(sepV));
        }
        if (!Num.isSmallInt(maxV)) {
            throw PyException.type("'" + Values.typeName(maxV) + "' object cannot be interpreted as an integer");
        }
        long max = Num.asLong(maxV);
        if (max < 0) {
            max = Long.MAX_VALUE;
        }
        c.chargeScan(s.length());
        c.allocate(s.length());
        PyList out = c.newList();
        int n = s.length();
        if (sepV == null) {
            int i = 0;
            while (true) {
                while (i < n && Text.isSpace(s.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                if (out.size() >= max) {
                    out.add(s.substring(i));
                    break;
                }
                int j = i;
                while (j < n && !Text.isSpace(s.charAt(j))) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            }
            c.charge(out.size());
            return out;
        }
        String sep = (String) sepV;
        if (sep.isEmpty()) {
            throw PyException.value("empty separator");
        }
        Finder finder = new Finder(sep);
        int i = 0;
        while (out.size() < max) {
            int j = finder.next(s, i);
            if (j < 0) {
                break;
            }
            out.add(s.substring(i, j));
            i = j + sep.length();
        }
        out.add(s.substring(i));
        c.charge(out.size());
        return out;
    }

    private static Object affix(Ctx c, String s, Object arg, Method m) {
        boolean start = m == Method.STARTSWITH;
        if (arg instanceof String p) {
            c.chargeText(p.length());
            return start ? s.startsWith(p) : s.endsWith(p);
        }
        if (arg instanceof PyTuple t) {
            for (Object o : t) {
                if (!(o instanceof String p)) {
                    throw PyException.type("tuple for " + m.pyName + " must only contain str, not "
                            + Values.typeName(o));
                }
                c.step();
                c.chargeText(p.length());
                if (start ? s.startsWith(p) : s.endsWith(p)) {
                    return true;
                }
            }
            return false;
        }
        throw PyException.type(m.pyName + " first arg must be str or a tuple of str, not " + Values.typeName(arg));
    }

    private static Object replace(Ctx c, String s, String old, String rep, Object countV) {
        if (!Num.isSmallInt(countV)) {
            throw PyException.type("'" + Values.typeName(countV) + "' object cannot be interpreted as an integer");
        }
        long limit = Num.asLong(countV);
        if (limit < 0) {
            limit = Long.MAX_VALUE;
        }
        c.chargeScan((long) s.length() + old.length());
        long found = Math.min(Text.count(s, old), limit);
        long size = s.length() + found * ((long) rep.length() - old.length());
        Ctx.checkSize(size, "string from replace()");
        c.chargeText(Math.max(size, s.length()));
        if (found == 0) {
            return s;
        }
        c.allocate(size);
        Finder finder = new Finder(old);
        StringBuilder b = new StringBuilder((int) size);
        int i = 0;
        for (long k = 0; k < found; k++) {
            if (old.isEmpty()) {
                b.append(rep);
                if (i < s.length()) {
                    int cp = s.codePointAt(i);
                    b.appendCodePoint(cp);
                    i += Character.charCount(cp);
                }
                continue;
            }
            int j = finder.next(s, i);
            b.append(s, i, j).append(rep);
            i = j + old.length();
        }
        b.append(s, Math.min(i, s.length()), s.length());
        return b.toString();
    }

    private static Object join(Ctx c, String sep, Object itemsV) {
        List<?> items = Iter.items(c, itemsV);
        long size = 0;
        for (int i = 0; i < items.size(); i++) {
            Object o = items.get(i);
            if (!(o instanceof String s)) {
                throw PyException.type("sequence item " + i + ": expected str instance, "
                        + Values.typeName(o) + " found");
            }
            size += s.length() + (i > 0 ? sep.length() : 0);
            Ctx.checkSize(size, "string from join()");
        }
        c.charge(items.size());
        c.chargeText(size);
        c.allocate(size);
        StringBuilder b = new StringBuilder((int) size);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                b.append(sep);
            }
            b.append((String) items.get(i));
        }
        return b.toString();
    }
}
