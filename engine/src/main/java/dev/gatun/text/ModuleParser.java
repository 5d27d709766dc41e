package dev.gatun.text;

import dev.gatun.model.Instruction;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A module in the text format to its binary encoding, in three passes over its fields: (A) give every
 * definition its index and bind its id, so that any field may refer to any other; (B) encode the type
 * definitions, so that type uses know parameter counts and signatures; (C) encode all other fields in
 * order into their sections. Function types that inline type uses need and no definition provides are
 * appended to the type section, as the spec's abbreviation rules say.
 */
public final class ModuleParser {
    /** A parsed module: its binary, its optional {@code $id}, and the post-2.0 features its text uses. */
    public record Result(byte[] binary, String id, Set<String> features) {}

    private final IdentifierContext ctx = new IdentifierContext();
    private final ByteWriter types = new ByteWriter(), imports = new ByteWriter(), funcs = new ByteWriter(), tables = new ByteWriter(), mems = new ByteWriter(),
            tags = new ByteWriter(), globals = new ByteWriter(), exports = new ByteWriter(), elems = new ByteWriter(), code = new ByteWriter(), datas = new ByteWriter();
    private int nTypeEntries, nImports, nFuncs, nTables, nMems, nTags, nGlobals, nExports, nElems, nCode, nDatas;
    private int start = -1;
    private final List<SExpr> customs = new ArrayList<>();

    private ModuleParser() {}

    /** Parses a {@code (module ...)} list, or (with {@code start > 0} skipped) bare module fields. */
    public static Result module(SExpr module) {
        if (module.annotationFailure != null) throw module.annotationFailure;
        ListCursor c = new ListCursor(module, 1);
        c.keyword("definition"); // (module definition $id? ...) in scripts: the module itself is the same
        SExpr id = c.optId();
        if (c.peekKeyword("binary")) {
            c.next();
            ByteWriter b = new ByteWriter();
            while (!c.atEnd()) b.bytes(c.expectString().bytes);
            return new Result(b.toArray(), id == null ? null : id.text, Set.of());
        }
        if (c.peekKeyword("quote")) {
            c.next();
            java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
            while (!c.atEnd()) {
                text.writeBytes(c.expectString().bytes);
                text.write(' ');
            }
            Result r = text(text.toByteArray());
            return new Result(r.binary(), id == null ? null : id.text, r.features());
        }
        ModuleParser p = new ModuleParser();
        byte[] bin = p.fields(module.kids.subList(c.i, module.kids.size()), module);
        return new Result(bin, id == null ? null : id.text, Set.copyOf(p.ctx.features));
    }

    /** A whole .wat text: one {@code (module ...)}, or the fields of one written without it. */
    public static Result text(byte[] utf8) {
        List<SExpr> forms = Lexer.parse(utf8);
        if (forms.size() == 1 && forms.getFirst().isList("module")) return module(forms.getFirst());
        for (SExpr f : forms) {
            if (f.isList("module")) throw TextError.at(f, "unexpected token (module ...): only one module allowed");
            if (!f.isList()) throw TextError.at(f, "unexpected token " + f);
        }
        ModuleParser p = new ModuleParser();
        SExpr whole = new SExpr(SExpr.Kind.LIST, null, null, null, forms, 1, 1, false);
        return new Result(p.fields(forms, whole), null, Set.copyOf(p.ctx.features));
    }

    private byte[] fields(List<SExpr> fields, SExpr where) {
        for (SExpr f : fields) {
            if (!f.annotation && (!f.isList() || f.head() == null)) {
                if (f.kind == SExpr.Kind.RESERVED) throw TextError.at(f, f.problem);
                throw TextError.at(f, "unexpected token " + f);
            }
        }
        passA(fields);
        if (ctx.count[IdentifierContext.MEM] > 1) ctx.features.add("multi-memory");
        passB(fields);
        for (SExpr f : fields) passC(f);
        return assemble();
    }

    // ---------------------------------------------------------------- pass A: indices and ids

    private String firstDefinition;

