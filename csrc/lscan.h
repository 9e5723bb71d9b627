/*
 * lscan.c: the scanner class and the functions that make scanners.
 */
#ifndef LOGONERR_LSCAN_H
#define LOGONERR_LSCAN_H

#include "lbind.h"

extern const luaL_Reg lscan_funcs[];
void lscan_open(lua_State *L);

#endif
