package dev.gatun.interpreter;

import static dev.gatun.interpreter.IrWords.*;

import java.util.Arrays;

/**
 * The emitting half of the {@link Translator}: the IR word buffer and the emulated operand stack, whose
 * entries are registers (see the Translator's comment for the scheme). The translator walks the body and
 * decides what to emit; this class holds the words, the stack of registers, and the copy and rename rules
 * that keep a local's pending reads correct when the local is overwritten.
 */
abstract class IrEmitter {
    /** Value kinds: a v128 (VEC) takes a register pair, everything else one register. */
    static final byte NUM = 0, REF = 1, VEC = 2;

    static int width(byte kind) { return kind == VEC ? 2 : 1; }

    /** Register slots the locals take; the frame's constants follow them, temporaries start at tempBase. */
    int localSlots, tempBase;
    FrameConstants constants;

    long[] buf = new long[64];
    int len;
    /** Per word of buf: module byte offset of the instruction that emitted it (for trap frames). */
    int[] woff = new int[64];
    /** Module byte offset of the instruction being translated. */
    int curOffset;
    int lastPos = -1;  // word of the last relinkable producer, -1 when none
    int lastDst;
    int curStart = -1, prevStart = -1;  // first words of the last two instructions
    int labelAt;                        // code position of the last label
    /** Per local register: word of the last relinked instruction that wrote it (-1: none), for renameDef. */
    int[] defPos;
    /** events when defPos was set; events counts removals and shifts of words, which make positions stale. */
    int[] defEvent;
    int events;
    /** The words setLocal took off the end to relink, while it preserves (null otherwise). */
    long[] pendingTail;

    int[] sreg = new int[16];
    byte[] sref = new byte[16];
    /** soff[i]: register offset of stack entry i above tempBase (v128 entries take two). */
    int[] soff = new int[17];
    int[] prevRef = new int[16];
    int h, maxH;
    int[] topRef;
    int[] locStack = new int[16];
    int locTop;

    // ---- emission ----

    int T(int i) { return tempBase + soff[i]; }

    void pushConst(long v) {
        int i = constants.slot(v);
        if (i >= 0) { push(localSlots + i, false); return; }
        int dst = T(h);
        emit(IrOp.CONST, dst, 0, 0);
        emit(v);
        push(dst, false);
    }

    /** A FUEL op: where branches land, so it must not fuse with what follows. */
    void chargeFuel(int cost) {
        emit(IrOp.FUEL, 0, 0, 0);
        emit(cost);
        label();
    }

    void emit(long w) {
        if (len == buf.length) {
            buf = Arrays.copyOf(buf, len * 2);
            woff = Arrays.copyOf(woff, len * 2);
        }
        woff[len] = curOffset;
        buf[len++] = w;
        lastPos = -1;
    }

    /**
     * The word-to-offset map, run-length coded as (first word, module offset) pairs: a trap's frame
     * looks its word up here ({@link IrFunction#wasmOffset}), so the normal path carries nothing.
     */
    int[] offsetTable() {
        int n = 0;
        int[] t = new int[16];
        for (int i = 0; i < len; i++) {
            if (n > 0 && t[n - 1] == woff[i]) continue;
            if (n + 2 > t.length) t = Arrays.copyOf(t, t.length * 2);
            t[n++] = i;
            t[n++] = woff[i];
        }
        return Arrays.copyOf(t, n);
    }

    void emit(int op, int a, int b, int c) {
        prevStart = curStart;
        curStart = len;
        emit(IrOp.word(op, a, b, c));
    }

    /** Sets a branch target word, keeping its high half (ADD_CMP_BR keeps a register there). */
    void patch(int pos, int target) {
        buf[pos] = (buf[pos] & 0xFFFF_FFFF_0000_0000L) | (target & 0xFFFF_FFFFL);
    }

    void produce(int op, int a, int b, int c) {
        emit(op, a, b, c);
        lastPos = len - 1;
        lastDst = a;
    }

    void copy(int dst, int src, boolean ref) {
        if (dst != src) emit(ref ? IrOp.COPY_REF : IrOp.COPY, dst, src, 0);
    }

    void copy(int dst, int src, byte kind) {
        if (dst != src) emit(kind == VEC ? SimdTranslator.V128_COPY : kind == REF ? IrOp.COPY_REF : IrOp.COPY, dst, src, 0);
    }

    /** Places a label at the current position: no relinking or fusion across it. */
    void label() { lastPos = -1; labelAt = len; }

    // ---- emulated stack ----

    void push(int reg, boolean ref) { push(reg, ref ? REF : NUM); }

