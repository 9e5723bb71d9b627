/*
 * Internal to the Lua binding (lcore.c, lentry.c, lscan.c), defined in
 * lbind.c: Lua-version shims, the export macro, and the per-state tables
 * every binding function reaches as upvalues, so that the binding keeps no
 * state of its own in C.  It depends on no other binding file.
 */
#ifndef LOGONERR_LBIND_H
#define LOGONERR_LBIND_H

/* The export macro and the Lua 5.1 shims, shared with the events modules. */
#include "lcompat.h"
#include "logonerr.h"

/* The upvalues of every binding function, tables made by luaopen. */
#define ENTRIES lua_upvalueindex(1) /* catalogue index (1-based) -> entry   */
#define FAST lua_upvalueindex(2)    /* usual spellings of a code -> entry   */
#define INDEX lua_upvalueindex(3)   /* entry -> catalogue index             */
#define DATA lua_upvalueindex(4)    /* catalogue index -> the entry's fields */
#define SHOWN lua_upvalueindex(5)   /* read-only view -> the table it shows  */
#define NUPVALUES 5

/* Push the NUPVALUES tables (for closures made after luaopen). */
void lbind_push_upvalues(lua_State *L);

/* Integers as integers where Lua has them (5.3+), else as numbers. */
void lbind_push_int(lua_State *L, int64_t v);
void lbind_push_hex(lua_State *L, uint32_t v);
/* The object of a catalogue entry. */
void lbind_push_entry(lua_State *L, const logonerr_entry *e);

#endif
