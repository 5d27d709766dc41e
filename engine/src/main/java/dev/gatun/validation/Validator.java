package dev.gatun.validation;

import dev.gatun.model.CompileFailure;
import dev.gatun.model.ExternKind;
import dev.gatun.model.GlobalType;
import dev.gatun.model.ArrayType;
import dev.gatun.model.CompositeType;
import dev.gatun.model.ConstExpr;
import dev.gatun.model.DefinedType;
import dev.gatun.model.FieldType;
import dev.gatun.model.FunctionType;
import dev.gatun.model.HeapType;
import dev.gatun.model.Instruction;
import dev.gatun.model.StructType;
import dev.gatun.model.TypeCode;
import dev.gatun.model.ValueType;
import dev.gatun.model.WasmModule;
import dev.gatun.model.WasmModule.DataSegment;
import dev.gatun.model.WasmModule.ElementSegment;
import dev.gatun.model.WasmModule.Export;
import dev.gatun.model.WasmModule.SegmentMode;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a decoded module as the spec's validation rules and its appendix algorithm prescribe.
 * Errors are {@link CompileFailure}s of kind INVALID worded like the reference interpreter.
 */
public final class Validator {
    private Validator() {}

    /** Throws a CompileFailure (INVALID) when {@code m} is not valid. */
    public static void validate(WasmModule m) {
        new ModuleCheck(m).run();
    }

    static CompileFailure invalid(long offset, String reason) {
        return new CompileFailure(CompileFailure.Kind.INVALID, offset, reason);
    }

    /** Module-level rules; function bodies go to {@link FunctionValidator}. */
    private static final class ModuleCheck {
        private final WasmModule m;
        private final ValueTypes vt;
        private final BitSet declaredRefs = new BitSet();

        private final WasmModule.Offsets at;

        ModuleCheck(WasmModule m) {
            this.m = m;
            this.vt = new ValueTypes(m);
            this.at = m.offsets() != null ? m.offsets() : WasmModule.Offsets.NONE;
        }

