/* cli.h - pressd's administrative subcommands. Each takes the arguments after
 * the subcommand name, prints errors to stderr and returns the exit status. */
#ifndef PRESSD_CLI_H
#define PRESSD_CLI_H

int cli_import(int argc, char **argv, const char *db_path);   /* pressd import FILE.xml */
int cli_user(int argc, char **argv, const char *db_path);     /* pressd user add|list ... */
int cli_option(int argc, char **argv, const char *db_path);   /* pressd option get|set ... */
int cli_install(int argc, char **argv, const char *db_path);  /* pressd install --url URL ... */

/* server/cli_auth.c */
int cli_auth_user(int argc, char **argv, const char *db_path);     /* pressd user list|password LOGIN */
int cli_app_password(int argc, char **argv, const char *db_path);  /* pressd app-password create|list */

#endif
