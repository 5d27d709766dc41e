/* cat: copies each file named on the command line (or stdin when none) to stdout. */
#include <stdio.h>
#include <string.h>
#include <errno.h>

static int copy(FILE *in, const char *name) {
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
        if (fwrite(buf, 1, n, stdout) != n) return 1;
    }
    if (ferror(in)) {
        fprintf(stderr, "cat: %s: read error\n", name);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv) {
    int status = 0;
    if (argc < 2) return copy(stdin, "-");
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            /* The errno name is the observable: both runtimes must refuse the same way. */
            fprintf(stdout, "cat: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        status |= copy(f, argv[i]);
        fclose(f);
    }
    return status;
}
