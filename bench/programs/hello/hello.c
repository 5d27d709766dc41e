/* Whole-process start-up: the smallest WASI command that does something observable. */
#include <stdio.h>

int main(void) {
    puts("hello, world");
    return 0;
}
