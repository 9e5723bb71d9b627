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
MANDIR ?= $(PREFIX)/share/man
BUILD ?= build/$(LUA_TAG)
MODULE = $(BUILD)/logonerr/core.so

CC ?= cc
CFLAGS ?= -O2
WARN ?= -std=c99 -pedantic -Wall -Wextra -Werror -Wmissing-prototypes \
        -Wshadow -Wconversion
LIBFLAG ?= -shared
# No -llua: the interpreter that loads the module already exports the API.
ALL_CFLAGS = $(WARN) $(CFLAGS) -fPIC -fvisibility=hidden -I$(LUA_INCDIR)

CORE_SRC = csrc/catalog_data.c csrc/lookup.c csrc/parse.c csrc/format.c \
           csrc/search.c csrc/scan.c csrc/utf16.c
BIND_SRC = csrc/lbind.c csrc/lcore.c csrc/lentry.c csrc/lscan.c
SRC = $(CORE_SRC) $(BIND_SRC)
HDR = csrc/logonerr.h csrc/catalog.h csrc/lbind.h csrc/lcompat.h csrc/lentry.h csrc/lscan.h
LUA_SRC = $(wildcard lua/logonerr/*.lua lua/logonerr/*/*.lua lua/logonerr/*/*/*.lua)
BUSTED ?= busted
# Where Debian keeps what the embedding example, the C tests and make
# valgrind use; override them elsewhere (Fedora, macOS, a local build).
LUA54_INCDIR ?= /usr/include/lua5.4
LUA54_STATIC ?= /usr/lib/$(shell $(CC) -print-multiarch 2>/dev/null)/liblua5.4.a
DKJSON_LUA ?= /usr/share/lua/5.4/dkjson.lua
BUSTED_SCRIPT ?= $(shell command -v busted)

# Security events: logonerr.evtx reads EVTX files with our own reader (no
# library; threads for -j); logonerr.eventxml reads event XML through
# libexpat, built when pkg-config finds it (without it, logonerr events
# reads EVTX and JSON, and says that XML needs libexpat).
PKG_CONFIG ?= pkg-config
EXPAT_CFLAGS ?= $(shell $(PKG_CONFIG) --cflags expat 2>/dev/null)
EXPAT_LIBS ?= $(shell $(PKG_CONFIG) --libs expat 2>/dev/null)
EVTX_MODULE = $(BUILD)/logonerr/evtx.so
EVTX_CORE = csrc/evtx.c csrc/evtx_chunk.c csrc/evtx_values.c
EVTX_SRC = csrc/levtx.c csrc/levtx_record.c $(EVTX_CORE)
EVTX_HDR = csrc/evtx.h csrc/evtx_values.h csrc/levtx_record.h csrc/lcompat.h
EVENTXML_MODULE = $(BUILD)/logonerr/eventxml.so
EVENTXML_SRC = csrc/leventxml.c csrc/levtx_record.c csrc/eventxml.c
EVENTXML_HDR = csrc/eventxml.h csrc/levtx_record.h csrc/lcompat.h
# The reference reader (libevtx) for the specs, the fuzz targets and the
# bench: never part of logonerr itself.
LIBEVTX_LIBS ?= $(shell $(PKG_CONFIG) --libs libevtx 2>/dev/null)
EVTX_COMPARE = build/tools/evtx-compare

# logonerr.archive: gzip (zlib) and zip (libzip) archives read in place by
# logonerr events.  Built when pkg-config finds both; without it, events
# says that archives need it.
ARCHIVE_CFLAGS ?= $(shell $(PKG_CONFIG) --cflags zlib libzip 2>/dev/null)
ARCHIVE_LIBS ?= $(shell $(PKG_CONFIG) --libs zlib libzip 2>/dev/null)
ARCHIVE_MODULE = $(BUILD)/logonerr/archive.so
ARCHIVE_SRC = csrc/larchive.c csrc/archive.c

