/*
 * The floor for trustdata's benchmark: what the two C libraries the pipeline is built on can do on
 * their own, with no application work at all.
 *
 *   floor csv FILE...                 libcsv parses every file with no-op callbacks (1 MiB reads)
 *   floor xlsx CELLS BOOKS OUTDIR     libxlsxwriter writes CELLS cells, spread over BOOKS workbooks,
 *                                     in constant-memory mode (one thread): a third strings, the rest
 *                                     numbers with a number format, 12 columns a row
 *   floor run CELLS BOOKS OUTDIR FILE...
 *                                     both in one process, one after the other: the floor of a whole
 *                                     run, timed as a process against trustdata's (Benchmarks/bench.py)
 *
 * Prints one JSON line per part: {"kind":..., "bytes":..., "rows":..., "cells":..., "seconds":...}.
 * Built by Benchmarks/run.sh:  cc -O2 -o floor floor.c -lcsv $(pkg-config --cflags --libs xlsxwriter)
 */
#include <csv.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void on_field(void *s, size_t n, void *data) { (void)s; (void)n; (void)data; }
static void on_row(int c, void *data) { (void)c; (*(long *)data)++; }

static int floor_csv(int argc, char **argv) {
    static char buf[1 << 20];
    long rows = 0, bytes = 0;
    double start = now();
    for (int i = 0; i < argc; i++) {
        struct csv_parser p;
        csv_init(&p, CSV_APPEND_NULL);
        int fd = open(argv[i], O_RDONLY);
        if (fd < 0) { perror(argv[i]); return 1; }
        ssize_t n;
        while ((n = read(fd, buf, sizeof buf)) > 0) {
            bytes += n;
            if (csv_parse(&p, buf, (size_t)n, on_field, on_row, &rows) != (size_t)n) {
                fprintf(stderr, "%s: %s\n", argv[i], csv_strerror(csv_error(&p)));
                return 1;
            }
        }
        csv_fini(&p, on_field, on_row, &rows);
        csv_free(&p);
        close(fd);
    }
    printf("{\"kind\":\"csv\",\"bytes\":%ld,\"rows\":%ld,\"seconds\":%.6f}\n", bytes, rows, now() - start);
    return 0;
}

static int floor_xlsx(long cells, int books, const char *dir) {
    static const char *words[] = {"Reading", "Writing", "Maths", "Disadvantaged", "Persistent absence", "All pupils"};
    double start = now();
    long written = 0;
    for (int b = 0; b < books; b++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/floor-%03d.xlsx", dir, b);
        lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
        lxw_workbook *wb = workbook_new_opt(path, &options);
        lxw_worksheet *ws = workbook_add_worksheet(wb, "Sheet1");
        lxw_format *pct = workbook_add_format(wb);
        format_set_num_format(pct, "0.0%");
        long share = cells / books + (b < cells % books ? 1 : 0);
        for (long k = 0; k < share; k++, written++) {
            lxw_row_t row = (lxw_row_t)(k / 12);
            lxw_col_t col = (lxw_col_t)(k % 12);
            if (col % 3 == 0) worksheet_write_string(ws, row, col, words[k % 6], NULL);
            else worksheet_write_number(ws, row, col, (double)(k % 1000) / 1000.0, pct);
        }
        if (workbook_close(wb) != LXW_NO_ERROR) { fprintf(stderr, "cannot write %s\n", path); return 1; }
    }
    printf("{\"kind\":\"xlsx\",\"cells\":%ld,\"books\":%d,\"seconds\":%.6f}\n", written, books, now() - start);
    return 0;
}

int main(int argc, char **argv) {
    if (argc >= 3 && strcmp(argv[1], "csv") == 0) return floor_csv(argc - 2, argv + 2);
    if (argc == 5 && strcmp(argv[1], "xlsx") == 0) return floor_xlsx(atol(argv[2]), atoi(argv[3]), argv[4]);
    if (argc >= 6 && strcmp(argv[1], "run") == 0) {
        int failed = floor_csv(argc - 5, argv + 5);
        fflush(stdout);
        return failed ? failed : floor_xlsx(atol(argv[2]), atoi(argv[3]), argv[4]);
    }
    fprintf(stderr, "usage: floor csv FILE... | floor xlsx CELLS BOOKS OUTDIR | floor run CELLS BOOKS OUTDIR FILE...\n");
    return 2;
}
