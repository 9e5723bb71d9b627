# logonerr: build, test, install.  Every knob can be overridden:
#   make LUA_VERSION=5.3 CC=clang PREFIX=/usr/local DESTDIR=/tmp/stage
LUA_VERSION ?= 5.4
LUA ?= lua$(LUA_VERSION)
LUA_INCDIR ?= /usr/include/lua$(LUA_VERSION)
PREFIX ?= /usr/local
DESTDIR ?=
LUA_LIBDIR ?= $(PREFIX)/lib/lua/$(LUA_VERSION)
LUA_SHAREDIR ?= $(PREFIX)/share/lua/$(LUA_VERSION)
BINDIR ?= $(PREFIX)/bin

CC ?= cc
CFLAGS ?= -O2
WARN ?= -std=c99 -pedantic -Wall -Wextra -Werror -Wmissing-prototypes \
        -Wshadow -Wconversion
LIBFLAG ?= -shared
# No -llua: the interpreter that loads the module already exports the API.
ALL_CFLAGS = $(WARN) $(CFLAGS) -fPIC -fvisibility=hidden -I$(LUA_INCDIR)

CORE_SRC = csrc/catalog.c csrc/lookup.c csrc/parse.c csrc/format.c \
           csrc/search.c csrc/scan.c
SRC = $(CORE_SRC) csrc/lcore.c
HDR = csrc/logonerr.h csrc/catalog.h
LUA_SRC = $(wildcard lua/logonerr/*.lua)
BUSTED ?= busted

.PHONY: all test deps install uninstall clean check-rock bench-scan

all: logonerr/core.so

logonerr/core.so: $(SRC) $(HDR)
	@mkdir -p logonerr
	$(CC) $(ALL_CFLAGS) $(LIBFLAG) -o $@ $(SRC) $(LDFLAGS)

# Installs what the tests need on Debian when it is missing (as root).
deps:
	@sh .ci/deps

test: deps all
	$(BUSTED) --lua=$(LUA) .

install: all
	install -D -m 755 logonerr/core.so $(DESTDIR)$(LUA_LIBDIR)/logonerr/core.so
	for f in $(LUA_SRC); do \
	  install -D -m 644 $$f $(DESTDIR)$(LUA_SHAREDIR)/logonerr/$$(basename $$f); \
	done
	sed '1s|.*|#!/usr/bin/env $(LUA)|' bin/logonerr > logonerr/logonerr.bin
	install -D -m 755 logonerr/logonerr.bin $(DESTDIR)$(BINDIR)/logonerr

uninstall:
	rm -rf $(DESTDIR)$(LUA_LIBDIR)/logonerr $(DESTDIR)$(LUA_SHAREDIR)/logonerr
	rm -f $(DESTDIR)$(BINDIR)/logonerr

# Scanning speed against grep, a plain Lua scanner and wc -l, on a
# generated log of SIZE megabytes (kept in $TMPDIR or /tmp for reruns).
SIZE ?= 256
bench-scan: deps all
	$(LUA) bench/scan.lua $(SIZE)

# luarocks make into a throwaway tree, then require from it.
check-rock:
	sh .ci/check-rock $(LUA_VERSION)

clean:
	rm -rf logonerr build
