/* buf.h - bounded, growable byte buffers (after curl's dynbuf).
 *
 * A buffer knows its maximum size; an append that would exceed it fails with
 * PD_ELIMIT and leaves the buffer as it was. The contents are always
 * NUL-terminated (data[len] == 0) once anything was appended. The buffer owns
 * its memory: buf_free() releases it, buf_take() hands it to the caller. */
#ifndef PRESSD_BUF_H
#define PRESSD_BUF_H

#include <stddef.h>
#include <stdarg.h>

struct buf {
	char *data;   /* heap memory, NUL-terminated after the first append; NULL while empty */
	size_t len;   /* bytes in use, excluding the terminating NUL */
	size_t cap;   /* bytes allocated */
	size_t max;   /* hard limit on len; 0 means BUF_DEFAULT_MAX */
};

#define BUF_DEFAULT_MAX ((size_t)64 << 20) /* 64 MiB: larger than any response */
#define BUF_INIT { NULL, 0, 0, 0 }

void buf_init(struct buf *b, size_t max);
void buf_free(struct buf *b);            /* releases memory; buffer is empty and reusable */
void buf_reset(struct buf *b);           /* len = 0, memory kept */
char *buf_take(struct buf *b);           /* caller frees the returned string (never NULL on success; "" if empty); b is reset */

int buf_append(struct buf *b, const void *p, size_t n);  /* PD_OK, PD_ENOMEM, PD_ELIMIT */
/* Makes room for n more bytes and the NUL (data[len .. len+n] writable)
 * without changing the contents: PD_OK, PD_ENOMEM, PD_ELIMIT. */
int buf_reserve(struct buf *b, size_t n);
int buf_puts(struct buf *b, const char *s);
int buf_putc(struct buf *b, char c);
int buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int buf_vprintf(struct buf *b, const char *fmt, va_list ap);

/* The contents as a C string: "" when nothing was appended. Borrowed. */
static inline const char *buf_str(const struct buf *b) { return b->data ? b->data : ""; }

#endif