    private void passA(List<SExpr> fields) {
        for (SExpr f : fields) {
            if (f.annotation) {
                customs.add(f);
                continue;
            }
            ListCursor c = new ListCursor(f, 1);
            switch (f.head()) {
                case "type" -> ctx.define(IdentifierContext.TYPE, c.optId());
                case "rec" -> {
                    while (!c.atEnd()) ctx.define(IdentifierContext.TYPE, new ListCursor(c.expectList("type"), 1).optId());
                }
                case "import" -> {
                    c.expectString();
                    c.expectString();
                    SExpr desc = c.next();
                    int space = spaceOf(desc);
                    importAfterDefinition(f);
                    ListCursor dc = new ListCursor(desc, 1);
                    SExpr id = dc.optId();
                    ctx.define(space, id);
                    if (space == IdentifierContext.MEM) ctx.mem64.add(dc.peekKeyword("i64"));
                    if (space == IdentifierContext.TABLE) ctx.table64.add(dc.peekKeyword("i64"));
                    if ((space == IdentifierContext.MEM || space == IdentifierContext.TABLE) && dc.peekKeyword("i64")) ctx.features.add("memory64");
                }
                case "func", "table", "memory", "global", "tag" -> {
                    int space = spaceOf(f);
                    SExpr id = c.optId();
                    ctx.define(space, id);
                    while (c.peekList("export")) c.next();
                    boolean imported = c.peekList("import");
                    if (imported) importAfterDefinition(f);
                    else if (firstDefinition == null) firstDefinition = f.head();
                    boolean is64 = c.peek(imported ? 1 : 0) != null && c.peek(imported ? 1 : 0).isKeyword("i64");
                    if (is64) ctx.features.add("memory64");
                    if (space == IdentifierContext.MEM) {
                        ctx.mem64.add(is64);
                        if (!imported && hasList(c, "data")) ctx.define(IdentifierContext.DATA, null);
                    }
                    if (space == IdentifierContext.TABLE) {
                        ctx.table64.add(is64);
                        if (!imported && hasList(c, "elem")) ctx.define(IdentifierContext.ELEM, null);
                    }
                }
                case "elem" -> ctx.define(IdentifierContext.ELEM, c.optId());
                case "data" -> ctx.define(IdentifierContext.DATA, c.optId());
                case "export", "start" -> { }
                default -> throw TextError.at(f, "unknown module field " + f.head());
            }
        }
    }

    private static boolean hasList(ListCursor c, String head) {
        for (int k = 0; c.peek(k) != null; k++) if (c.peek(k).isList(head)) return true;
        return false;
    }

    private void importAfterDefinition(SExpr f) {
        if (firstDefinition != null) throw TextError.at(f, "import after " + (firstDefinition.equals("func") ? "function" : firstDefinition));
    }

    private static int spaceOf(SExpr desc) {
        String h = desc.head();
        if (h == null) throw TextError.at(desc, "unexpected token " + desc);
        return switch (h) {
            case "func" -> IdentifierContext.FUNC;
            case "table" -> IdentifierContext.TABLE;
            case "memory" -> IdentifierContext.MEM;
            case "global" -> IdentifierContext.GLOBAL;
            case "tag" -> IdentifierContext.TAG;
            default -> throw TextError.at(desc, "unexpected token (" + h + " ...)");
        };
    }

    // ---------------------------------------------------------------- pass B: types

    private void passB(List<SExpr> fields) {
        for (SExpr f : fields) {
            if (f.isList("type")) {
                subType(f, types, true);
                nTypeEntries++;
            } else if (f.isList("rec")) {
                ctx.features.add("gc");
                ListCursor c = new ListCursor(f, 1);
                int n = f.size() - 1;
                types.u8(0x4E).u32(n);
                while (!c.atEnd()) subType(c.next(), types, n == 1);
                nTypeEntries++;
            }
        }
    }