.PHONY: evtx-missing archive-missing check-html screenshot bench-events all catalogue check-catalogue test test-all deps deps-run deps-ci install uninstall clean check-rock \
        check-rock-all bench bench-scan examples windows lint doc fuzz sanitize \
        valgrind threads alloc-test coverage test-realms fixtures-linux

all: $(MODULE) $(EVTX_MODULE) $(if $(EXPAT_LIBS),$(EVENTXML_MODULE),evtx-missing) \
     $(if $(ARCHIVE_LIBS),$(ARCHIVE_MODULE),archive-missing)

$(MODULE): $(SRC) $(HDR)
	@mkdir -p $(BUILD)/logonerr
	$(CC) $(ALL_CFLAGS) $(LIBFLAG) -o $@ $(SRC) $(LDFLAGS)

$(EVTX_MODULE): $(EVTX_SRC) $(EVTX_HDR)
	@mkdir -p $(BUILD)/logonerr
	$(CC) $(ALL_CFLAGS) -pthread $(LIBFLAG) -o $@ $(EVTX_SRC) $(LDFLAGS) -pthread

$(EVENTXML_MODULE): $(EVENTXML_SRC) $(EVENTXML_HDR)
	@mkdir -p $(BUILD)/logonerr
	$(CC) $(ALL_CFLAGS) $(EXPAT_CFLAGS) $(LIBFLAG) -o $@ $(EVENTXML_SRC) $(LDFLAGS) \
	  $(EXPAT_LIBS)

$(ARCHIVE_MODULE): $(ARCHIVE_SRC) csrc/archive.h csrc/lcompat.h
	@mkdir -p $(BUILD)/logonerr
	$(CC) $(ALL_CFLAGS) $(ARCHIVE_CFLAGS) $(LIBFLAG) -o $@ $(ARCHIVE_SRC) $(LDFLAGS) \
	  $(ARCHIVE_LIBS)

archive-missing:
	@echo "note: zlib or libzip not found (Debian: zlib1g-dev libzip-dev):" \
	  "logonerr.archive not built, logonerr events reads no .gz or .zip"

evtx-missing:
	@echo "note: expat not found (Debian: libexpat1-dev): logonerr.eventxml not" \
	  "built, logonerr events reads EVTX and JSON only"

# Our EVTX reader against libevtx, record by record (spec/c/evtx_compare.c;
# spec/evtx_compare_spec.lua runs it on every EVTX we have).
$(EVTX_COMPARE): spec/c/evtx_compare.c spec/c/libevtx_xml.c spec/c/libevtx_xml.h \
    csrc/eventxml.c $(EVTX_CORE) $(EVTX_HDR)
	@mkdir -p build/tools
	$(CC) $(WARN) -O2 -g -Icsrc -Ispec/c -o $@ spec/c/evtx_compare.c \
	  spec/c/libevtx_xml.c csrc/eventxml.c $(EVTX_CORE) -lexpat -levtx -pthread

