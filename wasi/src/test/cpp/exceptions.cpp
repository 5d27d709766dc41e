// Exceptions in C++ compiled to Wasm (clang -fwasm-exceptions): typed catches, catch (...), rethrow,
// destructors run while unwinding, exceptions across recursive frames and in a hot loop. Built with
// eh_runtime.cpp (Debian's wasm32 libc++abi has no exception support), whose catch clauses match exact
// types only, so every catch here names the thrown type or is catch (...).
#include <cstdio>
#include <string>

struct ParseError {
    std::string message;
    int pos;
    ParseError(const std::string& m, int p) : message(m), pos(p) {}
    const char* what() const { return message.c_str(); }
};

struct MathError {
    const char* what;
};

struct Unexpected {
    int code;
};

struct Guard {
    const char* name;
    explicit Guard(const char* n) : name(n) { std::printf("enter %s\n", name); }
    ~Guard() { std::printf("leave %s\n", name); }
};

// A recursive-descent evaluator of + - * / ( ) over integers; errors are exceptions.
struct Parser {
    std::string s;
    size_t i = 0;
    explicit Parser(const std::string& text) : s(text) {}
    void skip() { while (i < s.size() && s[i] == ' ') i++; }
    long primary() {
        skip();
        if (i < s.size() && s[i] == '(') {
            i++;
            long v = expr();
            skip();
            if (i >= s.size() || s[i] != ')') throw ParseError("expected )", (int) i);
            i++;
            return v;
        }
        if (i < s.size() && s[i] == '-') { i++; return -primary(); }
        if (i >= s.size() || s[i] < '0' || s[i] > '9') throw ParseError("expected a number", (int) i);
        long v = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') v = v * 10 + (s[i++] - '0');
        return v;
    }
    long term() {
        long v = primary();
        for (;;) {
            skip();
            if (i < s.size() && (s[i] == '*' || s[i] == '/')) {
                char op = s[i++];
                long r = primary();
                if (op == '/') {
                    if (r == 0) throw MathError{"division by zero"};
                    v /= r;
                } else {
                    v *= r;
                }
            } else {
                return v;
            }
        }
    }
    long expr() {
        long v = term();
        for (;;) {
            skip();
            if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
                char op = s[i++];
                long r = term();
                v = op == '+' ? v + r : v - r;
            } else {
                return v;
            }
        }
    }
    long parse() {
        long v = expr();
        skip();
        if (i != s.size()) throw ParseError("trailing input", (int) i);
        return v;
    }
};

static int depth(int n) {
    Guard g(n == 0 ? "bottom" : "level");
    if (n == 0) throw 42;
    return depth(n - 1) + 1;
}

static void rethrower() {
    Guard g("rethrower");
    try {
        throw Unexpected{7};
    } catch (const Unexpected& e) {
        std::printf("caught code %d, rethrowing\n", e.code);
        throw;
    }
}

int main() {
    const char* inputs[] = {"1 + 2 * 3", "(4 + 5) * (2 - 7)", "10 / (5 - 5)", "2 * (3 + ", "12 34", "-(-8) * 3", "x"};
    for (const char* in : inputs) {
        try {
            Parser p(in);
            std::printf("%s = %ld\n", in, p.parse());
        } catch (const ParseError& e) {
            std::printf("%s: parse error: %s at %d\n", in, e.what(), e.pos);
        } catch (const MathError& e) {
            std::printf("%s: error: %s\n", in, e.what);
        }
    }
    try {
        depth(3);
    } catch (int v) {
        std::printf("caught int %d\n", v);
    }
    try {
        rethrower();
    } catch (const Unexpected& e) {
        std::printf("caught again: code %d\n", e.code);
    }
    try {
        try {
            throw 2.5;
        } catch (int) {
            std::printf("wrong handler\n");
        }
    } catch (...) {
        std::printf("caught a double with catch (...)\n");
    }
    long total = 0;
    for (int k = 0; k < 1000; k++) {
        try {
            if (k % 7 == 0) throw k;
            total += k;
        } catch (int x) {
            total -= x;
        }
    }
    std::printf("total %ld\n", total);
    return 0;
}