    private void subType(SExpr typeField, ByteWriter out, boolean alone) {
        if (!typeField.isList("type")) throw TextError.at(typeField, "unexpected token " + typeField + ", expected (type ...)");
        ListCursor c = new ListCursor(typeField, 1);
        c.optId();
        IdentifierContext.TypeInfo t = new IdentifierContext.TypeInfo();
        boolean plain = alone;
        ListCursor dc = c;
        if (c.peekList("sub")) {
            ctx.features.add("gc");
            SExpr def = c.next();
            c.expectEnd();
            ListCursor sc = new ListCursor(def, 1);
            boolean fin = sc.keyword("final");
            List<Integer> supers = new ArrayList<>();
            while (sc.peekIndex()) supers.add(ctx.index(sc.next(), IdentifierContext.TYPE));
            if (!fin || !supers.isEmpty()) {
                plain = false;
                out.u8(fin ? 0x4F : 0x50).u32(supers.size());
                for (int s : supers) out.u32(s);
            }
            dc = sc;
        }
        // Custom descriptors: (describes x)? (descriptor y)? before the composite type.
        for (String clause : new String[] {"describes", "descriptor"}) {
            if (dc.peekList(clause)) {
                ctx.features.add("custom-descriptors");
                plain = false;
                ListCursor k = new ListCursor(dc.next(), 1);
                out.u8(clause.equals("describes") ? 0x4C : 0x4D).u32(ctx.index(k.next(), IdentifierContext.TYPE));
                k.expectEnd();
            }
        }
        SExpr comp = dc.next();
        dc.expectEnd();
        t.plain = plain;
        ListCursor cc = new ListCursor(comp, 1);
        String h = comp.head();
        if ("func".equals(h)) {
            t.kind = 'f';
            cc.optId();
            TypeUses.Inline in = TypeUses.inline(ctx, cc, true);
            cc.expectEnd();
            t.params = in.params.toArray();
            t.results = in.results.toArray();
            t.paramCount = in.nParams;
            out.u8(0x60).u32(in.nParams).bytes(t.params).u32(in.nResults).bytes(t.results);
        } else if ("struct".equals(h)) {
            ctx.features.add("gc");
            t.kind = 's';
            Map<String, Integer> names = new HashMap<>();
            ByteWriter fs = new ByteWriter();
            int n = 0;
            while (!cc.atEnd()) {
                SExpr fld = cc.expectList("field");
                ListCursor fc = new ListCursor(fld, 1);
                SExpr id = fc.optId();
                if (id != null) {
                    if (names.putIfAbsent(id.text, n) != null) throw TextError.at(id, "duplicate field $" + id.text);
                    ctx.fieldType(fc.next(), fs);
                    fc.expectEnd();
                    n++;
                } else {
                    while (!fc.atEnd()) {
                        ctx.fieldType(fc.next(), fs);
                        n++;
                    }
                }
            }
            t.fieldNames = names;
            out.u8(0x5F).u32(n).bytes(fs);
        } else if ("array".equals(h)) {
            ctx.features.add("gc");
            t.kind = 'a';
            SExpr ft = cc.next();
            if (ft.isList("field")) {
                ListCursor fc = new ListCursor(ft, 1);
                fc.optId();
                ft = fc.next();
                fc.expectEnd();
            }
            cc.expectEnd();
            out.u8(0x5E);
            ctx.fieldType(ft, out);
        } else {
            throw TextError.at(comp, "unexpected token " + comp + ", expected a type definition");
        }
        int idx = ctx.types.size();
        ctx.types.add(t);
        ctx.registerPlain(idx, t);
    }

    // ---------------------------------------------------------------- pass C: everything else

    private void passC(SExpr f) {
        if (f.annotation) return;
        ListCursor c = new ListCursor(f, 1);
        switch (f.head()) {
            case "type", "rec" -> { }
            case "import" -> {
                String module = c.expectString().utf8(), name = c.expectString().utf8();
                SExpr desc = c.next();
                c.expectEnd();
                ListCursor dc = new ListCursor(desc, 1);
                dc.optId();
                importDesc(desc.head(), module, name, dc);
                dc.expectEnd();
            }
            case "func" -> func(f, c);
            case "table" -> table(c);
            case "memory" -> memory(c);
            case "global" -> global(c);
            case "tag" -> tag(c);
            case "export" -> {
                String name = c.expectString().utf8();
                SExpr desc = c.next();
                c.expectEnd();
                int space = spaceOf(desc);
                ListCursor dc = new ListCursor(desc, 1);
                int idx = ctx.index(dc.next(), space);
                dc.expectEnd();
                export(name, space, idx);
            }
            case "start" -> {
                if (start >= 0) throw TextError.at(f, "multiple start sections");
                start = ctx.index(c.next(), IdentifierContext.FUNC);
                c.expectEnd();
            }
            case "elem" -> elem(c);
            case "data" -> data(c);
            default -> throw TextError.at(f, "unknown module field " + f.head());
        }
    }

    private int defined(int space) {
        return switch (space) {
            case IdentifierContext.FUNC -> nFuncsAll++;
            case IdentifierContext.TABLE -> nTablesAll++;
            case IdentifierContext.MEM -> nMemsAll++;
            case IdentifierContext.GLOBAL -> nGlobalsAll++;
            case IdentifierContext.TAG -> nTagsAll++;
            default -> throw new IllegalStateException();
        };
    }