    void push(int reg, byte kind) {
        if (h == sreg.length) {
            int n = h * 2;
            sreg = Arrays.copyOf(sreg, n);
            sref = Arrays.copyOf(sref, n);
            prevRef = Arrays.copyOf(prevRef, n);
            soff = Arrays.copyOf(soff, n + 1);
        }
        sreg[h] = reg;
        sref[h] = kind;
        soff[h + 1] = soff[h] + width(kind);
        if (reg < localSlots) {
            prevRef[h] = topRef[reg];
            topRef[reg] = h;
            if (locTop == locStack.length) locStack = Arrays.copyOf(locStack, locTop * 2);
            locStack[locTop++] = h;
        }
        h++;
        if (soff[h] > maxH) maxH = soff[h];
    }

    int pop() {
        int reg = sreg[--h];
        if (reg < localSlots) topRef[reg] = prevRef[h];
        while (locTop > 0 && locStack[locTop - 1] >= h) locTop--;
        return reg;
    }

    void popTo(int height) {
        while (h > height) pop();
    }

    /** Copies every stack entry that names local x into its canonical temporary (x is about to change). */
    void preserve(int x) {
        if (renameDef(x)) return;
        for (int p = topRef[x]; p >= 0; p = prevRef[p]) {
            copy(T(p), x, sref[p]);
            sreg[p] = T(p);
        }
        topRef[x] = -1;
    }

    /**
     * Instead of copying x's old value aside, makes the instruction that wrote it (defPos[x]) write the one
     * stack entry's temporary directly, and the reads of x since then read that temporary: clang reuses a
     * local (an address, then a loaded channel) and the copy would cost a dispatch per iteration. Only
     * for straight-line code (no label, branch or call since the write) built from instructions whose
     * register fields are known; anything else keeps the copy.
     */
    boolean renameDef(int x) {
        int p = topRef[x];
        if (p < 0 || prevRef[p] >= 0 || sref[p] != NUM || x >= defPos.length) return false;
        int d = defPos[x];
        if (d < 0 || d < labelAt || defEvent[x] != events) return false;
        int t = T(p);
        long w = buf[d];
        int op = (int) w & 0x3FF;
        int n = renameLength(op);
        if (n == 0 || !isProducer(op) || ((w >>> 10) & IrOp.FIELD_MASK) != x || mentions(d, op, t)) return false;
        // Check the words after the write first: none may write x or touch t, and they must end at len.
        int q = d + n;
        while (q < len) {
            int o = (int) buf[q] & 0x3FF;
            int k = renameLength(o);
            if (k == 0 || q + k > len || mentions(q, o, t)) return false;
            if (isProducer(o) && ((buf[q] >>> 10) & IrOp.FIELD_MASK) == x) return false;
            q += k;
        }
        if (q != len) return false;
        // A relinked instruction waiting to be put back (setLocal) runs after the rename: it may read x.
        if (pendingTail != null && renameLength((int) pendingTail[0] & 0x3FF) != pendingTail.length) return false;
        buf[d] = (w & ~((long) IrOp.FIELD_MASK << 10)) | (long) t << 10;
        for (q = d + n; q < len; q += renameLength((int) buf[q] & 0x3FF)) replaceReads(buf, q, x, t);
        if (pendingTail != null) replaceReads(pendingTail, 0, x, t);
        sreg[p] = t;
        topRef[x] = -1;
        defPos[x] = -1;
        return true;
    }

    boolean mentions(int q, int op, int t) {
        long w = buf[q];
        if (((w >>> 10) & IrOp.FIELD_MASK) == t || ((w >>> 28) & IrOp.FIELD_MASK) == t) return true;
        if (cIsReg(op) && (w >>> 46) == t) return true;
        if (op >= IrOp.SEL_I32_EQ && op <= IrOp.SEL_I32_GT_U) {
            long e = buf[q + 1];
            return (e & 0xFFFF_FFFFL) == t || (e >>> 32) == t;
        }
        return false;
    }

    /** Copies all stack entries that name locals into temporaries (at block entries, so both paths agree). */
    void materializeLocals() {
        while (locTop > 0) {
            int p = locStack[--locTop];
            if (p < h && sreg[p] < localSlots) {
                int x = sreg[p];
                copy(T(p), x, sref[p]);
                sreg[p] = T(p);
                topRef[x] = -1;
            }
        }
    }

    /** Moves the top n entries into their canonical temporaries (loop and if params). */
    void canonicalizeTop(int n) {
        for (int p = h - n; p < h; p++) {
            if (sreg[p] != T(p)) {
                int x = sreg[p];
                copy(T(p), x, sref[p]);
                if (x < localSlots) {
                    // Only reachable when the entry was not materialized: keep the chain consistent.
                    topRef[x] = -1;
                }
                sreg[p] = T(p);
            }
        }
    }

}
