/* Input header for jextract: the POSIX calls and constants Gatun's linear memory uses (Linux glibc). */
#include <errno.h>
#include <sys/mman.h>
#include <unistd.h>
