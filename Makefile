# logonerr: build, test, install.  Every knob can be overridden:
#   make LUA_VERSION=5.3 CC=clang PREFIX=/usr/local DESTDIR=/tmp/stage
# LUA_VERSION is 5.1, 5.2, 5.3, 5.4 or jit (LuaJIT 2.1).  Each version's
# module is built in its own directory, build/lua5.x or build/luajit.
LUA_VERSION ?= 5.4
ifeq ($(LUA_VERSION),jit)
LUA ?= luajit
LUA_INCDIR ?= /usr/include/luajit-2.1
LUA_TAG = luajit
LUA_ABI = 5.1
else
LUA ?= lua$(LUA_VERSION)
LUA_INCDIR ?= /usr/include/lua$(LUA_VERSION)
LUA_TAG = lua$(LUA_VERSION)
LUA_ABI = $(LUA_VERSION)
endif
LUA_VERSIONS = 5.1 5.2 5.3 5.4 jit
PREFIX ?= /usr/local
DESTDIR ?=
LUA_LIBDIR ?= $(PREFIX)/lib/lua/$(LUA_ABI)
LUA_SHAREDIR ?= $(PREFIX)/share/lua/$(LUA_ABI)
BINDIR ?= $(PREFIX)/bin
BUILD = build/$(LUA_TAG)
MODULE = $(BUILD)/logonerr/core.so

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

.PHONY: all test test-all deps install uninstall clean check-rock bench-scan

all: $(MODULE)

$(MODULE): $(SRC) $(HDR)
	@mkdir -p $(BUILD)/logonerr
	$(CC) $(ALL_CFLAGS) $(LIBFLAG) -o $@ $(SRC) $(LDFLAGS)

# Installs what the tests need on Debian when it is missing (as root).
deps:
	@sh .ci/deps

# The specs run the command with $LUA too.
test: deps all
	LUA=$(LUA) $(BUSTED) --lua=$(LUA) --cpath='$(BUILD)/?.so' .

# Every supported Lua, one after the other.
test-all: deps
	set -e; for v in $(LUA_VERSIONS); do \
	  echo "== Lua $$v"; $(MAKE) --no-print-directory test LUA_VERSION=$$v; \
	done

install: all
	install -D -m 755 $(MODULE) $(DESTDIR)$(LUA_LIBDIR)/logonerr/core.so
	for f in $(LUA_SRC); do \
	  install -D -m 644 $$f $(DESTDIR)$(LUA_SHAREDIR)/logonerr/$$(basename $$f); \
	done
	sed '1s|.*|#!/usr/bin/env $(LUA)|' bin/logonerr > $(BUILD)/logonerr.bin
	install -D -m 755 $(BUILD)/logonerr.bin $(DESTDIR)$(BINDIR)/logonerr

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
	rm -rf build logonerr
