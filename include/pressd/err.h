/* err.h - error values every pressd function returns (never prints, never exits). */
#ifndef PRESSD_ERR_H
#define PRESSD_ERR_H

enum pd_err {
	PD_OK = 0,
	PD_ENOMEM = -1,   /* allocation failed */
	PD_ELIMIT = -2,   /* a bounded buffer or input limit would be exceeded */
	PD_EDB = -3,      /* SQLite reported an error */
	PD_EINVAL = -4,   /* malformed input */
	PD_ENOTFOUND = -5,/* the thing asked for does not exist */
	PD_EIO = -6,      /* file or socket error */
};

/* Short English description of an error value, for logs and the CLI. */
const char *pd_strerror(int err);

#endif
