package dev.gatun.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Type uses: {@code (type x)? (param ...)* (result ...)*} as functions, imports, tags, calls and blocks
 * write them, with the spec's rules: inline params and results must agree with an explicit {@code (type x)},
 * and without one they name the first plain function type with that signature, inserted when there is none.
 */
final class TypeUses {
    private TypeUses() {}

    /** A resolved type use; {@code paramIds} lists each inline param's id (or null), or is null when there were none inline. */
    record Use(int index, List<SExpr> paramIds, int paramCount, byte[] params) {}

    /** Parsed inline params and results. */
    static final class Inline {
        final ByteWriter params = new ByteWriter(16), results = new ByteWriter(8);
        int nParams, nResults;
        final List<SExpr> ids = new ArrayList<>();
        boolean any;
        SExpr firstResultType;
    }

    /** Reads {@code (param ...)*} then {@code (result ...)*}; ids on params only if {@code names}. */
    static Inline inline(IdentifierContext ctx, ListCursor c, boolean names) {
        Inline in = new Inline();
        while (c.peekList("param")) {
            SExpr p = c.next();
            in.any = true;
            ListCursor pc = new ListCursor(p, 1);
            SExpr id = pc.optId();
            if (id != null) {
                if (!names) throw TextError.at(id, "unexpected token $" + id.text);
                ctx.valType(pc.next(), in.params);
                pc.expectEnd();
                in.ids.add(id);
                in.nParams++;
            } else {
                while (!pc.atEnd()) {
                    ctx.valType(pc.next(), in.params);
                    in.ids.add(null);
                    in.nParams++;
                }
            }
        }
        while (c.peekList("result")) {
            SExpr r = c.next();
            in.any = true;
            ListCursor rc = new ListCursor(r, 1);
            while (!rc.atEnd()) {
                SExpr t = rc.next();
                if (in.firstResultType == null) in.firstResultType = t;
                ctx.valType(t, in.results);
                in.nResults++;
            }
        }
        if (c.peekList("param")) throw TextError.at(c.peek(), "unexpected token (param ...) after (result ...)");
        return in;
    }

    /** A full type use at the cursor. */
    static Use use(IdentifierContext ctx, ListCursor c, boolean names) {
        SExpr typeRef = null;
        if (c.peekList("type")) {
            SExpr t = c.next();
            ListCursor tc = new ListCursor(t, 1);
            typeRef = tc.next();
            tc.expectEnd();
        }
        Inline in = inline(ctx, c, names);
        return resolve(ctx, typeRef, in);
    }

    static Use resolve(IdentifierContext ctx, SExpr typeRef, Inline in) {
        byte[] params = in.params.toArray();
        if (typeRef != null) {
            int idx = ctx.index(typeRef, IdentifierContext.TYPE);
            IdentifierContext.TypeInfo t = ctx.type(idx, typeRef);
            if (in.any) {
                if (t == null || t.kind != 'f' || !java.util.Arrays.equals(t.params, params)
                        || !java.util.Arrays.equals(t.results, in.results.toArray()))
                    throw TextError.at(typeRef, "inline function type");
                return new Use(idx, in.ids, in.nParams, params);
            }
            int n = t != null && t.kind == 'f' ? t.paramCount : 0;
            return new Use(idx, null, n, t != null && t.params != null ? t.params : new byte[0]);
        }
        int idx = ctx.funcType(params, in.nParams, in.results.toArray(), in.nResults);
        return new Use(idx, in.ids, in.nParams, params);
    }
}
