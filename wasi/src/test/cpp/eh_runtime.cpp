// A minimal C++ exception runtime for wasm32-wasi with -fwasm-exceptions, because Debian's wasm32
// libc++abi is built without exception support. It implements the parts of the Itanium C++ ABI and of
// the Wasm EH personality interface that clang's code calls: allocate, throw (a Wasm throw of the
// __cpp_exception tag with the unwind header's address), begin/end catch, rethrow, and a personality
// that reads the LSDA of the landing pad clang stored in __wasm_lpad_context. Limits, on purpose: a
// catch clause matches its exact type or catch (...) (no base-class or pointer conversions), and
// exception specifications are ignored. Not the libc++abi code: written from the ABI documents.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <typeinfo>

extern "C" {
struct _Unwind_Exception {
    uint64_t exception_class;
    void (*cleanup)(int, _Unwind_Exception*);
    uintptr_t private_1, private_2;
};
// Read and written by clang's landing pads: which pad is running, its LSDA, and the chosen clause.
struct LandingPadContext {
    uintptr_t lpad_index;
    uintptr_t lsda;
    uintptr_t selector;
};
LandingPadContext __wasm_lpad_context;
}

namespace {
struct Header {
    const std::type_info* type;
    void* (*destructor)(void*);   // Wasm's C++ ABI: destructors return this
    Header* next;        // the stack of caught exceptions
    int handlers;        // catch clauses currently holding it
    bool rethrown;
    _Unwind_Exception unwind;
};
// The thrown object follows its header, 16-byte aligned as the ABI's max_align_t.
constexpr size_t HEADER = (sizeof(Header) + 15) & ~size_t(15);
Header* caught = nullptr;

Header* header(void* unwind) {
    return reinterpret_cast<Header*>(static_cast<char*>(unwind) - offsetof(Header, unwind));
}
void* object(Header* h) { return reinterpret_cast<char*>(h) + HEADER; }

uintptr_t uleb(const uint8_t** p) {
    uintptr_t v = 0;
    unsigned shift = 0;
    uint8_t b;
    do {
        b = *(*p)++;
        v |= uintptr_t(b & 0x7f) << shift;
        shift += 7;
    } while (b & 0x80);
    return v;
}

intptr_t sleb(const uint8_t** p) {
    intptr_t v = 0;
    unsigned shift = 0;
    uint8_t b;
    do {
        b = *(*p)++;
        v |= intptr_t(b & 0x7f) << shift;
        shift += 7;
    } while (b & 0x80);
    if ((b & 0x40) && shift < 8 * sizeof(v)) v |= -(intptr_t(1) << shift);
    return v;
}

constexpr uint8_t OMIT = 0xff;

bool sameType(const std::type_info* a, const std::type_info* b) {
    return a == b || std::strcmp(a->name(), b->name()) == 0;
}

void throwWasm(Header* h) {
    __builtin_wasm_throw(0, &h->unwind);   // tag 0: the C++ tag
}
}  // namespace

extern "C" {
void* __cxa_allocate_exception(size_t size) {
    char* p = static_cast<char*>(std::calloc(1, HEADER + size));
    if (!p) std::abort();
    return p + HEADER;
}

void __cxa_free_exception(void* thrown) { std::free(static_cast<char*>(thrown) - HEADER); }

[[noreturn]] void __cxa_throw(void* thrown, std::type_info* type, void* (*destructor)(void*)) {
    Header* h = reinterpret_cast<Header*>(static_cast<char*>(thrown) - HEADER);
    h->type = type;
    h->destructor = destructor;
    h->unwind.exception_class = 0x434C4E47432B2B00ull;   // "CLNGC++\0"
    throwWasm(h);
    __builtin_unreachable();
}

void* __cxa_get_exception_ptr(void* unwind) { return object(header(unwind)); }

void* __cxa_begin_catch(void* unwind) {
    Header* h = header(unwind);
    h->rethrown = false;
    if (h->handlers++ == 0) {
        h->next = caught;
        caught = h;
    }
    return object(h);
}

void __cxa_end_catch() {
    Header* h = caught;
    if (!h || --h->handlers > 0) return;
    caught = h->next;
    if (h->rethrown) return;   // it is on its way to another handler
    if (h->destructor) h->destructor(object(h));
    std::free(h);
}

[[noreturn]] void __cxa_rethrow() {
    Header* h = caught;
    if (!h) std::abort();
    h->rethrown = true;
    throwWasm(h);
    __builtin_unreachable();
}

// The personality, for the landing pad in __wasm_lpad_context: sets the selector to the matching
// clause's type index (0: none, so the pad only cleans up and rethrows).
int _Unwind_CallPersonality(void* unwind) {
    __wasm_lpad_context.selector = 0;
    const uint8_t* p = reinterpret_cast<const uint8_t*>(__wasm_lpad_context.lsda);
    if (!p) return 8;   // _URC_CONTINUE_UNWIND
    Header* h = header(unwind);
    uint8_t lpStartEncoding = *p++;
    if (lpStartEncoding != OMIT) uleb(&p);
    uint8_t typeEncoding = *p++;
    const uint8_t* types = nullptr;
    if (typeEncoding != OMIT) {
        uintptr_t offset = uleb(&p);
        types = p + offset;
    }
    p++;   // call-site encoding (uleb128)
    uintptr_t callSiteLength = uleb(&p);
    const uint8_t* actions = p + callSiteLength;
    // Wasm's call-site table has one (landing pad, action) entry per pad, in pad order.
    uintptr_t action = 0;
    bool found = false;
    for (uintptr_t i = 0; p < actions; i++) {
        uleb(&p);
        uintptr_t a = uleb(&p);
        if (i == __wasm_lpad_context.lpad_index) {
            action = a;
            found = true;
            break;
        }
    }
    if (!found || action == 0 || !types) return 8;
    const uint8_t* a = actions + action - 1;
    for (;;) {
        intptr_t typeIndex = sleb(&a);
        const uint8_t* here = a;
        intptr_t next = sleb(&a);
        if (typeIndex > 0) {
            // Type entries are 4-byte pointers counted back from the end of the type table.
            uint32_t entry;
            std::memcpy(&entry, types - 4 * typeIndex, 4);
            const std::type_info* t = reinterpret_cast<const std::type_info*>(uintptr_t(entry));
            if (t == nullptr || sameType(t, h->type)) {
                __wasm_lpad_context.selector = uintptr_t(typeIndex);
                return 6;   // _URC_HANDLER_FOUND
            }
        }
        if (next == 0) return 8;
        a = here + next;
    }
}
}
