/*
 * A scripted SQLite workload (the SQLite amalgamation, public domain, see README.md): an in-memory
 * database filled with generated rows, then indexed lookups, joins, aggregates, sorting, updates, deletes,
 * JSON, a recursive CTE and a full-text (FTS5) search. Every query's result is folded into a checksum and
 * the per-phase results are printed, so engines can be compared byte for byte.
 *
 * usage: workload [ROWS]   (default 40000)
 *
 * Built for wasm32-wasi with SQLITE_OS_OTHER: WASI has no locks, mmap or dlopen, so the unix VFS is left
 * out and the minimal VFS below supplies what an in-memory database needs (time, randomness, sleep; it
 * refuses to open files). Randomness is a fixed sequence, so runs are reproducible.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "sqlite3.h"

#ifdef SQLITE_OS_OTHER
static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static int vfsOpen(sqlite3_vfs *v, const char *name, sqlite3_file *f, int flags, int *out) {
    (void)v; (void)name; (void)f; (void)flags; (void)out;
    return SQLITE_CANTOPEN;
}
static int vfsDelete(sqlite3_vfs *v, const char *name, int sync) { (void)v; (void)name; (void)sync; return SQLITE_IOERR_DELETE; }
static int vfsAccess(sqlite3_vfs *v, const char *name, int flags, int *res) { (void)v; (void)name; (void)flags; *res = 0; return SQLITE_OK; }
static int vfsFullPathname(sqlite3_vfs *v, const char *name, int n, char *out) {
    (void)v; sqlite3_snprintf(n, out, "%s", name); return SQLITE_OK;
}
static int vfsRandomness(sqlite3_vfs *v, int n, char *out) {
    (void)v;
    for (int i = 0; i < n; i++) {
        rng_state ^= rng_state << 13; rng_state ^= rng_state >> 7; rng_state ^= rng_state << 17;
        out[i] = (char)rng_state;
    }
    return n;
}
static int vfsSleep(sqlite3_vfs *v, int us) { (void)v; return us; }
static int vfsCurrentTimeInt64(sqlite3_vfs *v, sqlite3_int64 *t) {
    (void)v;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    *t = (sqlite3_int64)210866760000000ll + (sqlite3_int64)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
    return SQLITE_OK;
}
static int vfsCurrentTime(sqlite3_vfs *v, double *t) {
    sqlite3_int64 i;
    vfsCurrentTimeInt64(v, &i);
    *t = i / 86400000.0;
    return SQLITE_OK;
}
static int vfsGetLastError(sqlite3_vfs *v, int n, char *out) { (void)v; (void)n; (void)out; return 0; }
static sqlite3_vfs memonly_vfs = {
    2, 0, 512, 0, "memonly", 0,
    vfsOpen, vfsDelete, vfsAccess, vfsFullPathname, 0, 0, 0, 0,
    vfsRandomness, vfsSleep, vfsCurrentTime, vfsGetLastError, vfsCurrentTimeInt64, 0, 0, 0,
};
int sqlite3_os_init(void) { return sqlite3_vfs_register(&memonly_vfs, 1); }
int sqlite3_os_end(void) { return SQLITE_OK; }
#endif

static sqlite3 *db;
static uint64_t checksum = 1469598103934665603ull;

static void fold(const char *s) {
    for (; *s; s++) checksum = (checksum ^ (unsigned char)*s) * 1099511628211ull;
    checksum = (checksum ^ 0xFF) * 1099511628211ull;
}

static void die(const char *what) {
    fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
    exit(1);
}

static void exec(const char *sql) {
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "%s\n  in: %s\n", err, sql);
        exit(1);
    }
}

/* Runs a query, folds every column of every row into the checksum; prints the row count, the checksum so
   far, and the first row (so a wrong answer shows where). */
static void query(const char *label, const char *sql) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) die(sql);
    int rows = 0, cols = sqlite3_column_count(st);
    char first[200] = "";
    while (sqlite3_step(st) == SQLITE_ROW) {
        for (int c = 0; c < cols; c++) {
            const unsigned char *t = sqlite3_column_text(st, c);
            fold(t ? (const char *)t : "NULL");
            if (rows == 0 && strlen(first) < 150) {
                strncat(first, c ? "|" : "", sizeof first - strlen(first) - 1);
                strncat(first, t ? (const char *)t : "NULL", 40);
            }
        }
        rows++;
    }
    sqlite3_finalize(st);
    printf("%-12s %7d rows  %016llx  %s\n", label, rows, (unsigned long long)checksum, first);
}

static uint32_t r = 12345;
static uint32_t next(void) { return (r = r * 1103515245u + 12345u) >> 8; }

