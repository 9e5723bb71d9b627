/*
 * lentry.c: entry objects, read-only views and the module's tables.
 */
#ifndef LOGONERR_LENTRY_H
#define LOGONERR_LENTRY_H

#include "lbind.h"

/* Fills the upvalue tables and the module (at index module). */
void lentry_open(lua_State *L, int module);

#endif
