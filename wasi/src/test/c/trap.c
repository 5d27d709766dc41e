/* trap: writes a line, then traps (unreachable) two calls deep, or exits with status N given as argv[1]. */
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static void crash(int depth) {
    if (depth == 0) __builtin_trap();
    crash(depth - 1);
    printf("unreached\n");
}

int main(int argc, char **argv) {
    printf("before trap\n");
    fflush(stdout);
    if (argc > 1) exit(atoi(argv[1]));
    crash(2);
    return 0;
}
