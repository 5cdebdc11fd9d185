/*
 * A model of flash media whose flush is slow (an SD card or cheap eMMC, as in a village kiosk): every fsync and
 * fdatasync of the process first does the real one, then waits SLOW_FLUSH_US microseconds (default 2000).
 * For benchmarks only (bench/slow-flush/run.sh): LD_PRELOAD=slow-flush.so SLOW_FLUSH_US=2000 java ...
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static void wait_flush(void) {
    static long us = -1;
    if (us < 0) {
        const char *v = getenv("SLOW_FLUSH_US");
        us = v ? atol(v) : 2000;
    }
    struct timespec t = {us / 1000000, (us % 1000000) * 1000};
    while (nanosleep(&t, &t) != 0) {
    }
}

int fsync(int fd) {
    static int (*real)(int);
    if (!real) {
        real = (int (*)(int)) dlsym(RTLD_NEXT, "fsync");
    }
    int r = real(fd);
    wait_flush();
    return r;
}

int fdatasync(int fd) {
    static int (*real)(int);
    if (!real) {
        real = (int (*)(int)) dlsym(RTLD_NEXT, "fdatasync");
    }
    int r = real(fd);
    wait_flush();
    return r;
}
