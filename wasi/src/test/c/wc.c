/* wc: line, word and byte counts per file and a total, like POSIX wc. Reads via read(2) and lseek. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <ctype.h>
#include <sys/stat.h>

int main(int argc, char **argv) {
    long tl = 0, tw = 0, tc = 0;
    for (int i = 1; i < argc; i++) {
        int fd = open(argv[i], O_RDONLY);
        if (fd < 0) { printf("wc: %s: cannot open\n", argv[i]); return 2; }
        struct stat st;
        if (fstat(fd, &st) != 0) { printf("wc: fstat failed\n"); return 2; }
        long l = 0, w = 0, c = 0;
        int inword = 0;
        unsigned char buf[1024];
        ssize_t n;
        while ((n = read(fd, buf, sizeof buf)) > 0) {
            for (ssize_t k = 0; k < n; k++) {
                c++;
                if (buf[k] == '\n') l++;
                if (isspace(buf[k])) inword = 0;
                else if (!inword) { inword = 1; w++; }
            }
        }
        off_t end = lseek(fd, 0, SEEK_CUR);
        off_t size = lseek(fd, 0, SEEK_END);
        printf("%7ld %7ld %7ld %s%s\n", l, w, c, argv[i],
               (end == c && size == c && st.st_size == c) ? "" : " (size mismatch)");
        close(fd);
        tl += l; tw += w; tc += c;
    }
    if (argc > 2) printf("%7ld %7ld %7ld total\n", tl, tw, tc);
    return 0;
}
