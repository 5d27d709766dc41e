package dev.gatun.text;

import dev.gatun.model.Instruction;
import dev.gatun.testing.ModuleBuilder;
import dev.gatun.testing.ModuleBuilder.Bytes;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every instruction of the table prints under its text name, and its immediates take exactly the bytes
 * of their shape: each is assembled alone (with zero immediates) into a function of a module that has one
 * of everything it may refer to.
 */
class TextPrinterInstructionsTest {
    /** The instruction with zero or minimal immediates, then the ends its body and the function need. */
    static byte[] body(Instruction ins) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new Bytes().op(ins).toArray());
        switch (ins.immediates) {
            case NONE -> { }
            case BLOCKTYPE -> b.write(0x40);
            case TRY_TABLE -> b.writeBytes(new byte[] {0x40, 0});
            case SELECT_TYPES -> b.writeBytes(new byte[] {1, 0x7F});
            case HEAPTYPE -> b.write(0x70);
            case MEMARG -> b.writeBytes(new byte[] {(byte) ins.naturalAlignment(), 0});
            case MEMARG_LANE -> b.writeBytes(new byte[] {(byte) ins.naturalAlignment(), 0, 0});
            case BR_TABLE, TYPE_TABLE, DATA_MEMORY, MEMORY_MEMORY, ELEM_TABLE, TABLE_TABLE, TYPE_FIELD, TYPE_COUNT,
                 TYPE_DATA, TYPE_ELEM, TYPE_TYPE -> b.writeBytes(new byte[] {0, 0});
            case SHUFFLE, V128 -> b.writeBytes(new byte[16]);
            case F32 -> b.writeBytes(new byte[4]);
            case F64 -> b.writeBytes(new byte[8]);
            case BR_ON_CAST -> b.writeBytes(new byte[] {0, 0, 0x70, 0x70});
            default -> b.write(0); // one index, lane, zero byte or a small integer
        }
        if (ins.immediates == dev.gatun.model.Immediates.BLOCKTYPE || ins.immediates == dev.gatun.model.Immediates.TRY_TABLE)
            b.write(Instruction.END.code);
        b.write(Instruction.END.code);
        return b.toByteArray();
    }

    /** One type, function, table, memory, tag, global, element and data segment, and the instruction's function. */
    static byte[] module(byte[] body) {
        byte[] fn = new Bytes().u32(0).raw(body).toArray();   // no locals
        return ModuleBuilder.header()
                .section(ModuleBuilder.TYPE_SECTION, new byte[] {1, 0x60, 0, 0})
                .section(ModuleBuilder.FUNCTION_SECTION, new byte[] {1, 0})
                .section(ModuleBuilder.TABLE_SECTION, new byte[] {1, 0x70, 0, 0})
                .section(ModuleBuilder.MEMORY_SECTION, new byte[] {1, 0, 1})
                .section(ModuleBuilder.TAG_SECTION, new byte[] {1, 0, 0})
                .section(ModuleBuilder.GLOBAL_SECTION, new byte[] {1, 0x7F, 1, 0x41, 0, 0x0B})
                .section(ModuleBuilder.ELEMENT_SECTION, new byte[] {1, 1, 0, 0})
                .section(ModuleBuilder.DATA_COUNT_SECTION, new byte[] {1})
                .section(ModuleBuilder.CODE_SECTION, new Bytes().u32(1).u32(fn.length).raw(fn).toArray())
                .section(ModuleBuilder.DATA_SECTION, new byte[] {1, 1, 0})
                .toArray();
    }

    @Test
    void everyInstructionPrintsUnderItsName() {
        int checked = 0;
        List<String> wrong = new ArrayList<>();
        for (Instruction ins : Instruction.values()) {
            switch (ins) {
                case ELSE, END, CATCH, CATCH_ALL, DELEGATE -> { continue; } // only inside their blocks: tested elsewhere
                default -> { }
            }
            for (TextPrinter.Options o : List.of(TextPrinter.Options.FLAT, TextPrinter.Options.FOLDED)) {
                String text = TextPrinter.print(module(body(ins)), o);
                int at = text.indexOf("(func (type 0)");
                String line = text.substring(text.indexOf('\n', at) + 1).strip();
                if (o.folded()) line = line.substring(1);
                if (!line.startsWith(ins.text + " ") && !line.startsWith(ins.text + ")") && !line.startsWith(ins.text + "\n"))
                    wrong.add(ins + " printed as " + line.lines().findFirst().orElse(""));
            }
            checked++;
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked > 550, checked + " instructions");
    }

    @Test
    void immediatesPrintInTheirTextForm() {
        assertEquals("call_indirect (type 0)", line(Instruction.CALL_INDIRECT));
        assertEquals("select (result i32)", line(Instruction.SELECT_T));
        assertEquals("ref.test (ref func)", line(Instruction.REF_TEST));
        assertEquals("ref.cast (ref null func)", line(Instruction.REF_CAST_NULL));
        assertEquals("br_on_cast 0 (ref func) (ref func)", line(Instruction.BR_ON_CAST));
        assertEquals("v128.load8_lane 0", line(Instruction.V128_LOAD8_LANE));
        assertEquals("memory.init 0", line(Instruction.MEMORY_INIT));
        assertEquals("table.init 0", line(Instruction.TABLE_INIT));
        assertEquals("memory.copy", line(Instruction.MEMORY_COPY));
        assertEquals("struct.get 0 0", line(Instruction.STRUCT_GET));
        assertEquals("atomic.fence", line(Instruction.ATOMIC_FENCE));
        assertEquals("f64.const 0x0p+0", line(Instruction.F64_CONST));
    }

    private static String line(Instruction ins) {
        String text = TextPrinter.print(module(body(ins)));
        int at = text.indexOf("(func (type 0)");
        String rest = text.substring(text.indexOf('\n', at) + 1);
        String line = rest.lines().findFirst().orElseThrow().strip();
        assertTrue(line.endsWith(")"), line); // the function's
        return line.substring(0, line.length() - 1);
    }
}
