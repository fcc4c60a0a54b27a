/* err.c - names of pd_err values. */
#include "pressd/err.h"

const char *pd_strerror(int err)
{
	switch (err) {
	case PD_OK: return "success";
	case PD_ENOMEM: return "out of memory";
	case PD_ELIMIT: return "size limit exceeded";
	case PD_EDB: return "database error";
	case PD_EINVAL: return "invalid input";
	case PD_ENOTFOUND: return "not found";
	case PD_EIO: return "input/output error";
	}
	return "unknown error";
}