        void run() {
            int ntypes = m.types().size();
            for (int i = 0; i < ntypes; i++) subtype(i);
            for (int i = 0; i < m.funcTypes().length; i++) {
                int t = m.funcTypes()[i];
                if (t < 0 || t >= ntypes || !m.types().get(t).isFunc()) throw invalid(at.func(i - m.importedFuncs()), "unknown type");
            }
            for (int t : m.tagTypes()) {
                if (t < 0 || t >= ntypes || !m.types().get(t).isFunc()) throw invalid(0, "unknown type");
                if (!m.functionType(t).results().isEmpty()) throw invalid(0, "non-empty tag result type");
            }

            // C.refs: functions referenced outside function bodies (globals, elements, exports).
            for (ConstExpr e : m.globalInits()) declare(e);
            for (ConstExpr e : m.tableInits()) if (e != null) declare(e);
            for (ElementSegment s : m.elements()) {
                for (ConstExpr e : s.init()) declare(e);
                if (s.offset() != null) declare(s.offset());
            }
            for (Export e : m.exports()) {
                if (e.kind() == ExternKind.FUNCTION && e.index() >= 0) declaredRefs.set(e.index());
            }

            List<GlobalType> globals = m.globals();
            for (int i = 0; i < m.globalInits().size(); i++) {
                // A global's initialiser sees the globals before it (the imported ones and earlier definitions).
                constExpr(m.globalInits().get(i), vt.encode(globals.get(m.importedGlobals() + i).type()), at.globalInit(i),
                        m.importedGlobals() + i);
            }
            // A table's elements start as its initialiser's value, or null: a non-nullable table needs one.
            // Tables come before globals in the instance, so an initialiser sees only the imported globals.
            for (int i = 0; i < m.tableInits().size(); i++) {
                int t = vt.encode(m.tables().get(m.importedTables() + i).element());
                ConstExpr init = m.tableInits().get(i);
                if (init != null) constExpr(init, t, 0, m.importedGlobals());
                else if (!ValueTypes.defaultable(t)) throw invalid(0, "type mismatch");
            }
            FunctionValidator fv = new FunctionValidator(m, vt, declaredRefs);
            for (int i = 0; i < m.codes().size(); i++) fv.validate(m.importedFuncs() + i, m.codes().get(i));

            for (int i = 0; i < m.elements().size(); i++) {
                ElementSegment s = m.elements().get(i);
                long o = at.element(i);
                if (s.mode() == SegmentMode.ACTIVE) {
                    if (s.tableidx() < 0 || s.tableidx() >= m.tables().size())
                        throw invalid(o, "unknown table " + Integer.toUnsignedString(s.tableidx()));
                    constExpr(s.offset(), m.tables().get(s.tableidx()).address64() ? ValueTypes.I64 : ValueTypes.I32, o, m.globals().size());
                    if (!ValueTypes.subtype(vt.encode(s.elemType()), vt.encode(m.tables().get(s.tableidx()).element())))
                        throw invalid(o, "type mismatch");
                }
                for (ConstExpr e : s.init()) constExpr(e, vt.encode(s.elemType()), o, m.globals().size());
            }
            for (int i = 0; i < m.datas().size(); i++) {
                DataSegment d = m.datas().get(i);
                long o = at.data(i);
                if (d.mode() == SegmentMode.ACTIVE) {
                    if (d.memidx() < 0 || d.memidx() >= m.memories().size())
                        throw invalid(o, "unknown memory " + Integer.toUnsignedString(d.memidx()));
                    constExpr(d.offset(), m.memories().get(d.memidx()).address64() ? ValueTypes.I64 : ValueTypes.I32, o, m.globals().size());
                }
            }
            if (m.start() != -1) {
                if (m.start() < 0 || m.start() >= m.functionCount())
                    throw invalid(at.start(), "unknown function " + Integer.toUnsignedString(m.start()));
                FunctionType ft = m.funcType(m.start());
                if (!ft.params().isEmpty() || !ft.results().isEmpty()) throw invalid(at.start(), "start function");
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < m.exports().size(); i++) {
                Export e = m.exports().get(i);
                long o = at.export(i);
                int n = switch (e.kind()) {
                    case FUNCTION -> m.functionCount();
                    case TABLE -> m.tables().size();
                    case MEMORY -> m.memories().size();
                    case GLOBAL -> m.globals().size();
                    case TAG -> m.tagTypes().length;
                };
                if (e.index() < 0 || e.index() >= n) throw invalid(o, "unknown " + e.kind() + " " + Integer.toUnsignedString(e.index()));
                if (!names.add(e.name())) throw invalid(o, "duplicate export name");
            }
        }

        /**
         * A type definition's declared supertype: at most one, defined before it, not final, of the same
         * kind with a matching definition (contravariant params, covariant results, a prefix of fields).
         */
        private void subtype(int i) {
            DefinedType t = m.types().get(i);
            List<HeapType> supers = t.key().supers();
            if (supers.isEmpty()) return;
            if (supers.size() > 1) throw invalid(0, "type " + i + ": multiple supertypes");
            DefinedType s = t.supertype();
            if (s == null) throw invalid(0, "unknown type: a supertype must be defined before its subtype");
            if (s.isFinal()) throw invalid(0, "sub type " + i + " of a final type");
            boolean ok = switch (t.composite()) {
                case FunctionType f -> s.composite() instanceof FunctionType g && matches(g.paramTypes(), f.paramTypes())
                        && matches(f.resultTypes(), g.resultTypes());
                case StructType f -> s.composite() instanceof StructType g && g.fields().size() <= f.fields().size()
                        && java.util.stream.IntStream.range(0, g.fields().size()).allMatch(k -> f.fields().get(k).matches(g.fields().get(k)));
                case ArrayType f -> s.composite() instanceof ArrayType g && f.element().matches(g.element());
            };
            if (!ok) throw invalid(0, "sub type " + i + " does not match its supertype");
        }

        private static boolean matches(List<ValueType> a, List<ValueType> b) {
            if (a.size() != b.size()) return false;
            for (int k = 0; k < a.size(); k++) if (!a.get(k).matches(b.get(k))) return false;
            return true;
        }

        private void declare(ConstExpr e) {
            if (e instanceof ConstExpr.RefFunc(int f) && f >= 0) declaredRefs.set(f);
            if (e instanceof ConstExpr.Gc g) for (ConstExpr o : g.operands()) declare(o);
            if (e instanceof ConstExpr.Arith a) {
                declare(a.lhs());
                declare(a.rhs());
            }
        }