static const char *words[] = {
    "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
    "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango",
    "uniform", "victor", "whiskey", "xray", "yankee", "zulu", "canal", "lock", "ship", "river",
};
#define NWORDS (int)(sizeof words / sizeof *words)

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 40000;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) die("open");
    exec("PRAGMA cache_size=-65536");
    exec("CREATE TABLE customer(id INTEGER PRIMARY KEY, name TEXT, city TEXT, score REAL, born INTEGER);"
         "CREATE TABLE orders(id INTEGER PRIMARY KEY, customer INTEGER, amount REAL, item TEXT, qty INTEGER, tags TEXT);"
         "CREATE VIRTUAL TABLE notes USING fts5(body);");

    sqlite3_stmt *ic, *io, *in;
    exec("BEGIN");
    if (sqlite3_prepare_v2(db, "INSERT INTO customer VALUES(?,?,?,?,?)", -1, &ic, NULL)) die("prepare");
    if (sqlite3_prepare_v2(db, "INSERT INTO orders VALUES(NULL,?,?,?,?,?)", -1, &io, NULL)) die("prepare");
    if (sqlite3_prepare_v2(db, "INSERT INTO notes VALUES(?)", -1, &in, NULL)) die("prepare");
    int customers = n / 8 + 1;
    for (int i = 1; i <= customers; i++) {
        char name[64];
        const char *first = words[next() % NWORDS], *last = words[next() % NWORDS]; /* one draw per statement: */
        snprintf(name, sizeof name, "%s %s-%u", first, last, next() % 1000);         /* argument order is unspecified */
        sqlite3_bind_int(ic, 1, i);
        sqlite3_bind_text(ic, 2, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ic, 3, words[next() % 12], -1, SQLITE_STATIC);
        sqlite3_bind_double(ic, 4, (next() % 100000) / 100.0);
        sqlite3_bind_int(ic, 5, 1940 + next() % 70);
        if (sqlite3_step(ic) != SQLITE_DONE) die("insert customer");
        sqlite3_reset(ic);
    }
    for (int i = 0; i < n; i++) {
        char tags[96];
        const char *w = words[next() % NWORDS];
        unsigned tn = next() % 50, f0 = next() % 10, f1 = next() % 10;
        snprintf(tags, sizeof tags, "{\"w\":\"%s\",\"n\":%u,\"f\":[%u,%u]}", w, tn, f0, f1);
        sqlite3_bind_int(io, 1, 1 + next() % customers);
        sqlite3_bind_double(io, 2, (next() % 1000000) / 100.0);
        sqlite3_bind_text(io, 3, words[next() % NWORDS], -1, SQLITE_STATIC);
        sqlite3_bind_int(io, 4, 1 + next() % 20);
        sqlite3_bind_text(io, 5, tags, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(io) != SQLITE_DONE) die("insert order");
        sqlite3_reset(io);
        if (i % 4 == 0) {
            char body[256];
            int len = 0, k = 8 + next() % 16;
            for (int j = 0; j < k; j++) len += snprintf(body + len, sizeof body - len, "%s%s", j ? " " : "", words[next() % NWORDS]);
            sqlite3_bind_text(in, 1, body, -1, SQLITE_TRANSIENT);
            if (sqlite3_step(in) != SQLITE_DONE) die("insert note");
            sqlite3_reset(in);
        }
    }
    sqlite3_finalize(ic); sqlite3_finalize(io); sqlite3_finalize(in);
    exec("COMMIT");
    query("count", "SELECT count(*), sum(qty), round(sum(amount), 2) FROM orders");

    exec("CREATE INDEX orders_customer ON orders(customer); CREATE INDEX orders_item ON orders(item, amount);"
         "CREATE INDEX customer_city ON customer(city, score)");
    query("group", "SELECT item, count(*), round(avg(amount), 4), max(qty) FROM orders GROUP BY item ORDER BY item");
    query("join", "SELECT c.city, count(*), round(sum(o.amount * o.qty), 2) FROM customer c JOIN orders o ON o.customer = c.id"
                  " GROUP BY c.city ORDER BY 3 DESC");
    query("top", "SELECT c.name, round(sum(o.amount), 2) AS total FROM orders o JOIN customer c ON c.id = o.customer"
                 " GROUP BY c.id ORDER BY total DESC, c.id LIMIT 50");
    query("lookup", "SELECT o.id, o.amount FROM orders o WHERE o.item = 'canal' AND o.amount BETWEEN 1000 AND 1200 ORDER BY o.amount, o.id");
    query("like", "SELECT count(*) FROM customer WHERE name LIKE '%ta%o%' OR name GLOB '*[0-9][0-9]7'");
    query("sort", "SELECT id, amount, item FROM orders ORDER BY item DESC, amount, id LIMIT 100 OFFSET 2000");
    query("window", "SELECT customer, amount, rank() OVER (PARTITION BY customer ORDER BY amount DESC) AS rk"
                    " FROM orders WHERE customer % 97 = 3 ORDER BY customer, rk, amount");
    query("json", "SELECT json_extract(tags, '$.w') AS w, sum(json_extract(tags, '$.n')), count(*)"
                  " FROM orders GROUP BY w ORDER BY w");
    query("cte", "WITH RECURSIVE seq(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM seq WHERE x < 20000)"
                 " SELECT count(*), sum(x * x % 7919), group_concat(x, '') LIKE '%999%' FROM seq");
    query("fts", "SELECT count(*) FROM notes WHERE notes MATCH 'canal AND (lock OR ship) NOT zulu'");
    query("subquery", "SELECT city, (SELECT count(*) FROM orders WHERE customer IN (SELECT id FROM customer c2 WHERE c2.city = c.city))"
                      " FROM (SELECT DISTINCT city FROM customer) c ORDER BY city");
    query("printf", "SELECT printf('%08.3f|%-10s|%x', amount, item, qty * 4099) FROM orders WHERE id % 500 = 0");
    exec("BEGIN; UPDATE orders SET amount = amount * 1.07, qty = qty + 1 WHERE item IN ('alpha', 'lock', 'zulu');"
         "DELETE FROM orders WHERE amount < 500; DELETE FROM customer WHERE id NOT IN (SELECT customer FROM orders); COMMIT");
    query("after", "SELECT count(*), round(sum(amount), 2), (SELECT count(*) FROM customer) FROM orders");
    exec("VACUUM");
    query("check", "PRAGMA integrity_check");
    printf("checksum %016llx\n", (unsigned long long)checksum);
    sqlite3_close(db);
    return 0;
}
