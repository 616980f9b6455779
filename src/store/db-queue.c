/*
 * db-queue.c: writers take the write lock in the order they asked for it.
 *
 * SQLite has no blocking wait for its write lock: a writer that finds it
 * taken polls (busy_wait in db-conn.c), and whoever polls just after it
 * comes free wins. Among several waiters the order is then random, and a
 * process committing back to back retakes the lock before anyone wakes:
 * with eight coders' processes committing at once, the p99 of the turns a
 * commit waited was 45 to 55 (7 is first come, first served), its latency
 * 120-190 ms and the slowest 0.3-0.7 s, while the median was 8 ms.
 *
 * So waiters say how long they have waited. A waiter holds a shared lock
 * on the bytes [base, base + level] of a range, its level growing with its
 * wait (a millisecond a level for the first QUEUE_FINE, then QUEUE_COARSE
 * ms, up to QUEUE_LEVELS - 1), and tries the write lock only when no other
 * process holds a byte above its level: when nobody has waited longer. A
 * process starting an action while anyone waits joins them instead of
 * trying at once. The oldest waiter goes next, give or take a level. When
 * nobody waits the cost is one fcntl per action.
 *
 * The locks are open-file-description locks (F_OFD_SETLK) on the project's
 * directory, not on the project file: closing any descriptor of a file
 * drops every POSIX lock the process holds on it, SQLite's included
 * [SQLITE-CORRUPT], and SQLite's descriptors are not ours to use. base
 * comes from the file's device and inode, so projects in one directory
 * queue apart (a collision only makes a writer defer for nothing, briefly).
 * OFD locks go with the process, so a crashed waiter leaves nothing behind;
 * a stopped one keeps its level, and the others pass it once they reach
 * that level (after 1,072 ms at most; so does anyone who holds the bytes
 * for spite). Where the directory cannot be opened or locked (not Linux,
 * some network file systems), writers poll unordered as before.
 */
#define _GNU_SOURCE		/* F_OFD_SETLK */
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "store/db-int.h"

#define QUEUE_LEVELS 128
#define QUEUE_FINE 64		/* levels of a millisecond; then of QUEUE_COARSE */
#define QUEUE_COARSE 16		/* so the last is reached after 1,072 ms */
#define QUEUE_OFFSET ((off_t)1 << 40)	/* far from any byte a locker of
					 * directories might use */

/* A project's queue; see above. */
struct db_queue {
	int fd;			/* the project's directory */
	off_t base;		/* first byte of this project's range */
	int level;		/* bytes [base, base + level] held; -1: none */
	bool active;		/* between db_queue_enter and db_queue_leave */
};

#ifdef F_OFD_SETLK
/* fcntl on [start, start + len): 0 or -1; F_OFD_GETLK: 1 when another
 * open file description holds a lock there, else 0. */
static int
lock(int fd, int cmd, short type, off_t start, off_t len)
{
	struct flock fl;

	memset(&fl, 0, sizeof fl);	/* l_pid must be 0 for OFD locks */
	fl.l_type = type;
	fl.l_whence = SEEK_SET;
	fl.l_start = start;
	fl.l_len = len;
	if (fcntl(fd, cmd, &fl) != 0)
		return -1;
	return cmd == F_OFD_GETLK ? fl.l_type != F_UNLCK : 0;
}
#endif

void
db_queue_open(struct project *p)
{
#ifdef F_OFD_SETLK
	char *dir = xstrdup(p->path);
	struct stat sb;
	uint64_t h;
	int fd = -1;

	if (stat(p->path, &sb) == 0)
		fd = open(dirname(dir), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (fd < 0)
		return;
	h = ((uint64_t)sb.st_dev * 0x9e3779b97f4a7c15u) ^ (uint64_t)sb.st_ino;
	p->queue = xcalloc(1, sizeof *p->queue);
	p->queue->fd = fd;
	p->queue->base = QUEUE_OFFSET + (off_t)(h % (1u << 24)) * QUEUE_LEVELS;
	p->queue->level = -1;
	/* one probe: a file system that cannot lock means no queue */
	if (lock(fd, F_OFD_GETLK, F_WRLCK, p->queue->base, QUEUE_LEVELS) < 0)
		db_queue_close(p);
#else
	(void)p;
#endif
}

void
db_queue_close(struct project *p)
{
	if (p->queue == NULL)
		return;
	close(p->queue->fd);
	free(p->queue);
	p->queue = NULL;
}

void
db_queue_enter(struct project *p)
{
	p->busy_since = clock_ns();
	if (p->queue != NULL)
		p->queue->active = true;
}

bool
db_queue_active(const struct project *p)
{
	return p->queue != NULL && p->queue->active;
}

bool
db_queue_turn(struct project *p, bool busy)
{
#ifdef F_OFD_SETLK
	struct db_queue *q = p->queue;
	uint64_t ms = (clock_ns() - p->busy_since) / 1000000u;
	int level = QUEUE_LEVELS - 1;

	if (ms < QUEUE_FINE)
		level = (int)ms;
	else if ((ms - QUEUE_FINE) / QUEUE_COARSE < QUEUE_LEVELS - QUEUE_FINE)
		level = QUEUE_FINE + (int)((ms - QUEUE_FINE) / QUEUE_COARSE);

	if (q == NULL || !q->active)
		return true;
	if (!busy && q->level < 0 && lock(q->fd, F_OFD_GETLK, F_WRLCK, q->base,
	    QUEUE_LEVELS) == 0)
		return true;	/* nobody waits */
	if (level > q->level && lock(q->fd, F_OFD_SETLK, F_RDLCK, q->base,
	    level + 1) == 0)
		q->level = level;
	if (q->level < 0 || q->level == QUEUE_LEVELS - 1)
		return true;	/* cannot queue, or among the longest waiting */
	return lock(q->fd, F_OFD_GETLK, F_WRLCK, q->base + q->level + 1,
	    QUEUE_LEVELS - q->level - 1) != 1;
#else
	(void)p;
	(void)busy;
	return true;
#endif
}

void
db_queue_leave(struct project *p)
{
	struct db_queue *q = p->queue;

	if (q == NULL)
		return;
#ifdef F_OFD_SETLK
	if (q->level >= 0)
		lock(q->fd, F_OFD_SETLK, F_UNLCK, q->base, QUEUE_LEVELS);
#endif
	q->level = -1;
	q->active = false;
}
