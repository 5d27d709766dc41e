/*
 * A small stack-machine bytecode interpreter whose dispatch is all tail calls: each opcode handler ends
 * in [[clang::musttail]] return to the next handler through a table, so with -mtail-call it compiles to
 * Wasm return_call_indirect and never grows the call stack, however long the program runs.
 *
 * It runs three bytecode programs (an iterative Fibonacci mod 2^32, a Collatz step count, a prime
 * count by trial division) and prints their results and the number of instructions executed, so
 * the Wasm build's output can be compared with a native build's.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { PUSH, LOAD, STORE, ADD, SUB, MUL, MOD, DIV, LT, EQ, JMP, JZ, DUP, DROP, HALT, NOPS };

typedef struct {
    int64_t stack[64];
    int64_t vars[16];
    uint64_t steps;
} Vm;

typedef int64_t (*Handler)(Vm *vm, const int32_t *pc, int sp);
static const Handler table[NOPS];

/* Every handler dispatches the next instruction by a guaranteed tail call. */
#define NEXT(pc, sp) do { vm->steps++; [[clang::musttail]] return table[*(pc)](vm, (pc), (sp)); } while (0)

static int64_t op_push(Vm *vm, const int32_t *pc, int sp) { vm->stack[sp] = pc[1]; NEXT(pc + 2, sp + 1); }
static int64_t op_load(Vm *vm, const int32_t *pc, int sp) { vm->stack[sp] = vm->vars[pc[1]]; NEXT(pc + 2, sp + 1); }
static int64_t op_store(Vm *vm, const int32_t *pc, int sp) { vm->vars[pc[1]] = vm->stack[sp - 1]; NEXT(pc + 2, sp - 1); }
static int64_t op_add(Vm *vm, const int32_t *pc, int sp) { vm->stack[sp - 2] += vm->stack[sp - 1]; NEXT(pc + 1, sp - 1); }
static int64_t op_sub(Vm *vm, const int32_t *pc, int sp) { vm->stack[sp - 2] -= vm->stack[sp - 1]; NEXT(pc + 1, sp - 1); }
static int64_t op_mul(Vm *vm, const int32_t *pc, int sp) { vm->stack[sp - 2] *= vm->stack[sp - 1]; NEXT(pc + 1, sp - 1); }
static int64_t op_mod(Vm *vm, const int32_t *pc, int sp) { vm->stack[sp - 2] %= vm->stack[sp - 1]; NEXT(pc + 1, sp - 1); }
static int64_t op_div(Vm *vm, const int32_t *pc, int sp) { vm->stack[sp - 2] /= vm->stack[sp - 1]; NEXT(pc + 1, sp - 1); }
static int64_t op_lt(Vm *vm, const int32_t *pc, int sp) { vm->stack[sp - 2] = vm->stack[sp - 2] < vm->stack[sp - 1]; NEXT(pc + 1, sp - 1); }
static int64_t op_eq(Vm *vm, const int32_t *pc, int sp) { vm->stack[sp - 2] = vm->stack[sp - 2] == vm->stack[sp - 1]; NEXT(pc + 1, sp - 1); }
static int64_t op_jmp(Vm *vm, const int32_t *pc, int sp) { NEXT(pc + pc[1], sp); }
static int64_t op_jz(Vm *vm, const int32_t *pc, int sp) { NEXT(vm->stack[sp - 1] == 0 ? pc + pc[1] : pc + 2, sp - 1); }
static int64_t op_dup(Vm *vm, const int32_t *pc, int sp) { vm->stack[sp] = vm->stack[sp - 1]; NEXT(pc + 1, sp + 1); }
static int64_t op_drop(Vm *vm, const int32_t *pc, int sp) { NEXT(pc + 1, sp - 1); }
static int64_t op_halt(Vm *vm, const int32_t *pc, int sp) { (void) pc; return sp > 0 ? vm->stack[sp - 1] : 0; }

static const Handler table[NOPS] = {
    op_push, op_load, op_store, op_add, op_sub, op_mul, op_mod, op_div, op_lt, op_eq, op_jmp, op_jz, op_dup, op_drop, op_halt,
};

static int64_t run(Vm *vm, const int32_t *code) { return table[*code](vm, code, 0); }

/* A tiny assembler: jumps name labels, resolved to offsets from the jump instruction once a program is done. */
typedef struct { int32_t code[256]; int n; int labels[16]; int fix[32][2]; int nfix; } Asm;

static void op(Asm *a, int o) { a->code[a->n++] = o; }
static void op1(Asm *a, int o, int x) { op(a, o); op(a, x); }
static void jump(Asm *a, int o, int label) { op(a, o); a->fix[a->nfix][0] = a->n; a->fix[a->nfix++][1] = label; op(a, 0); }
static void mark(Asm *a, int label) { a->labels[label] = a->n; }
static const int32_t *done(Asm *a) {
    for (int i = 0; i < a->nfix; i++) a->code[a->fix[i][0]] = a->labels[a->fix[i][1]] - (a->fix[i][0] - 1);
    return a->code;
}

enum { L_LOOP, L_DONE, L_OUTER, L_BODY, L_INNER, L_STEP, L_EVEN, L_NEXT, L_TEST, L_END };