# The C the core compiles is generated from the catalogue's source
# (catalogue/*.lua) and committed, so building needs no generator run.
GEN_LUA ?= lua5.4
CATALOGUE_SRC = $(wildcard catalogue/*.lua)
catalogue:
	$(GEN_LUA) catalogue/generate.lua

# Fails when csrc/catalog_data.c is not what the source generates.
check-catalogue:
	$(GEN_LUA) catalogue/generate.lua --check

# Install on Debian what is missing (as root), in three tiers: what
# building and running the command needs, what the specs need, and what
# every check of .ci/run needs.
deps-run:
	@sh .ci/deps run
deps:
	@sh .ci/deps test
deps-ci:
	@sh .ci/deps ci

# The specs run the command with $LUA too.
test: deps all $(if $(LIBEVTX_LIBS),$(EVTX_COMPARE))
	LUA=$(LUA) $(BUSTED) --lua=$(LUA) --cpath='$(BUILD)/?.so' .

# Every supported Lua, one after the other.
test-all: deps-ci
	set -e; for v in $(LUA_VERSIONS); do \
	  echo "== Lua $$v"; $(MAKE) --no-print-directory test LUA_VERSION=$$v; \
	done

# Every module built (whatever C modules $(BUILD) holds) and every Lua file
# under lua/, at the paths require looks for them.
install: all
	set -e; for f in $$(cd $(BUILD) && find logonerr -name '*.so'); do \
	  install -D -m 755 $(BUILD)/$$f $(DESTDIR)$(LUA_LIBDIR)/$$f; \
	done
	set -e; for f in $$(cd lua && find logonerr -name '*.lua'); do \
	  install -D -m 644 lua/$$f $(DESTDIR)$(LUA_SHAREDIR)/$$f; \
	done
	sed '1s|.*|#!/usr/bin/env $(LUA)|' bin/logonerr > $(BUILD)/logonerr.bin
	install -D -m 755 $(BUILD)/logonerr.bin $(DESTDIR)$(BINDIR)/logonerr
	install -D -m 644 doc/logonerr.1 $(DESTDIR)$(MANDIR)/man1/logonerr.1

uninstall:
	rm -rf $(DESTDIR)$(LUA_LIBDIR)/logonerr $(DESTDIR)$(LUA_SHAREDIR)/logonerr
	rm -f $(DESTDIR)$(BINDIR)/logonerr $(DESTDIR)$(MANDIR)/man1/logonerr.1

# Cost of a call (10^7 per case) against string.byte, a pure-Lua
# alternative and string.format; what require adds; the module's heap.
CALLS ?= 1e7
bench: deps all
	$(LUA) bench/lookup.lua $(CALLS)
	LUA=$(LUA) $(LUA) bench/startup.lua

# Scanning speed against cat, wc -l, grep -oE and rg -o, on generated logs
# of SIZE megabytes (kept in $TMPDIR or /tmp for reruns) of each of KINDS;
# then -j 2 on two files and the peak memory on 64 MB and 2 GB.
SIZE ?= 256
KINDS ?= typical empty dense long short
bench-scan: deps all
	CC="$(CC)" CORE_SRC="$(CORE_SRC)" $(LUA) bench/scan.lua $(SIZE) $(KINDS)

# Real servers: an MIT KDC and a Samba AD DC in a network namespace of their
# own, logons made against them, and logonerr's reading of their logs
# checked against those logons (realms/run.sh).  It skips, saying why, where
# namespaces are refused, unless REALMS_REQUIRED=1 (CI).  fixtures-linux
# writes the logs of such a run to spec/fixtures/linux/.
test-realms: deps-ci all
	REALMS_REQUIRED=$(REALMS_REQUIRED) sh realms/run.sh
fixtures-linux: deps-ci all
	REALMS_REQUIRED=1 REALMS_OUT=spec/fixtures/linux sh realms/run.sh

# The HTML report of a sample log in headless Chromium: no console message,
# a screenshot that is not blank (.ci/check-html).
check-html: deps-ci all
	@mkdir -p build/html
	$(LUA) bin/logonerr events -f html \
	  spec/fixtures/evtx/mitre-4768-4771-kerbrute-user-enum.evtx > build/html/events.html
	sh .ci/check-html build/html/events.html

# doc/report.png, the picture of the HTML report README shows: the same
# page and browser as check-html.  Run it when the report changes.
SCREENSHOT_LOG ?= spec/fixtures/evtx/omerbenamram-Security_with_size_t.evtx
screenshot: deps-ci all
	@mkdir -p build/html
	$(LUA) bin/logonerr events -o build/html/report.html $(SCREENSHOT_LOG)
	sh .ci/check-html build/html/report.html doc/report.png

# Reading Security logs: cpu, wall, records/s and MB/s for EVTX (the sample
# and one EVENTS_TIMES times larger, -j 1 and 2), XML and NDJSON, against
# evtxexport -f xml and python-evtx on the same files; peak memory on an
# EVTX file of EVENTS_GB GB; our C reader alone; an attack's log (the MITRE
# samples, nearly all failures) at both sizes; the targets of issue 22.
# Then the findings alone on an attack of ATTACK failures and of four times
# as many: whether their cost grows as the failures do.
EVENTS_TIMES ?= 100
EVENTS_GB ?= 1
ATTACK ?= 25000
bench-events: deps-ci all
	CC="$(CC)" LUA=$(LUA) $(LUA) bench/events.lua $(EVENTS_TIMES) $(EVENTS_GB)
	$(LUA) bench/findings.lua $(ATTACK)
	$(LUA) bench/handover.lua
	LUA=$(LUA) $(LUA) bench/json.lua spec/fixtures/evtx/python-evtx-security.evtx \
	  $${TMPDIR:-/tmp}/logonerr-bench-events/mix-x$(EVENTS_TIMES).evtx

# examples/: a C host with logonerr linked in (Lua 5.4, static) and a C
# program that uses the C API alone.  Each run is compared with the output
# it must give.
EX = build/examples
EXAMPLE_ARGS = 1366 0xC000006A -1073741715 ERROR_ACCOUNT_LOCKED_OUT 4903
EMBED_MODULES = logonerr=lua/logonerr/init.lua \
  logonerr.template=lua/logonerr/template.lua \
  logonerr.formats=lua/logonerr/formats.lua \
  logonerr.report=lua/logonerr/report.lua logonerr.logs=lua/logonerr/logs.lua \
  logonerr.escape=lua/logonerr/escape.lua logonerr.json=lua/logonerr/json.lua \
  logonerr.vocabulary=lua/logonerr/vocabulary.lua \
  logonerr.events.schema=lua/logonerr/events/schema.lua \
  dkjson=$(DKJSON_LUA)

examples: deps $(EX)/capi $(EX)/embed
	$(EX)/capi $(EXAMPLE_ARGS) > $(EX)/capi.out; test $$? = 1 # 4903: unknown
	diff -u examples/capi/expected.txt $(EX)/capi.out
	$(EX)/embed > $(EX)/embed.out
	diff -u examples/embed/expected.txt $(EX)/embed.out
	@echo "examples: ok"

$(EX)/capi: examples/capi/main.c $(CORE_SRC) $(HDR)
	@mkdir -p $(EX)
	$(CC) $(WARN) $(CFLAGS) -Icsrc -o $@ examples/capi/main.c $(CORE_SRC)

$(EX)/bundle.c: examples/embed/bundle.lua $(LUA_SRC)
	@mkdir -p $(EX)
	lua5.4 examples/embed/bundle.lua $@ $(EMBED_MODULES)

$(EX)/embed: examples/embed/host.c examples/embed/bundle.h $(EX)/bundle.c $(SRC) $(HDR)
	$(CC) $(WARN) -Wno-overlength-strings $(CFLAGS) -Icsrc -Iexamples/embed \
	  -I$(LUA54_INCDIR) -o $@ examples/embed/host.c $(EX)/bundle.c $(SRC) \
	  $(LUA54_STATIC) -lm -ldl

# Windows: the C core, the module's binding and the C-API example built
# with mingw-w64; the example runs under Wine and must print what it prints
# on Linux.
MINGW ?= x86_64-w64-mingw32-gcc
WIN = build/windows
windows: deps
	@mkdir -p $(WIN)
	$(MINGW) $(WARN) $(CFLAGS) -Icsrc -o $(WIN)/capi.exe examples/capi/main.c $(CORE_SRC)
	for f in $(BIND_SRC); do \
	  $(MINGW) $(WARN) $(CFLAGS) -I$(LUA54_INCDIR) -c -o $(WIN)/$$(basename $$f .c).o $$f; \
	done
	@# The module DLL links against lua54.dll's API; Debian has no Windows
	@# Lua, so an import library is made from the symbols the binding uses.
	(echo EXPORTS; x86_64-w64-mingw32-nm -u $(BIND_SRC:csrc/%.c=$(WIN)/%.o) | \
	  awk '$$2 ~ /^lua/ {print $$2}' | sort -u) > $(WIN)/lua54.def
	x86_64-w64-mingw32-dlltool -d $(WIN)/lua54.def -D lua54.dll -l $(WIN)/liblua54.a
	$(MINGW) $(WARN) $(CFLAGS) -shared -Icsrc -o $(WIN)/core.dll $(BIND_SRC:csrc/%.c=$(WIN)/%.o) \
	  $(CORE_SRC) -L$(WIN) -llua54
	x86_64-w64-mingw32-objdump -p $(WIN)/core.dll | grep -q ' luaopen_logonerr_core$$'
	WINEDEBUG=-all wine $(WIN)/capi.exe $(EXAMPLE_ARGS) > $(WIN)/capi.crlf \
	  2>/dev/null; test $$? = 1 # 4903: unknown
	tr -d '\r' < $(WIN)/capi.crlf > $(WIN)/capi.out
	diff -u examples/capi/expected.txt $(WIN)/capi.out
	@echo "windows: ok (cross-compiled, exported luaopen_logonerr_core, ran under Wine)"

# The reference of the Lua API (C and Lua functions in one module) in
# build/doc, and a check that the man page renders without a warning.
doc: deps-ci
	ldoc -c doc/config.ld .
	@mkdir -p build
	MANWIDTH=80 man --warnings -l doc/logonerr.1 > build/logonerr.1.txt 2> build/man.log
	@if [ -s build/man.log ]; then cat build/man.log; exit 1; fi
	@echo "doc: build/doc/index.html; man -l doc/logonerr.1"

# The whole suite against an ASan + UBSan build of the module.  The
# interpreter is not instrumented, so the sanitizer runtimes are preloaded;
# any report aborts the run.  (Leaks are checked by make alloc-test, where
# every allocation is the host's.)
SAN = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
SAN_ENV = LOGONERR_BUILD=sanitize/$(LUA_TAG) \
  LD_PRELOAD="$$(gcc -print-file-name=libasan.so) $$(gcc -print-file-name=libubsan.so)" \
  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
sanitize: deps
	$(MAKE) --no-print-directory all CC=gcc BUILD=build/sanitize/$(LUA_TAG) \
	  CFLAGS="$(SAN)" LDFLAGS="-fsanitize=address,undefined"
	$(SAN_ENV) LUA=$(LUA) $(BUSTED) --lua=$(LUA) --cpath='build/sanitize/$(LUA_TAG)/?.so' .

# The whole suite under memcheck, the interpreter and the logonerr
# commands the specs start included (compilers, Wine and shell tools are
# not traced): no error, nothing definitely lost.
VG_SKIP = *mingw*,*wine*,*/cc,*gcc*,*clang*,*collect2,*/ld,*/as,*cc1,/usr/bin/env,*/sh,*/timeout,*/date,*/mkdir,*/rm,*/cat,*/head,*/wc,*/printf,*/tr,*/make,*/install,*/find,*/sha256sum,*/cp
valgrind: deps-ci all
	LUA=lua5.4 valgrind -q --error-exitcode=99 --leak-check=full \
	  --errors-for-leak-kinds=definite --show-leak-kinds=definite \
	  --trace-children=yes --trace-children-skip='$(VG_SKIP)' \
	  lua5.4 $(BUSTED_SCRIPT) --run=inproc

# Allocation failure (spec/c/alloc_test.c): a script over the whole Lua API
# under an allocator that fails from the k-th allocation on, for every k;
# ASan + LeakSanitizer watch.  ALLOC_STEP=n tries every n-th k only.
ALLOC_STEP ?= 1
alloc-test: deps-ci
	@mkdir -p build/alloc
	clang -std=c99 -Wall -Wextra -Werror -g -O1 -fsanitize=address,undefined \
	  -Icsrc -I$(LUA54_INCDIR) -o build/alloc/alloc spec/c/alloc_test.c $(SRC) \
	  $(LUA54_STATIC) -lm -ldl
	ASAN_OPTIONS=detect_leaks=1 build/alloc/alloc $(ALLOC_STEP)

# Line and branch coverage of csrc/ (gcov through gcovr): the busted suite
# on a --coverage build of the module, plus the C-API test.  Fails under
# 95% of lines or 90% of branches.  (The EVTX specs compare with libevtx
# through $(EVTX_COMPARE) when libevtx is there.)
COV = build/coverage
coverage: deps-ci $(if $(LIBEVTX_LIBS),$(EVTX_COMPARE))
	rm -rf $(COV)
	$(MAKE) --no-print-directory all CC=gcc BUILD=$(COV)/lua5.4 \
	  CFLAGS="-O0 --coverage" LDFLAGS="--coverage"
	LOGONERR_BUILD=coverage/lua5.4 LUA=lua5.4 $(BUSTED) --lua=lua5.4 \
	  --cpath='$(COV)/lua5.4/?.so' .
	gcc -std=c99 -O0 --coverage -Icsrc -o $(COV)/capi spec/c/capi_test.c $(CORE_SRC)
	$(COV)/capi
	gcovr -r . --filter 'csrc/' --print-summary --branches \
	  --fail-under-line 95 --fail-under-branch 90 $(COV)

# Threads under ThreadSanitizer: Lua states of their own and direct C API
# calls, all at once (spec/c/threads_test.c).  Any report fails.
threads: deps-ci
	@mkdir -p build/threads
	clang -std=gnu99 -Wall -Wextra -Werror -g -O1 -fsanitize=thread -Icsrc \
	  -I$(LUA54_INCDIR) -o build/threads/threads spec/c/threads_test.c $(SRC) \
	  $(LUA54_STATIC) -lm -ldl -lpthread
	TSAN_OPTIONS=halt_on_error=1:exitcode=66 build/threads/threads

# Fuzzing (libFuzzer, clang, ASan + UBSan): every C entry point that takes
# outside input.  Each target runs FUZZ_SECONDS on a copy of its seed
# corpus in fuzz/corpus/<target>; a crash leaves its input in build/fuzz.
FUZZ_SECONDS ?= 60
# scandiff-sse2 and scandiff-plain: the same target over the scanner built
# without AVX2, and without vector instructions at all.
FUZZ_TARGETS = parse format scan scandiff scandiff-sse2 scandiff-plain name utf16
# The Security events readers: event XML (libexpat), EVTX (our own reader),
# and ours against libevtx (evtxdiff: every record libevtx reads must read
# the same with ours).  libevtx itself leaks on some damaged records (in
# libfwevt's XML tags), and asks for gigabytes when a damaged template
# gives a huge count (it handles the allocation failing): evtxdiff runs
# without leak detection, and allocations over 4 GB fail as they would on
# a machine without that much.  eventxml and evtx keep every check.
# evtxreplay: the chunk reader's decoded templates against its walk over
# the tokens (the same source built both ways).
FUZZ_EVENT_TARGETS = eventxml evtx evtxdiff evtxreplay
FUZZ_SRC_eventxml = csrc/eventxml.c -lexpat
FUZZ_SRC_evtx = $(EVTX_CORE)
FUZZ_SRC_evtxreplay = csrc/evtx_chunk.c csrc/evtx_values.c fuzz/evtx_walk_only.c
FUZZ_SRC_evtxdiff = -Ispec/c spec/c/libevtx_xml.c csrc/eventxml.c $(EVTX_CORE) -lexpat -levtx
EVTX_ASAN = detect_leaks=0:allocator_may_return_null=1:max_allocation_size_mb=4096
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
fuzz: deps-ci
	@mkdir -p build/fuzz
	set -e; for t in $(FUZZ_TARGETS); do \
	  case $$t in *-sse2) d=-DLOGONERR_NO_AVX2;; *-plain) d=-DLOGONERR_NO_SIMD;; *) d=;; esac; \
	  clang $(WARN) $(FUZZ_FLAGS) $$d -Icsrc -o build/fuzz/$$t fuzz/fuzz_$${t%%-*}.c $(CORE_SRC); \
	  rm -rf build/fuzz/corpus-$$t; cp -r fuzz/corpus/$${t%%-*} build/fuzz/corpus-$$t; \
	  echo "== fuzz $$t ($(FUZZ_SECONDS) s)"; \
	  (cd build/fuzz && ./$$t -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	    corpus-$$t 2>&1 | grep -E '^(Done|stat::number_of_executed_units|==[0-9]+== ERROR|SUMMARY)') ; \
	  test -z "$$(ls build/fuzz | grep -E '^(crash|leak|timeout|oom)-')"; \
	done
	set -e; for t in $(FUZZ_EVENT_TARGETS); do \
	  case $$t in eventxml) src="$(FUZZ_SRC_eventxml)";; evtx) src="$(FUZZ_SRC_evtx)";; \
	    evtxreplay) src="$(FUZZ_SRC_evtxreplay)";; *) src="$(FUZZ_SRC_evtxdiff)";; esac; \
	  clang $(WARN) $(FUZZ_FLAGS) -Icsrc -o build/fuzz/$$t fuzz/fuzz_$$t.c $$src; \
	  rm -rf build/fuzz/corpus-$$t; cp -r fuzz/corpus/$$t build/fuzz/corpus-$$t; \
	  echo "== fuzz $$t ($(FUZZ_SECONDS) s)"; \
	  (cd build/fuzz && ASAN_OPTIONS=$$(test $$t = evtxdiff && echo $(EVTX_ASAN) || echo detect_leaks=1) \
	    ./$$t -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	    $$(test $$t = evtxdiff && echo -malloc_limit_mb=65536) \
	    corpus-$$t 2>&1 | grep -E '^(Done|stat::number_of_executed_units|==[0-9]+== ERROR|SUMMARY)') ; \
	  test -z "$$(ls build/fuzz | grep -E '^(crash|leak|timeout|oom)-')"; \
	done
	@# Archives (zlib, libzip): every member of each input read to its end.
	clang $(WARN) $(FUZZ_FLAGS) -Icsrc -o build/fuzz/archive fuzz/fuzz_archive.c \
	  csrc/archive.c $(ARCHIVE_LIBS)
	rm -rf build/fuzz/corpus-archive; cp -r fuzz/corpus/archive build/fuzz/corpus-archive
	@echo "== fuzz archive ($(FUZZ_SECONDS) s)"
	(cd build/fuzz && ASAN_OPTIONS=detect_leaks=1 ./archive -max_total_time=$(FUZZ_SECONDS) \
	  -print_final_stats=1 corpus-archive 2>&1 | \
	  grep -E '^(Done|stat::number_of_executed_units|==[0-9]+== ERROR|SUMMARY)')
	test -z "$$(ls build/fuzz | grep -E '^(crash|leak|timeout|oom)-')"

# Lint: luacheck on every Lua file (.luacheckrc), cppcheck and clang-tidy
# on the C core; any finding fails.  (clang-tidy's swappable-parameters
# check is off: it flags every function taking two sizes.)
TIDY_CHECKS = -*,clang-analyzer-*,bugprone-*,performance-*,portability-*,cert-*,-cert-err33-c,-bugprone-easily-swappable-parameters
lint: deps-ci
	luacheck --no-color -q .
	cppcheck -q --enable=warning,style,performance,portability --std=c99 \
	  --error-exitcode=1 --suppress=missingIncludeSystem --suppress=missingInclude \
	  -Icsrc csrc/
	clang-tidy -quiet --warnings-as-errors='*' -checks='$(TIDY_CHECKS)' csrc/*.c \
	  examples/capi/main.c -- -std=c99 -Icsrc -I$(LUA54_INCDIR) \
	  2>/dev/null
	@echo "lint: ok"

# luarocks make into a throwaway tree, then require from it.
check-rock: deps-ci
	sh .ci/check-rock $(LUA_VERSION)

check-rock-all: deps-ci
	set -e; for v in $(LUA_VERSIONS); do sh .ci/check-rock $$v; done

clean:
	rm -rf build logonerr
