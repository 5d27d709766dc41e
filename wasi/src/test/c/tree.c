/*
 * tree: walks a directory tree in sorted order printing type and size, then works on it: creates
 * directories and files, writes with pwrite/append, truncates, renames, links, makes and reads a symlink,
 * sets times, deletes, and walks again. Prints only facts that do not depend on the host (no inodes, no
 * times), so two runtimes must print the same.
 * usage: tree DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/time.h>

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void walk(const char *path, int depth) {
    DIR *d = opendir(path);
    if (!d) { printf("%*sopendir %s failed: %s\n", depth * 2, "", path, strerror(errno)); return; }
    char *names[256];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 256) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp);
    for (int i = 0; i < n; i++) {
        char child[1024];
        snprintf(child, sizeof child, "%s/%s", path, names[i]);
        struct stat st;
        if (lstat(child, &st) != 0) { printf("%*s%s: lstat failed\n", depth * 2, "", names[i]); continue; }
        if (S_ISDIR(st.st_mode)) {
            printf("%*s%s/\n", depth * 2, "", names[i]);
            walk(child, depth + 1);
        } else if (S_ISLNK(st.st_mode)) {
            char target[256];
            ssize_t len = readlink(child, target, sizeof target - 1);
            target[len < 0 ? 0 : len] = 0;
            printf("%*s%s -> %s\n", depth * 2, "", names[i], target);
        } else {
            printf("%*s%s (%lld bytes, %s)\n", depth * 2, "", names[i], (long long)st.st_size,
                   st.st_nlink > 1 ? "linked" : "single");
        }
        free(names[i]);
    }
}

static void check(const char *what, int ok) { printf("%s: %s\n", what, ok ? "ok" : strerror(errno)); }

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: tree DIR\n"); return 2; }
    const char *root = argv[1];
    char p[1024], q[1024];
    printf("== before\n");
    walk(root, 0);

    snprintf(p, sizeof p, "%s/work", root);
    check("mkdir work", mkdir(p, 0755) == 0);
    check("mkdir work again", mkdir(p, 0755) == 0);
    snprintf(p, sizeof p, "%s/work/deep", root);
    check("mkdir work/deep", mkdir(p, 0755) == 0);

    snprintf(p, sizeof p, "%s/work/notes.txt", root);
    int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    check("create notes", fd >= 0);
    check("write", write(fd, "hello, tree\n", 12) == 12);
    check("pwrite", pwrite(fd, "HELLO", 5, 0) == 5);
    check("fsync", fsync(fd) == 0);
    check("fdatasync", fdatasync(fd) == 0);
    check("posix_fallocate", posix_fallocate(fd, 0, 64) == 0);
    check("ftruncate", ftruncate(fd, 20) == 0);
    check("posix_fadvise", posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL) == 0);
    close(fd);

    fd = open(p, O_WRONLY | O_APPEND);
    check("open append", fd >= 0);
    check("append", write(fd, "tail\n", 5) == 5);
    close(fd);

    fd = open(p, O_RDONLY);
    char buf[64] = {0};
    check("pread", pread(fd, buf, 5, 0) == 5);
    printf("pread got: %.5s\n", buf);
    check("lseek", lseek(fd, 20, SEEK_SET) == 20);
    memset(buf, 0, sizeof buf);
    check("read tail", read(fd, buf, sizeof buf) == 5);
    printf("tail got: %s", buf);
    struct stat st;
    check("fstat", fstat(fd, &st) == 0);
    printf("size now %lld\n", (long long)st.st_size);
    close(fd);

    struct timespec times[2] = {{1000000000, 0}, {1200000000, 500}};
    check("utimensat", utimensat(AT_FDCWD, p, times, 0) == 0);
    check("stat after utimensat", stat(p, &st) == 0 && st.st_mtim.tv_sec == 1200000000);

    snprintf(q, sizeof q, "%s/work/deep/moved.txt", root);
    check("rename into deep", rename(p, q) == 0);
    snprintf(p, sizeof p, "%s/work/hardlink.txt", root);
    check("link", link(q, p) == 0);
    /* At the top level: Node's uvwasi resolves symlink targets against the preopen, not the link's directory. */
    snprintf(p, sizeof p, "%s/link-to-moved", root);
    check("symlink", symlink("work/deep/moved.txt", p) == 0);
    /* Following the link is unit-tested: Node 20's uvwasi fails stat() through a relative symlink (ENOENT). */
    snprintf(p, sizeof p, "%s/work/nonexistent/x", root);
    check("open missing parent", open(p, O_RDONLY) >= 0);
    snprintf(p, sizeof p, "%s/work", root);
    check("rmdir nonempty", rmdir(p) == 0);

    printf("== middle\n");
    walk(root, 0);

    snprintf(p, sizeof p, "%s/work/hardlink.txt", root);
    check("unlink hardlink", unlink(p) == 0);
    snprintf(p, sizeof p, "%s/link-to-moved", root);
    check("unlink symlink", unlink(p) == 0);
    check("unlink deep/moved", unlink(q) == 0);
    check("unlink again", unlink(q) == 0);
    snprintf(p, sizeof p, "%s/work/deep", root);
    check("rmdir deep", rmdir(p) == 0);
    snprintf(p, sizeof p, "%s/work", root);
    snprintf(q, sizeof q, "%s/done", root);
    check("rename dir", rename(p, q) == 0);

    printf("== after\n");
    walk(root, 0);
    return 0;
}
