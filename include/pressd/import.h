/* import.h - WXR import into the store (see server/import.c). */
#ifndef PRESSD_IMPORT_H
#define PRESSD_IMPORT_H

struct store;

/* Installs an empty site at url and imports the demo content shipped with pressd. */
int import_demo(struct store *st, const char *url);

#endif
