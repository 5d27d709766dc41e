package dev.gatun.compiler;

import dev.gatun.binary.InstructionReader;
import dev.gatun.binary.WasmReader;
import dev.gatun.model.FunctionType;
import dev.gatun.model.Instruction;
import dev.gatun.model.ValType;
import dev.gatun.model.WasmModule;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which blocks, loops and ifs of a body too big for one JVM method become methods of their own (see
 * {@link BodySplitter}). One walk builds the tree of structured instructions; bottom up, a construct
 * whose code (less what its outlined descendants took) is over the target has its largest eligible
 * children outlined until it fits, so every method stays near the target however deep the nesting.
 *
 * <p>A construct can be outlined when it is a block, loop or if; no try or try_table encloses it (a Wasm
 * handler around it would see the caller's locals as they were before the call); no try_table clause
 * inside it targets a label outside it; and it makes no tail call (the pending call belongs to the
 * function's own method, see {@link TailCalls}).
 */
final class RegionPlan {
    /** An outlined construct. */
    static final class Region {
        /** Body position just after its opcode (where its block type starts), and just after its end. */
        final int at;
        int end;
        /** Its index in the control stack (the function's frame is 0): the caller's frames are those below. */
        final int depth;
        /** The locals it reads or writes, and those it writes: passed in, and back, through the frame array. */
        final BitSet used = new BitSet(), written = new BitSet();
        /** The control-stack indices below depth that its branches (and returns: 0) leave to. */
        final TreeSet<Integer> exits = new TreeSet<>();
        /** Its number in the function: its method is {@code r<funcidx>_<id>}. */
        int id;

        Region(int at, int depth) {
            this.at = at;
            this.depth = depth;
        }
    }

    /** The outlined constructs by {@link Region#at}. */
    final Map<Integer, Region> regions = new HashMap<>();
    /** The most values a label or block of the body carries: the frame array's transfer area. */
    final int transfer;

    private RegionPlan(int transfer) { this.transfer = transfer; }

    /** A construct of the walk. */
    private static final class Node {
        final Region region;
        final Instruction kind;
        final int start;
        final boolean inTry;
        final int entrySlots;
        boolean ineligible, outlined;
        int residual;
        final List<Node> children = new ArrayList<>();

        Node(Region region, Instruction kind, int start, boolean inTry, int entrySlots) {
            this.region = region;
            this.kind = kind;
            this.start = start;
            this.inTry = inTry;
            this.entrySlots = entrySlots;
        }

        boolean eligible() {
            return !ineligible && !inTry && entrySlots <= BodySplitter.MAX_ENTRY_SLOTS
                    && (kind == Instruction.BLOCK || kind == Instruction.LOOP || kind == Instruction.IF);
        }

        /** What a call to it costs its caller, in Wasm bytes (each local passed is a few JVM instructions). */
        int callCost() { return 8 + 2 * (region.used.cardinality() + region.written.cardinality()) + 4 * region.exits.size(); }
    }

    /** Plans the function's methods so that each holds about target bytes of Wasm code. */
    static RegionPlan of(WasmModule mod, int funcidx, int target) {
        WasmModule.FunctionBody body = mod.codes().get(funcidx - mod.importedFuncs());
        int transfer = mod.funcType(funcidx).results().size();
        WasmReader s = new WasmReader(body.code(), 0, body.code().length, 0);
        List<Node> open = new ArrayList<>();
        open.add(new Node(new Region(0, 0), Instruction.NOP, 0, false, 0));
        List<Region> chosen = new ArrayList<>();
        while (!s.atEnd()) {
            int start = s.pos();
            Instruction in = InstructionReader.next(s);
            switch (in) {
                case BLOCK, LOOP, IF, TRY, TRY_TABLE -> {
                    Node parent = open.get(open.size() - 1);
                    int at = s.pos();
                    FunctionType bt = InstructionReader.blockType(s, mod);
                    transfer = Math.max(transfer, Math.max(bt.params().size(), bt.results().size()));
                    int slots = in == Instruction.IF ? 1 : 0;
                    for (ValType t : bt.params()) if (t != ValType.V128) slots += Compiler.wide(t) ? 2 : 1;
                    if (in == Instruction.TRY_TABLE) {
                        // A clause's label is outside the try_table: a branch from where it stands.
                        int n = s.u32();
                        for (int i = 0; i < n; i++) {
                            if (s.u8() < 2) s.u32();
                            int label = open.size() - 1 - s.u32();
                            for (int k = label + 1; k < open.size(); k++) open.get(k).ineligible = true;
                        }
                    }
                    boolean inTry = parent.inTry || parent.kind == Instruction.TRY || parent.kind == Instruction.TRY_TABLE;
                    Node c = new Node(new Region(at, open.size()), in, start, inTry, slots);
                    parent.children.add(c);
                    open.add(c);
                }
                case END, DELEGATE -> {
                    if (in == Instruction.DELEGATE) s.u32();
                    Node c = open.remove(open.size() - 1);
                    c.region.end = s.pos();
                    fit(c, target, chosen);
                    if (!open.isEmpty()) {
                        Node parent = open.get(open.size() - 1);
                        parent.region.used.or(c.region.used);
                        parent.region.written.or(c.region.written);
                        for (int e : c.region.exits) if (e < parent.region.depth) parent.region.exits.add(e);
                    }
                }
                case BR, BR_IF, BR_ON_NULL, BR_ON_NON_NULL -> branch(open, open.size() - 1 - s.u32());
                case BR_TABLE -> {
                    int n = s.u32();
                    for (int i = 0; i <= n; i++) branch(open, open.size() - 1 - s.u32());
                }
                case RETURN -> branch(open, 0);
                case LOCAL_GET -> open.get(open.size() - 1).region.used.set(s.u32());
                case LOCAL_SET, LOCAL_TEE -> {
                    int x = s.u32();
                    open.get(open.size() - 1).region.used.set(x);
                    open.get(open.size() - 1).region.written.set(x);
                }
                case RETURN_CALL, RETURN_CALL_INDIRECT, RETURN_CALL_REF, BR_ON_CAST, BR_ON_CAST_FAIL,
                     BR_ON_CAST_DESC_EQ, BR_ON_CAST_DESC_EQ_FAIL -> {
                    // Tail calls stay in the function's own method; casts' branches are not modelled here.
                    for (Node n : open) n.ineligible = true;
                    InstructionReader.skipImmediates(in, s);
                }
                default -> InstructionReader.skipImmediates(in, s);
            }
        }
        RegionPlan plan = new RegionPlan(transfer);
        for (Region r : chosen) {
            r.id = plan.regions.size();
            plan.regions.put(r.at, r);
        }
        return plan;
    }

    /** A branch to control index target: an exit of every open construct it leaves. */
    private static void branch(List<Node> open, int target) {
        Node top = open.get(open.size() - 1);
        if (target < top.region.depth) top.region.exits.add(target);
    }

    /**
     * With c's children fitted already: outlines its largest eligible children until what is left of c
     * is at most target bytes (or nothing more can go).
     */
    private static void fit(Node c, int target, List<Region> chosen) {
        int residual = c.region.end - c.start;
        for (Node k : c.children) residual += k.residual - (k.region.end - k.start);
        while (residual > target) {
            Node best = null;
            for (Node k : c.children) {
                if (!k.outlined && k.eligible() && k.residual > k.callCost() && (best == null || k.residual > best.residual)) best = k;
            }
            if (best == null) break;
            best.outlined = true;
            chosen.add(best.region);
            residual += best.callCost() - best.residual;
        }
        c.residual = residual;
    }
}
