package dev.gatun.model;

/**
 * The immediates that follow an opcode in the binary format, in order. Index immediates are u32 LEBs;
 * a {@link #MEMARG} is an alignment (bit 6 set: a memory index follows) and an offset (u64 under memory64).
 */
public enum Immediates {
    NONE,
    /** A block type: 0x40, a value type, or an s33 type index. */
    BLOCKTYPE,
    /** A label index (relative depth). */
    LABEL,
    /** A vector of label indices and a default label. */
    BR_TABLE,
    /** {@code try_table}: a block type and a vector of catch clauses (kind byte, tag index unless catch_all*, label). */
    TRY_TABLE,
    FUNC, LOCAL, GLOBAL, TABLE, MEMORY, TAG, TYPE, DATA, ELEM,
    /** {@code call_indirect}: type index, table index. */
    TYPE_TABLE,
    /** {@code select t*}: a vector of value types. */
    SELECT_TYPES,
    /** A heap type (s33: an abstract type byte or a type index). */
    HEAPTYPE,
    MEMARG,
    /** A memarg then a lane index byte. */
    MEMARG_LANE,
    /** A lane index byte. */
    LANE,
    /** 16 lane index bytes. */
    SHUFFLE,
    I32, I64, F32, F64,
    /** 16 bytes. */
    V128,
    /** {@code memory.init}: data index, memory index. */
    DATA_MEMORY,
    /** {@code memory.copy}: destination memory, source memory. */
    MEMORY_MEMORY,
    /** {@code table.init}: element index, table index. */
    ELEM_TABLE,
    /** {@code table.copy}: destination table, source table. */
    TABLE_TABLE,
    /** {@code struct.get}/{@code set}: type index, field index. */
    TYPE_FIELD,
    /** {@code array.new_fixed}: type index, element count. */
    TYPE_COUNT,
    /** {@code array.new_data}, {@code array.init_data}: type index, data index. */
    TYPE_DATA,
    /** {@code array.new_elem}, {@code array.init_elem}: type index, element index. */
    TYPE_ELEM,
    /** {@code array.copy}: destination type, source type. */
    TYPE_TYPE,
    /** {@code br_on_cast(_fail)}: a flags byte (bit 0: source nullable, bit 1: target nullable), label, two heap types. */
    BR_ON_CAST,
    /** {@code atomic.fence}: one reserved 0x00 byte. */
    ZERO_BYTE
}