/* fib: a=0 b=1; n times: t=(a+b) mod 2^32, a=b, b=t; result a. vars: 0 n, 1 a, 2 b, 3 t */
static const int32_t *fib(Asm *a) {
    op1(a, PUSH, 0); op1(a, STORE, 1); op1(a, PUSH, 1); op1(a, STORE, 2);
    mark(a, L_LOOP); op1(a, LOAD, 0); jump(a, JZ, L_DONE);
    op1(a, LOAD, 1); op1(a, LOAD, 2); op(a, ADD); op1(a, PUSH, 65536); op(a, DUP); op(a, MUL); op(a, MOD); op1(a, STORE, 3);
    op1(a, LOAD, 2); op1(a, STORE, 1); op1(a, LOAD, 3); op1(a, STORE, 2);
    op1(a, LOAD, 0); op1(a, PUSH, 1); op(a, SUB); op1(a, STORE, 0); jump(a, JMP, L_LOOP);
    mark(a, L_DONE); op1(a, LOAD, 1); op(a, HALT);
    return done(a);
}

/* collatz: total steps to reach 1 from every x in 1..n. vars: 0 n, 1 x, 2 v, 3 total */
static const int32_t *collatz(Asm *a) {
    op1(a, PUSH, 0); op1(a, STORE, 3); op1(a, PUSH, 1); op1(a, STORE, 1);
    mark(a, L_OUTER); op1(a, LOAD, 0); op1(a, LOAD, 1); op(a, LT); jump(a, JZ, L_BODY); jump(a, JMP, L_END);
    mark(a, L_BODY); op1(a, LOAD, 1); op1(a, STORE, 2);
    mark(a, L_INNER); op1(a, LOAD, 2); op1(a, PUSH, 1); op(a, EQ); jump(a, JZ, L_STEP); jump(a, JMP, L_NEXT);
    mark(a, L_STEP); op1(a, LOAD, 3); op1(a, PUSH, 1); op(a, ADD); op1(a, STORE, 3);
    op1(a, LOAD, 2); op1(a, PUSH, 2); op(a, MOD); jump(a, JZ, L_EVEN);
    op1(a, LOAD, 2); op1(a, PUSH, 3); op(a, MUL); op1(a, PUSH, 1); op(a, ADD); op1(a, STORE, 2); jump(a, JMP, L_INNER);
    mark(a, L_EVEN); op1(a, LOAD, 2); op1(a, PUSH, 2); op(a, DIV); op1(a, STORE, 2); jump(a, JMP, L_INNER);
    mark(a, L_NEXT); op1(a, LOAD, 1); op1(a, PUSH, 1); op(a, ADD); op1(a, STORE, 1); jump(a, JMP, L_OUTER);
    mark(a, L_END); op1(a, LOAD, 3); op(a, HALT);
    return done(a);
}

/* primes: how many p in 2..n have no divisor d with 2 <= d and d*d <= p. vars: 0 n, 1 p, 2 d, 3 count */
static const int32_t *primes(Asm *a) {
    op1(a, PUSH, 0); op1(a, STORE, 3); op1(a, PUSH, 2); op1(a, STORE, 1);
    mark(a, L_OUTER); op1(a, LOAD, 0); op1(a, LOAD, 1); op(a, LT); jump(a, JZ, L_BODY); jump(a, JMP, L_END);
    mark(a, L_BODY); op1(a, PUSH, 2); op1(a, STORE, 2);
    mark(a, L_INNER); op1(a, LOAD, 1); op1(a, LOAD, 2); op1(a, LOAD, 2); op(a, MUL); op(a, LT); jump(a, JZ, L_TEST);
    op1(a, LOAD, 3); op1(a, PUSH, 1); op(a, ADD); op1(a, STORE, 3); jump(a, JMP, L_NEXT);
    mark(a, L_TEST); op1(a, LOAD, 1); op1(a, LOAD, 2); op(a, MOD); jump(a, JZ, L_NEXT);
    op1(a, LOAD, 2); op1(a, PUSH, 1); op(a, ADD); op1(a, STORE, 2); jump(a, JMP, L_INNER);
    mark(a, L_NEXT); op1(a, LOAD, 1); op1(a, PUSH, 1); op(a, ADD); op1(a, STORE, 1); jump(a, JMP, L_OUTER);
    mark(a, L_END); op1(a, LOAD, 3); op(a, HALT);
    return done(a);
}

int main(int argc, char **argv) {
    /* The problem sizes in percent of the full run (the test runs 10%: the interpreter needs seconds for 100%). */
    int64_t percent = argc > 1 ? atoll(argv[1]) : 100;
    Vm vm = {0};
    static Asm asms[3];
    struct { const char *name; const int32_t *code; int64_t n; } progs[] = {
        {"fib", fib(&asms[0]), 10000 * percent}, {"collatz", collatz(&asms[1]), 200 * percent},
        {"primes", primes(&asms[2]), 1000 * percent},
    };
    for (int i = 0; i < 3; i++) {
        vm.vars[0] = progs[i].n;
        uint64_t before = vm.steps;
        int64_t r = run(&vm, progs[i].code);
        printf("%s(%lld) = %lld in %llu instructions\n", progs[i].name, (long long) progs[i].n, (long long) r,
               (unsigned long long) (vm.steps - before));
    }
    return 0;
}
