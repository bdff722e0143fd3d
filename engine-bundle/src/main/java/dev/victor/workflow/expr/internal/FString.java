package dev.victor.workflow.expr.internal;

/**
 * An f-string: literal text and replacement fields, each an expression with an optional
 * conversion ({@code !r}, {@code !s}) and format spec ({@code :.2f}, see {@link Format}).
 */
public record FString(Node[] parts, boolean[] fields, char[] conversions, String[] specs, int line, int col)
        implements Node {
    @Override
    public Object eval(Ctx c) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            Object v = parts[i].eval(c);
            if (!fields[i]) {
                b.append((String) v);
                continue;
            }
            try {
                c.step();
                if (conversions[i] == 'r' || conversions[i] == 'a') {
                    v = Repr.repr(v);
                } else if (conversions[i] == 's') {
                    v = Repr.str(c, v);
                }
                b.append(Format.format(c, v, specs[i]));
                Ctx.checkSize(b.length(), "string built by an f-string");
            } catch (PyException e) {
                throw e.at(line, col);
            }
        }
        c.chargeText(b.length());
        c.allocate(b.length());
        return b.toString();
    }
}