    private int nFuncsAll, nTablesAll, nMemsAll, nGlobalsAll, nTagsAll;

    private void importDesc(String kind, String module, String name, ListCursor dc) {
        imports.name(module).name(name);
        nImports++;
        switch (kind) {
            case "func" -> {
                defined(IdentifierContext.FUNC);
                if (dc.peekList("exact")) {
                    // Custom descriptors: an import of exactly this function type.
                    ctx.features.add("custom-descriptors");
                    ListCursor ec = new ListCursor(dc.next(), 1);
                    imports.u8(0x20).u32(TypeUses.use(ctx, ec, true).index());
                    ec.expectEnd();
                } else imports.u8(0x00).u32(TypeUses.use(ctx, dc, true).index());
            }
            case "table" -> {
                int idx = defined(IdentifierContext.TABLE);
                imports.u8(0x01);
                tableType(dc, imports, ctx.table64.get(idx));
            }
            case "memory" -> {
                int idx = defined(IdentifierContext.MEM);
                imports.u8(0x02);
                memType(dc, imports, ctx.mem64.get(idx));
            }
            case "global" -> {
                defined(IdentifierContext.GLOBAL);
                ctx.importedGlobals++;
                imports.u8(0x03);
                ctx.globalType(dc.next(), imports);
            }
            case "tag" -> {
                defined(IdentifierContext.TAG);
                ctx.features.add("exceptions");
                imports.u8(0x04).u8(0x00).u32(TypeUses.use(ctx, dc, false).index());
            }
            default -> throw new IllegalStateException(kind);
        }
    }

    /** Inline {@code (export "n")*} then an optional inline {@code (import "m" "n")}; returns the import list or null. */
    private SExpr exportsAndImport(ListCursor c, int space, int idx) {
        while (c.peekList("export")) {
            ListCursor ec = new ListCursor(c.next(), 1);
            String name = ec.expectString().utf8();
            ec.expectEnd();
            export(name, space, idx);
        }
        return c.peekList("import") ? c.next() : null;
    }

    private void export(String name, int space, int idx) {
        int kind = switch (space) {
            case IdentifierContext.FUNC -> 0;
            case IdentifierContext.TABLE -> 1;
            case IdentifierContext.MEM -> 2;
            case IdentifierContext.GLOBAL -> 3;
            default -> 4;
        };
        exports.name(name).u8(kind).u32(idx);
        nExports++;
    }

    private void inlineImport(SExpr imp, String kind, ListCursor rest) {
        ListCursor ic = new ListCursor(imp, 1);
        String module = ic.expectString().utf8(), name = ic.expectString().utf8();
        ic.expectEnd();
        importDesc(kind, module, name, rest);
        rest.expectEnd();
    }

    private void func(SExpr f, ListCursor c) {
        c.optId();
        int idx = nFuncsAll;
        SExpr imp = exportsAndImport(c, IdentifierContext.FUNC, idx);
        if (imp != null) {
            inlineImport(imp, "func", c);
            return;
        }
        defined(IdentifierContext.FUNC);
        TypeUses.Use use = TypeUses.use(ctx, c, true);
        funcs.u32(use.index());
        nFuncs++;
        Map<String, Integer> locals = new HashMap<>();
        if (use.paramIds() != null) {
            for (int k = 0; k < use.paramIds().size(); k++) bindLocal(locals, use.paramIds().get(k), k);
        }
        int n = use.paramCount();
        ByteWriter decl = new ByteWriter(16);
        int groups = 0, run = 0;
        byte[] prev = null;
        ByteWriter runs = new ByteWriter(16);
        while (c.peekList("local")) {
            ListCursor lc = new ListCursor(c.next(), 1);
            SExpr id = lc.optId();
            List<SExpr> ts = new ArrayList<>();
            if (id != null) {
                ts.add(lc.next());
                lc.expectEnd();
                bindLocal(locals, id, n);
            } else while (!lc.atEnd()) ts.add(lc.next());
            for (SExpr t : ts) {
                ByteWriter tb = new ByteWriter(4);
                ctx.valType(t, tb);
                byte[] tbytes = tb.toArray();
                if (prev != null && java.util.Arrays.equals(prev, tbytes)) run++;
                else {
                    if (prev != null) {
                        runs.u32(run).bytes(prev);
                        groups++;
                    }
                    prev = tbytes;
                    run = 1;
                }
                n++;
            }
        }
        if (prev != null) {
            runs.u32(run).bytes(prev);
            groups++;
        }
        decl.u32(groups).bytes(runs);
        new InstructionEncoder(ctx, locals).body(c, decl);
        code.sized(decl);
        nCode++;
    }