        /** Checks that e is a constant expression of the expected type that reads only globals below visible. */
        private void constExpr(ConstExpr e, int expected, long o, int visible) {
            if (!ValueTypes.subtype(type(e, o, visible), expected)) throw invalid(o, "type mismatch");
        }

        private int type(ConstExpr e, long o, int visible) {
            return switch (e) {
                case ConstExpr.Num n -> n.type().ordinal();
                case ConstExpr.V128 v -> ValueTypes.V128;
                case ConstExpr.RefNull r -> vt.encode(r.type());
                case ConstExpr.RefFunc(int f) -> {
                    if (f < 0 || f >= m.functionCount()) throw invalid(o, "unknown function " + Integer.toUnsignedString(f));
                    yield ValueTypes.nonNull(vt.defined(m.funcTypes()[f]));
                }
                case ConstExpr.GlobalGet(int g) -> {
                    if (g < 0 || g >= visible) throw invalid(o, "unknown global " + Integer.toUnsignedString(g));
                    GlobalType gt = m.globals().get(g);
                    if (gt.mutable()) throw invalid(o, "constant expression required");
                    yield vt.encode(gt.type());
                }
                case ConstExpr.Arith a -> {
                    int t = a.type().ordinal();
                    if (type(a.lhs(), o, visible) != t || type(a.rhs(), o, visible) != t) throw invalid(o, "type mismatch");
                    yield t;
                }
                case ConstExpr.Gc g -> gcType(g, o, visible);
            };
        }

        private int gcType(ConstExpr.Gc g, long o, int visible) {
            List<ConstExpr> ops = g.operands();
            switch (g.op()) {
                case REF_I31 -> {
                    constExpr(ops.get(0), ValueTypes.I32, o, visible);
                    return ValueTypes.nonNull(ValueTypes.abstractRef(TypeCode.I31));
                }
                case ANY_CONVERT_EXTERN, EXTERN_CONVERT_ANY -> {
                    boolean toAny = g.op() == Instruction.ANY_CONVERT_EXTERN;
                    int t = type(ops.get(0), o, visible);
                    if (!ValueTypes.subtype(t, ValueTypes.abstractRef(toAny ? TypeCode.EXTERN : TypeCode.ANY))) throw invalid(o, "type mismatch");
                    int out = ValueTypes.abstractRef(toAny ? TypeCode.ANY : TypeCode.EXTERN);
                    return ValueTypes.nullable(t) ? out : ValueTypes.nonNull(out);
                }
                default -> { }
            }
            if (g.typeidx() < 0 || g.typeidx() >= m.types().size()) throw invalid(o, "unknown type");
            CompositeType c = m.types().get(g.typeidx()).composite();
            int result = ValueTypes.nonNull(vt.defined(g.typeidx()));
            switch (g.op()) {
                case STRUCT_NEW, STRUCT_NEW_DEFAULT -> {
                    if (!(c instanceof StructType st)) throw invalid(o, "type mismatch");
                    for (int k = 0; k < st.fields().size(); k++) {
                        FieldType f = st.fields().get(k);
                        if (g.op() == Instruction.STRUCT_NEW) constExpr(ops.get(k), field(f), o, visible);
                        else if (!f.type().isDefaultable()) throw invalid(o, "field type is not defaultable");
                    }
                }
                default -> {
                    if (!(c instanceof ArrayType at)) throw invalid(o, "type mismatch");
                    FieldType f = at.element();
                    if (g.op() == Instruction.ARRAY_NEW_DEFAULT && !f.type().isDefaultable()) throw invalid(o, "field type is not defaultable");
                    int n = g.op() == Instruction.ARRAY_NEW_FIXED ? ops.size() : g.op() == Instruction.ARRAY_NEW ? 1 : 0;
                    for (int k = 0; k < n; k++) constExpr(ops.get(k), field(f), o, visible);
                    if (g.op() != Instruction.ARRAY_NEW_FIXED) constExpr(ops.getLast(), ValueTypes.I32, o, visible);
                }
            }
            return result;
        }

        private int field(FieldType f) {
            return f.packed() != 0 ? ValueTypes.I32 : vt.encode(f.type());
        }
    }
}
