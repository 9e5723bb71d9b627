/* Lua modules carried inside the executable (see bundle.lua). */
#ifndef BUNDLE_H
#define BUNDLE_H
#include <stddef.h>

struct bundled_module {
  const char *name;          /* as require() names it  */
  const unsigned char *code; /* its Lua source         */
  size_t len;
};

extern const struct bundled_module bundled_modules[]; /* NULL-terminated */

#endif