    private static void bindLocal(Map<String, Integer> locals, SExpr id, int idx) {
        if (id == null) return;
        if (locals.putIfAbsent(id.text, idx) != null) throw TextError.at(id, "duplicate local $" + id.text);
    }

    private void limits(ListCursor c, ByteWriter out, boolean is64, int extraFlags, ByteWriter tail) {
        if (is64) {
            c.keyword("i64");
            ctx.features.add("memory64");
        } else c.keyword("i32");
        long max64 = -1L; // whether a limit fits the address type is for validation to say (Wasm 3.0)
        long min = Numbers.nat(c.next(), max64);
        boolean hasMax = c.peek() != null && c.peek().kind == SExpr.Kind.NUM;
        long max = hasMax ? Numbers.nat(c.next(), max64) : 0;
        int flags = (hasMax ? 1 : 0) | (is64 ? 4 : 0) | extraFlags;
        out.u8(flags);
        out.u64(min);
        if (hasMax) out.u64(max);
        if (tail != null) out.bytes(tail);
    }

    private void tableType(ListCursor c, ByteWriter out, boolean is64) {
        ByteWriter lim = new ByteWriter(8);
        limits(c, lim, is64, 0, null);
        ctx.refType(c.next(), out);
        out.bytes(lim);
    }

    private void memType(ListCursor c, ByteWriter out, boolean is64) {
        if (is64) c.keyword("i64");
        else c.keyword("i32");
        SExpr minS = c.next();
        long max64 = -1L; // as for tables: validation checks the range
        long min = Numbers.nat(minS, max64);
        boolean hasMax = c.peek() != null && c.peek().kind == SExpr.Kind.NUM;
        long max = hasMax ? Numbers.nat(c.next(), max64) : 0;
        boolean shared = c.keyword("shared");
        if (shared) ctx.features.add("threads");
        int pageLog = -1;
        if (c.peekList("pagesize")) {
            ListCursor pc = new ListCursor(c.next(), 1);
            long ps = Numbers.nat(pc.next(), 0xFFFF_FFFFL);
            pc.expectEnd();
            if (ps == 0 || (ps & (ps - 1)) != 0) throw TextError.at(minS, "invalid custom page size");
            pageLog = Long.numberOfTrailingZeros(ps);
            ctx.features.add("custom-page-sizes");
        }
        if (is64) ctx.features.add("memory64");
        out.u8((hasMax ? 1 : 0) | (shared ? 2 : 0) | (is64 ? 4 : 0) | (pageLog >= 0 ? 8 : 0)).u64(min);
        if (hasMax) out.u64(max);
        if (pageLog >= 0) out.u32(pageLog);
    }

    private void table(ListCursor c) {
        c.optId();
        int idx = nTablesAll;
        boolean is64 = ctx.table64.get(idx);
        SExpr imp = exportsAndImport(c, IdentifierContext.TABLE, idx);
        if (imp != null) {
            inlineImport(imp, "table", c);
            return;
        }
        defined(IdentifierContext.TABLE);
        nTables++;
        SExpr after = c.peek(is64 || c.peekKeyword("i32") ? 1 : 0);
        if (after != null && (after.kind == SExpr.Kind.KEYWORD || after.isList("ref")) && !after.isKeyword("i64")) {
            // (table addrtype? reftype (elem ...)): sized to its elements.
            if (is64) c.keyword("i64");
            else c.keyword("i32");
            ByteWriter rt = new ByteWriter(4);
            ctx.refType(c.next(), rt);
            SExpr el = c.expectList("elem");
            c.expectEnd();
            ListCursor ec = new ListCursor(el, 1);
            ByteWriter items = new ByteWriter();
            int n;
            boolean exprs = !ec.atEnd() && ec.peek().isList();
            if (exprs) n = elemExprs(ec, items);
            else if (rt.size() != 1 || rt.toArray()[0] != 0x70) {
                // Function indices into a table of another reference type ((ref null $t)): as ref.func
                // expressions of that type, since the index form's type is (ref func).
                n = 0;
                while (!ec.atEnd()) {
                    items.u8(Instruction.REF_FUNC.code).u32(ctx.index(ec.next(), IdentifierContext.FUNC)).u8(Instruction.END.code);
                    n++;
                }
                exprs = true;
            } else n = funcIndices(ec, items);
            tables.bytes(rt).u8(is64 ? 5 : 1).u64(n).u64(n);
            ByteWriter offset = new ByteWriter(4).u8((is64 ? Instruction.I64_CONST : Instruction.I32_CONST).code).u8(0).u8(Instruction.END.code);
            if (exprs) {
                boolean funcref = rt.size() == 1 && rt.toArray()[0] == 0x70;
                if (idx == 0 && funcref) elems.u8(4).bytes(offset);
                else elems.u8(6).u32(idx).bytes(offset).bytes(rt);
            } else {
                if (idx == 0) elems.u8(0).bytes(offset);
                else elems.u8(2).u32(idx).bytes(offset).u8(0);
            }
            elems.u32(n).bytes(items);
            nElems++;
            return;
        }
        ByteWriter tt = new ByteWriter(8);
        tableType(c, tt, is64);
        if (!c.atEnd()) {
            ctx.features.add("function-references");
            tables.u8(0x40).u8(0x00).bytes(tt);
            new InstructionEncoder(ctx, null).body(c, tables);
        } else tables.bytes(tt);
    }

