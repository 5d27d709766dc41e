package dev.gatun.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Type uses: {@code (type x)? (param ...)* (result ...)*} as functions, imports, tags, calls and blocks
 * write them, with the spec's rules: inline params and results must agree with an explicit {@code (type x)},
 * and without one they name the first plain function type with that signature, inserted when there is none.
 */
final class Sigs {
    private Sigs() {}

    /** A resolved type use; {@code paramIds} lists each inline param's id (or null), or is null when there were none inline. */
    record Use(int index, List<Sx> paramIds, int paramCount, byte[] params) {}

    /** Parsed inline params and results. */
    static final class Inline {
        final Buf params = new Buf(16), results = new Buf(8);
        int nParams, nResults;
        final List<Sx> ids = new ArrayList<>();
        boolean any;
        Sx firstResultType;
    }

    /** Reads {@code (param ...)*} then {@code (result ...)*}; ids on params only if {@code names}. */
    static Inline inline(Ctx ctx, Cur c, boolean names) {
        Inline in = new Inline();
        while (c.peekList("param")) {
            Sx p = c.next();
            in.any = true;
            Cur pc = new Cur(p, 1);
            Sx id = pc.optId();
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
            Sx r = c.next();
            in.any = true;
            Cur rc = new Cur(r, 1);
            while (!rc.atEnd()) {
                Sx t = rc.next();
                if (in.firstResultType == null) in.firstResultType = t;
                ctx.valType(t, in.results);
                in.nResults++;
            }
        }
        if (c.peekList("param")) throw TextError.at(c.peek(), "unexpected token (param ...) after (result ...)");
        return in;
    }

    /** A full type use at the cursor. */
    static Use use(Ctx ctx, Cur c, boolean names) {
        Sx typeRef = null;
        if (c.peekList("type")) {
            Sx t = c.next();
            Cur tc = new Cur(t, 1);
            typeRef = tc.next();
            tc.expectEnd();
        }
        Inline in = inline(ctx, c, names);
        return resolve(ctx, typeRef, in);
    }

    static Use resolve(Ctx ctx, Sx typeRef, Inline in) {
        byte[] params = in.params.toArray();
        if (typeRef != null) {
            int idx = ctx.index(typeRef, Ctx.TYPE);
            Ctx.TypeInfo t = ctx.type(idx, typeRef);
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
