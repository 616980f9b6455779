/*
 * db-conn.c: what every connection to a project gets, whether to its file
 * (project_open) or to the copy that replaces it (db-file.c): the SQL
 * function uuid() and the busy handler that waits for another coder's
 * write in this process's turn (db-queue.c), and the search index's
 * tokenizer (db-search.c); and which SQLite that is.
 */
#include <time.h>

#include "store/db-int.h"

static void
fill_uuid(char out[37])
{
	unsigned char r[16];
	static const char hex[] = "0123456789abcdef";
	int i, j = 0;

	sqlite3_randomness(sizeof r, r);
	r[6] = (unsigned char)((r[6] & 0x0f) | 0x40);
	r[8] = (unsigned char)((r[8] & 0x3f) | 0x80);
	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[j++] = '-';
		out[j++] = hex[r[i] >> 4];
		out[j++] = hex[r[i] & 15];
	}
	out[j] = '\0';
}

/* SQL function uuid(): a random (version 4) UUID in lower case. */
static void
sql_uuid(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char u[37];

	(void)argc;
	(void)argv;
	fill_uuid(u);
	sqlite3_result_text(ctx, u, 36, SQLITE_TRANSIENT);
}

/*
 * Waiting for another coder's write. SQLite's default handler sleeps in
 * growing steps up to 100 ms; a process committing back to back retakes the
 * lock within microseconds, so a waiter that polls that rarely can starve.
 * Poll every 0.1 to 1 ms (jittered, so two waiters do not march in step)
 * until the timeout. An action waiting for the write lock tries it only in
 * its turn (db-queue.c): four times as often when it is next, half as
 * often while others are ahead of it.
 */
static int
busy_wait(void *arg, int count)
{
	struct project *p = arg;
	struct timespec ts;
	bool turn;

	if (count == 0 && !db_queue_active(p))
		p->busy_since = clock_ns();
	turn = db_queue_turn(p, true);	/* say so before sleeping */
	do {
		if (clock_ns() - p->busy_since > (uint64_t)p->busy_ms * 1000000u)
			return 0;
		p->busy_jitter = p->busy_jitter * 1103515245u + 12345u;
		ts.tv_sec = 0;
		ts.tv_nsec = 100000 + (long)(p->busy_jitter % 900000);
		if (db_queue_active(p))
			ts.tv_nsec = turn ? ts.tv_nsec / 4 : ts.tv_nsec + 500000;
		nanosleep(&ts, NULL);
	} while (!(turn = db_queue_turn(p, true)));
	return 1;
}

bool
db_conn_wait(struct project *p)
{
	return busy_wait(p, -1) != 0;
}

void
db_conn_setup(struct project *p, sqlite3 *db)
{
	sqlite3_extended_result_codes(db, 0);
	sqlite3_create_function(db, "uuid", 0, SQLITE_UTF8, NULL, sql_uuid,
	    NULL, NULL);
	sqlite3_busy_handler(db, busy_wait, p);
	db_search_register(db);
}

const char *
project_sqlite_version(bool *ok)
{
	*ok = sqlite3_libversion_number() >= 3035000 &&
	    sqlite3_compileoption_used("ENABLE_FTS5");
	return sqlite3_libversion();
}
