/* Ledger storage: a realistic sample for the C definitions query. */
#include <stdlib.h>
#include <string.h>

#define LEDGER_MAX 1000
#define LEDGER_MIN(a, b) ((a) < (b) ? (a) : (b))

typedef enum { LEVEL_DEBUG = 10, LEVEL_INFO } level_t;

struct entry {
    char *key;
    void *value;
    struct entry *next;
};

typedef struct ledger {
    struct entry *head;
    size_t count, capacity;
    char name[32];
} ledger_t;

typedef int (*visit_fn)(const struct entry *e, void *ctx);

static const char *default_name = "main";
int ledger_debug;

ledger_t *ledger_new(const char *name);
int ledger_log(ledger_t *l, const char *fmt, ...);
void ledger_free(ledger_t *);

ledger_t *ledger_new(const char *name)
{
    ledger_t *l = calloc(1, sizeof *l);
    /* the name is truncated, never overflowed */
    strncpy(l->name, name ? name : default_name, sizeof l->name - 1);
    return l;
}

size_t ledger_append(ledger_t *l, struct entry *e)
{
    e->next = l->head; // newest first
    l->head = e;
    return ++l->count;
}

int ledger_each(ledger_t *l, visit_fn visit, void *ctx)
{
    for (struct entry *e = l->head; e; e = e->next) {
        int rc = visit(e, ctx);
        if (rc != 0)
            return rc;
    }
    return 0;
}

void ledger_free(ledger_t *l)
{
    free(l);
}
