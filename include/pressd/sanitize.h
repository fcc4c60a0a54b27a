/* sanitize.h - WordPress's sanitizers for slugs and logins, byte for byte for
 * ASCII and already-encoded input (what WXR files carry). Not done: remove_accents(),
 * and mb_strtolower() beyond two-byte letters (Latin-1, Latin Extended-A, Greek,
 * Cyrillic, Armenian): other letters are percent-encoded as they are. */
#ifndef PRESSD_SANITIZE_H
#define PRESSD_SANITIZE_H

/* Mirrors sanitize_title($title, '', 'save') = sanitize_title_with_dashes(..., 'save').
 * Returns a malloc'd string ("" when nothing is left), NULL when out of memory. */
char *sanitize_title(const char *title);

/* Mirrors sanitize_user($username, $strict). Returns a malloc'd string or NULL. */
char *sanitize_user(const char *username, int strict);

#endif
