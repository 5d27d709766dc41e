package dev.gatun.model;

import static org.junit.jupiter.api.Assertions.*;

import dev.gatun.binary.InstructionReader;
import dev.gatun.vector.SimdOpcodes;
import java.util.*;
import org.junit.jupiter.api.Test;

/** The instruction table against the facts the engine had before it (SIMD naming and shapes). */
class InstructionTableTest {
    /** The engine's SIMD kernels are named by SimdOpcodes: the table must agree with it on every run instruction. */
    @Test
    void simdMatchesKernelNames() {
        List<String> errs = new ArrayList<>();
        for (int s = 0; s < 0x120; s++) {
            Instruction in = Instruction.prefixed(0xFD, s);
            boolean runs = in != null && InstructionReader.FEATURES.contains(in.feature);
            String old = s < 256 ? SimdOpcodes.name(s) : null;
            if (runs != (old != null)) errs.add(Integer.toHexString(s) + " " + in + " / " + old);
            if (!runs || old == null) continue;
            if (!old.equals(in.text)) errs.add(old + " vs " + in.text);
            int align = SimdOpcodes.maxAlignLog2(s);
            int mine = in.accessBytes == 0 ? -1 : in.naturalAlignment();
            if (align != mine) errs.add(in + " align " + align + " vs " + mine);
            String imm = switch (SimdOpcodes.immediates(s)) {
                case NONE -> "NONE"; case MEMARG -> "MEMARG"; case MEMARG_LANE -> "MEMARG_LANE"; case LANE -> "LANE";
                case SHUFFLE -> "SHUFFLE"; case CONST -> "V128";
            };
            if (!imm.equals(in.immediates.name())) errs.add(in + " imm " + imm + " vs " + in.immediates);
        }
        assertEquals(List.of(), errs);
    }

    @Test
    void simdTypes() {
        List<String> errs = new ArrayList<>();
        for (int sub = 0x0E; sub < 256; sub++) {
            String n = SimdOpcodes.name(sub);
            if (n == null) continue;
            Instruction in = Instruction.prefixed(0xFD, sub);
            if (SimdOpcodes.laneCount(sub) != in.laneCount()) errs.add(in + " lanes");
            if (in.immediates != Immediates.NONE) continue;
            String p, r;
            if (n.endsWith("all_true") || n.endsWith("bitmask") || n.endsWith("any_true")) { p = "v"; r = "i"; }
            else if (n.contains(".shl") || n.contains(".shr_")) { p = "vi"; r = "v"; }
            else if (n.equals("v128.bitselect")) { p = "vvv"; r = "v"; }
            else if (n.contains("splat")) { p = null; r = "v"; }
            else if (n.contains("abs") || n.contains("neg") || n.contains("popcnt") || n.contains("ceil")
                    || n.contains("floor") || n.contains("trunc") || n.contains("nearest") || n.contains("sqrt")
                    || n.contains("extend_") || n.contains("extadd_pairwise") || n.contains("convert")
                    || n.contains("demote") || n.contains("promote") || n.equals("v128.not")) { p = "v"; r = "v"; }
            else { p = "vv"; r = "v"; }
            if (p != null && !p.equals(in.params) || !r.equals(in.results)) errs.add(in + " " + p + "->" + r + " vs " + in.params + "->" + in.results);
        }
        assertEquals(List.of(), errs);
    }
}
