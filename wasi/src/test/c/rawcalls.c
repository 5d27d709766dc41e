/*
 * rawcalls: calls the preview1 functions libc rarely reaches, directly through <wasi/api.h>, and prints
 * each errno (by WASI name) and the deterministic part of each result.
 * usage: rawcalls DIR   (DIR: a guest path under a preopen, used as scratch)
 */
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <stdlib.h>
#include <wasi/api.h>

static void show(const char *what, __wasi_errno_t e) { printf("%-34s errno %u\n", what, (unsigned)e); }

int main(int argc, char **argv) {
    if (argc != 2) return 2;
    char path[512];
    snprintf(path, sizeof path, "%s/raw.txt", argv[1]);
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) { perror("open"); return 1; }
    write(fd, "0123456789", 10);

    __wasi_filesize_t pos = 99;
    show("fd_tell", __wasi_fd_tell(fd, &pos));
    printf("  offset %llu\n", (unsigned long long)pos);

    __wasi_fdstat_t st;
    show("fd_fdstat_get", __wasi_fd_fdstat_get(fd, &st));
    /* fs_flags not printed: Node 20 reports host open(2) bits there (O_RDWR, O_LARGEFILE) and misses a
       later APPEND; Gatun's flags are unit-tested. The write offset below shows APPEND took effect. */
    printf("  filetype %u can-write %d\n", st.fs_filetype,
           (st.fs_rights_base & __WASI_RIGHTS_FD_WRITE) != 0);
    show("fd_fdstat_set_flags APPEND", __wasi_fd_fdstat_set_flags(fd, __WASI_FDFLAGS_APPEND));
    __wasi_ciovec_t iov = {(const uint8_t *)"AB", 2};
    __wasi_size_t n = 0;
    (void)__wasi_fd_seek(fd, 0, __WASI_WHENCE_SET, &pos);
    show("fd_write with APPEND", __wasi_fd_write(fd, &iov, 1, &n));
    (void)__wasi_fd_tell(fd, &pos);
    printf("  wrote %lu, offset %llu\n", (unsigned long)n, (unsigned long long)pos);

    show("fd_fdstat_set_rights drop write", __wasi_fd_fdstat_set_rights(fd, st.fs_rights_base & ~__WASI_RIGHTS_FD_WRITE, 0));
    show("fd_write without the right", __wasi_fd_write(fd, &iov, 1, &n));

    int fd2 = open(path, O_RDONLY);
    show("fd_renumber", __wasi_fd_renumber(fd2, fd));
    char buf[16] = {0};
    __wasi_iovec_t riov = {(uint8_t *)buf, 12};
    show("fd_pread after renumber", __wasi_fd_pread(fd, &riov, 1, 0, &n));
    printf("  read %lu: %s\n", (unsigned long)n, buf);
    show("fd_close renumbered-away fd", __wasi_fd_close(fd2));
    show("fd_close bad fd", __wasi_fd_close(1234));

    show("fd_filestat_set_times", __wasi_fd_filestat_set_times(fd, 0, 1234567890000000000ull, __WASI_FSTFLAGS_MTIM));
    __wasi_filestat_t fs;
    show("fd_filestat_get", __wasi_fd_filestat_get(fd, &fs));
    printf("  size %llu mtim %llu type %u\n", (unsigned long long)fs.size, (unsigned long long)fs.mtim, fs.filetype);

    __wasi_prestat_t pre;
    /* Not here: prestat_get and readdir on a regular file, where Node answers EINVAL/ENOTCAPABLE and Gatun,
       like wasmtime, EBADF/ENOTDIR (wasi-libc's preopen scan stops only on EBADF). Unit-tested instead. */
    show("fd_prestat_get on fd 3", __wasi_fd_prestat_get(3, &pre));
    printf("  name length %lu\n", (unsigned long)pre.u.dir.pr_name_len);

    show("path_open missing", __wasi_path_open(3, 0, "does/not/exist", 0, 0, 0, 0, (__wasi_fd_t *)&n));
    show("path_open escape", __wasi_path_open(3, 0, "../escape.txt", 0, 0, 0, 0, (__wasi_fd_t *)&n));
    show("path_create_directory exists", __wasi_path_create_directory(3, "."));
    show("sched_yield", __wasi_sched_yield());
    show("clock_time_get bad clock", __wasi_clock_time_get(99, 0, &pos));
    show("fd_advise bad advice", __wasi_fd_advise(fd, 0, 0, 77));
    show("fd_seek bad whence", __wasi_fd_seek(fd, 0, 9, &pos));
    show("fd_read on a directory", __wasi_fd_read(3, &riov, 1, &n));
    /* proc_raise and the sock_* calls on a valid fd are unit-tested only: Node 20 disables proc_raise
       (ENOSYS) and answers ENOTCAPABLE for sockets on files, where Gatun applies the signal's default
       action and answers ENOTSOCK (as wasmtime) as it has no sockets. */
    show("sock_shutdown bad fd", __wasi_sock_shutdown(999, __WASI_SDFLAGS_WR));
    const char *greeting = getenv("GREETING");
    printf("GREETING=%s, HOME %s\n", greeting ? greeting : "(unset)", getenv("HOME") ? "set" : "unset");
    show("fd_close", __wasi_fd_close(fd));
    return 0;
}