    private void memory(ListCursor c) {
        c.optId();
        int idx = nMemsAll;
        boolean is64 = ctx.mem64.get(idx);
        SExpr imp = exportsAndImport(c, IdentifierContext.MEM, idx);
        if (imp != null) {
            inlineImport(imp, "memory", c);
            return;
        }
        defined(IdentifierContext.MEM);
        nMems++;
        if (nMemsAll > 1) ctx.features.add("multi-memory");
        int skip = is64 || c.peekKeyword("i32") ? 1 : 0;
        SExpr after = c.peek(skip);
        if (after != null && after.isList("pagesize") && c.peek(skip + 1) != null && c.peek(skip + 1).isList("data")) after = c.peek(skip + 1);
        if (after != null && after.isList("data")) {
            if (is64) c.keyword("i64");
            else c.keyword("i32");
            int pageLog = 16;
            boolean custom = false;
            if (c.peekList("pagesize")) {
                ListCursor pc = new ListCursor(c.next(), 1);
                SExpr ps = pc.next();
                long size = Numbers.nat(ps, 0xFFFF_FFFFL);
                pc.expectEnd();
                if (size == 0 || (size & (size - 1)) != 0) throw TextError.at(ps, "invalid custom page size");
                pageLog = Long.numberOfTrailingZeros(size);
                custom = true;
                ctx.features.add("custom-page-sizes");
            }
            ListCursor dc = new ListCursor(c.next(), 1);
            c.expectEnd();
            ByteWriter bytes = new ByteWriter();
            while (!dc.atEnd()) bytes.bytes(dc.expectString().bytes);
            long page = 1L << pageLog;
            long pages = (bytes.size() + page - 1) / page;
            mems.u8((is64 ? 5 : 1) | (custom ? 8 : 0)).u64(pages).u64(pages);
            if (custom) mems.u32(pageLog);
            ByteWriter offset = new ByteWriter(4).u8((is64 ? Instruction.I64_CONST : Instruction.I32_CONST).code).u8(0).u8(Instruction.END.code);
            if (idx == 0) datas.u8(0).bytes(offset);
            else datas.u8(2).u32(idx).bytes(offset);
            datas.sized(bytes);
            nDatas++;
            return;
        }
        memType(c, mems, is64);
        c.expectEnd();
    }

    private void global(ListCursor c) {
        c.optId();
        int idx = nGlobalsAll;
        SExpr imp = exportsAndImport(c, IdentifierContext.GLOBAL, idx);
        if (imp != null) {
            inlineImport(imp, "global", c);
            return;
        }
        defined(IdentifierContext.GLOBAL);
        nGlobals++;
        ctx.globalType(c.next(), globals);
        new InstructionEncoder(ctx, null).body(c, globals);
    }

    private void tag(ListCursor c) {
        c.optId();
        ctx.features.add("exceptions");
        int idx = nTagsAll;
        SExpr imp = exportsAndImport(c, IdentifierContext.TAG, idx);
        if (imp != null) {
            inlineImport(imp, "tag", c);
            return;
        }
        defined(IdentifierContext.TAG);
        nTags++;
        tags.u8(0x00).u32(TypeUses.use(ctx, c, false).index());
        c.expectEnd();
    }

