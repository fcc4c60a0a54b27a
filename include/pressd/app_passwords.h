/* app_passwords.h - the handlers and permission callbacks of
 * /wp/v2/users/<id|me>/application-passwords (WP_REST_Application_Passwords_Controller),
 * named by the route table (server/routes.c). */
#ifndef PRESSD_APP_PASSWORDS_H
#define PRESSD_APP_PASSWORDS_H

#include "pressd/rest.h"

int app_passwords_list(struct request *req, struct response *res);
int app_passwords_list_permission(struct request *req, struct response *res);
int app_passwords_create(struct request *req, struct response *res);
int app_passwords_create_permission(struct request *req, struct response *res);
int app_passwords_delete_all(struct request *req, struct response *res);
int app_passwords_delete_all_permission(struct request *req, struct response *res);
int app_passwords_get_item(struct request *req, struct response *res);
int app_passwords_read_permission(struct request *req, struct response *res);
int app_passwords_update(struct request *req, struct response *res);
int app_passwords_edit_permission(struct request *req, struct response *res);
int app_passwords_delete(struct request *req, struct response *res);
int app_passwords_delete_permission(struct request *req, struct response *res);
int app_passwords_introspect(struct request *req, struct response *res);
int app_passwords_introspect_permission(struct request *req, struct response *res);

#endif
