package dev.victor.workflow.expr.internal;

import java.util.List;
import java.util.regex.MatchResult;

/** A match of {@code re.match}/{@code search}/{@code fullmatch}: {@code group groups start end span}. */
public record PyMatch(String text, MatchResult result, List<String> names) {

    Object group(Object index) {
        int g;
        if (index instanceof String name) {
            g = names.indexOf(name);
            if (g < 0) {
                throw PyException.index("no such group");
            }
        } else {
            if (!(index instanceof Boolean) && !Num.isIntegral(index)) {
                throw PyException.index("no such group");
            }
            long l = index instanceof Boolean b ? (b ? 1 : 0) : Num.asLong(index);
            if (l < 0 || l > result.groupCount()) {
                throw PyException.index("no such group");
            }
            g = (int) l;
        }
        return result.group(g);
    }

    PyTuple groups() {
        Object[] out = new Object[result.groupCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = result.group(i + 1);
        }
        return PyTuple.wrap(out);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("<re.Match object; span=(").append(result.start()).append(", ")
                .append(result.end()).append("), match=");
        Repr.quote(b, result.group());
        return b.append('>').toString();
    }
}