    /** {@code idx*} as a vector body; returns the count. */
    private int funcIndices(ListCursor c, ByteWriter out) {
        int n = 0;
        while (!c.atEnd()) {
            out.u32(ctx.index(c.next(), IdentifierContext.FUNC));
            n++;
        }
        return n;
    }

    /** {@code ((item instr*) | (instr))*} as constant expressions; returns the count. */
    private int elemExprs(ListCursor c, ByteWriter out) {
        int n = 0;
        while (!c.atEnd()) {
            SExpr e = c.next();
            if (!e.isList()) throw TextError.at(e, "unexpected token " + e);
            if (e.isList("item")) new InstructionEncoder(ctx, null).body(new ListCursor(e, 1), out);
            else {
                SExpr wrap = new SExpr(SExpr.Kind.LIST, null, null, null, List.of(e), e.line, e.col, false);
                new InstructionEncoder(ctx, null).body(new ListCursor(wrap, 0), out);
            }
            n++;
        }
        return n;
    }

    /** An offset: {@code (offset instr*)} or one folded instruction. */
    private void offset(ListCursor c, ByteWriter out) {
        SExpr o = c.next();
        if (!o.isList()) throw TextError.at(o, "unexpected token " + o + ", expected an offset");
        if (o.isList("offset")) new InstructionEncoder(ctx, null).body(new ListCursor(o, 1), out);
        else {
            SExpr wrap = new SExpr(SExpr.Kind.LIST, null, null, null, List.of(o), o.line, o.col, false);
            new InstructionEncoder(ctx, null).body(new ListCursor(wrap, 0), out);
        }
    }

    private void elem(ListCursor c) {
        c.optId();
        nElems++;
        int mode; // 0 active, 1 passive, 2 declarative
        int table = 0;
        boolean explicitTable = false;
        ByteWriter off = new ByteWriter(8);
        if (c.keyword("declare")) mode = 2;
        else if (c.peekIndex() && c.peek(1) != null && c.peek(1).isList()) {
            // The 1.0 form (elem tableidx offset funcidx*).
            mode = 0;
            table = ctx.index(c.next(), IdentifierContext.TABLE);
            explicitTable = true;
            offset(c, off);
        } else if (c.peekList("table") || (c.peek() != null && c.peek().isList() && !c.peekList("ref"))) {
            mode = 0;
            if (c.peekList("table")) {
                ListCursor tc = new ListCursor(c.next(), 1);
                table = ctx.index(tc.next(), IdentifierContext.TABLE);
                tc.expectEnd();
                explicitTable = true;
            }
            offset(c, off);
        } else mode = 1;
        ByteWriter items = new ByteWriter();
        ByteWriter rt = null;
        int n;
        if (c.keyword("func")) n = funcIndices(c, items);
        else if (c.peek() != null && (c.peek().isList("ref") || (c.peek().kind == SExpr.Kind.KEYWORD))) {
            rt = new ByteWriter(4);
            ctx.refType(c.next(), rt);
            n = elemExprs(c, items);
        } else if (mode == 0 || c.atEnd()) {
            n = funcIndices(c, items); // legacy abbreviation: bare function indices
        } else throw TextError.at(c.peek(), "unexpected token " + c.peek());
        boolean funcref = rt != null && rt.size() == 1 && rt.toArray()[0] == 0x70;
        if (rt == null) {
            switch (mode) {
                case 0 -> {
                    if (table == 0 && !explicitTable) elems.u8(0).bytes(off);
                    else elems.u8(2).u32(table).bytes(off).u8(0);
                }
                case 1 -> elems.u8(1).u8(0);
                default -> elems.u8(3).u8(0);
            }
        } else {
            switch (mode) {
                case 0 -> {
                    if (table == 0 && !explicitTable && funcref) elems.u8(4).bytes(off);
                    else elems.u8(6).u32(table).bytes(off).bytes(rt);
                }
                case 1 -> elems.u8(5).bytes(rt);
                default -> elems.u8(7).bytes(rt);
            }
        }
        elems.u32(n).bytes(items);
    }

    private void data(ListCursor c) {
        c.optId();
        nDatas++;
        ByteWriter bytes = new ByteWriter();
        if (c.peek() != null && (c.peek().isList() || (c.peekIndex() && c.peek(1) != null && c.peek(1).isList()))) {
            int mem = 0;
            boolean explicit = false;
            if (c.peekIndex()) {
                // The 1.0 form (data memidx offset string*).
                mem = ctx.index(c.next(), IdentifierContext.MEM);
                explicit = true;
            } else if (c.peekList("memory")) {
                ListCursor mc = new ListCursor(c.next(), 1);
                mem = ctx.index(mc.next(), IdentifierContext.MEM);
                mc.expectEnd();
                explicit = true;
            }
            if (mem == 0 && !explicit) datas.u8(0);
            else datas.u8(2).u32(mem);
            offset(c, datas);
        } else datas.u8(1);
        while (!c.atEnd()) bytes.bytes(c.expectString().bytes);
        datas.sized(bytes);
    }

    // ---------------------------------------------------------------- assembly

    private static final String[] SECTION_NAMES = {"custom", "type", "import", "func", "table", "memory", "global",
            "export", "start", "elem", "code", "data", "datacount", "tag"};
    /** Section ids in the order they are written. */
    private static final int[] ORDER = {1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11};

    private byte[] assemble() {
        ByteWriter out = new ByteWriter(256);
        out.le32(0x6D736100).le32(1);
        Map<String, List<SExpr>> placed = new HashMap<>();
        for (SExpr cs : customs) {
            String where = "after last";
            if (cs.size() > 1 && cs.kid(1).isList()) {
                SExpr p = cs.kid(1);
                if (p.size() != 2 || p.kid(0).kind != SExpr.Kind.KEYWORD || p.kid(1).kind != SExpr.Kind.KEYWORD)
                    throw TextError.at(p, "@custom annotation: malformed placement");
                where = p.kid(0).text + " " + p.kid(1).text;
            }
            placed.computeIfAbsent(where, k -> new ArrayList<>()).add(cs);
        }
        emitCustoms(out, placed.get("before first"));
        boolean hasData = ctx.usesDataIndex;
        for (int id : ORDER) {
            String name = SECTION_NAMES[id];
            emitCustoms(out, placed.get("before " + name));
            switch (id) {
                case 1 -> section(out, 1, nTypeEntries + ctx.implicitCount, types.size() + ctx.implicitTypes.size() > 0
                        ? new ByteWriter().bytes(types).bytes(ctx.implicitTypes) : null);
                case 2 -> section(out, 2, nImports, imports);
                case 3 -> section(out, 3, nFuncs, funcs);
                case 4 -> section(out, 4, nTables, tables);
                case 5 -> section(out, 5, nMems, mems);
                case 13 -> section(out, 13, nTags, tags);
                case 6 -> section(out, 6, nGlobals, globals);
                case 7 -> section(out, 7, nExports, exports);
                case 8 -> {
                    if (start >= 0) out.u8(8).sized(new ByteWriter().u32(start));
                }
                case 9 -> section(out, 9, nElems, elems);
                case 12 -> {
                    if (hasData) out.u8(12).sized(new ByteWriter().u32(nDatas));
                }
                case 10 -> section(out, 10, nCode, code);
                case 11 -> section(out, 11, nDatas, datas);
                default -> { }
            }
            emitCustoms(out, placed.get("after " + name));
        }
        emitCustoms(out, placed.get("after last"));
        for (Map.Entry<String, List<SExpr>> e : placed.entrySet()) {
            if (!known(e.getKey())) throw TextError.at(e.getValue().getFirst(), "malformed custom section placement");
        }
        return out.toArray();
    }

    private static boolean known(String where) {
        if (where.equals("before first") || where.equals("after last")) return true;
        String[] p = where.split(" ");
        if (p.length != 2 || !(p[0].equals("before") || p[0].equals("after"))) return false;
        for (int id : ORDER) if (SECTION_NAMES[id].equals(p[1])) return true;
        return false;
    }

    private void emitCustoms(ByteWriter out, List<SExpr> cs) {
        if (cs == null) return;
        for (SExpr a : cs) {
            ListCursor c = new ListCursor(a, 0);
            String name = c.expectString().utf8();
            if (c.peek() != null && c.peek().isList()) c.next();
            ByteWriter body = new ByteWriter();
            body.name(name);
            while (!c.atEnd()) body.bytes(c.expectString().bytes);
            out.u8(0).sized(body);
        }
    }

    private static void section(ByteWriter out, int id, int count, ByteWriter body) {
        if (count == 0) return;
        ByteWriter s = new ByteWriter(body.size() + 5);
        s.u32(count).bytes(body);
        out.u8(id).sized(s);
    }

    static String utf8(byte[] b) { return new String(b, StandardCharsets.UTF_8); }
}
