# axial: a plain Makefile. Every src/LAYER/*.c but src/cli/main.c goes into
# libaxial.a, which the binary, the unit tests (tests/test-*.c, one cmocka
# program each), the benchmarks (bench/*.c) and the fuzz targets link
# against. Adding a module or a test means adding a file, not editing this
# one. The layers and their order: docs/architecture.md, scripts/layers.
#
#   make            build build/axial
#   make run        install missing deps, build, build the sample project, open it
#   make check      install missing deps, build, run every test suite
#   make asan       the same tests under AddressSanitizer + UBSan (build-asan/)
#   make valgrind   the unit suites under valgrind memcheck
#   make bench      benchmarks (not part of check); SCALE='1 10' side by side
#   make install    PREFIX=/usr/local DESTDIR= ; make uninstall
#   make pot        regenerate po/axial.pot from the sources (maintainers)
#   make update-po  pot, then merge it into every po/LANG.po (README.md)

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
DATADIR    ?= $(PREFIX)/share/axial
LIBEXECDIR ?= $(PREFIX)/libexec/axial
MANDIR     ?= $(PREFIX)/share/man
LOCALEDIR  ?= $(PREFIX)/share/locale
BUILD      ?= build
PKG_CONFIG ?= pkg-config
CC         ?= cc
CFLAGS     ?= -O2 -g
VERSION    := 0.1.0

PKGS  = ncursesw sqlite3 fribidi libcrypto libxml-2.0 libzip
# poppler-glib (PDF import) is linked into axial-pdf alone, the helper axial
# runs for each PDF (src/exchange/pdf-client.c): the workbench maps none of
# it, and a PDF that breaks poppler breaks only the helper.
PDF_PKGS = poppler-glib
# -Wformat=2: every printf-like function carries AX_PRINTF (util.h), so each
# call's format is checked and a format that is not a literal is reported.
# -Wpedantic: ISO C11; the one extension, unsigned __int128, is declared
# through __extension__ (util.c, agreement.c).
WARN  = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
        -Wwrite-strings -Wformat=2
ifdef CI
WARN += -Werror
endif
# Recursively expanded: pkg-config runs only when something is compiled, so
# `make deps` can install the packages first.
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
             -DAXIAL_VERSION='"$(VERSION)"' -DAXIAL_DATADIR='"$(DATADIR)"' \
             -DAXIAL_LOCALEDIR='"$(LOCALEDIR)"' -DAXIAL_LIBEXECDIR='"$(LIBEXECDIR)"' \
             $(WARN) -Isrc $(shell $(PKG_CONFIG) --cflags $(PKGS)) \
             $(CPPFLAGS) $(CFLAGS) -MMD -MP
LIBS       = $(shell $(PKG_CONFIG) --libs $(PKGS)) -lunistring -lm
PDF_LIBS   = $(shell $(PKG_CONFIG) --libs $(PDF_PKGS))

MAINS := src/cli/main.c src/cli/pdf-main.c
PDF_SRC := src/exchange/import-pdf.c
SRC   := $(filter-out $(MAINS) $(PDF_SRC),$(wildcard src/*/*.c))
PDF_OBJ := $(PDF_SRC:src/%.c=$(BUILD)/obj/%.o)
OBJ   := $(SRC:src/%.c=$(BUILD)/obj/%.o)
TSRC  := $(wildcard tests/test-*.c)
TBIN  := $(TSRC:tests/%.c=$(BUILD)/tests/%)
TLIB  := $(wildcard tests/support/*.c)
BSRC  := $(wildcard bench/*.c)
BBIN  := $(BSRC:bench/%.c=$(BUILD)/bench/%)
# Translations: po/LANG.po -> BUILD/locale/LANG/LC_MESSAGES/axial.mo, where
# the uninstalled binary finds them (src/base/i18n.c).
LINGUAS := $(basename $(notdir $(wildcard po/*.po)))
MO    := $(LINGUAS:%=$(BUILD)/locale/%/LC_MESSAGES/axial.mo)
POTSRC = $(sort $(wildcard src/*/*.c src/*/*.h))
SAMPLES := $(patsubst sample-projects/%/,$(BUILD)/%.axial,$(sort $(dir $(wildcard sample-projects/*/project.txt))))

.PHONY: all deps run check test unit cli asan valgrind bench bench-compare install uninstall clean samples \
        pot update-po check-layers terminal-check
.DEFAULT_GOAL := all

all: $(BUILD)/axial $(BUILD)/axial-pdf $(MO)

deps:
	@sh scripts/deps.sh

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(PDF_OBJ): ALL_CFLAGS += $(shell $(PKG_CONFIG) --cflags $(PDF_PKGS))

$(BUILD)/libaxial.a: $(OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/axial: $(BUILD)/obj/cli/main.o $(BUILD)/libaxial.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/axial-pdf: $(BUILD)/obj/cli/pdf-main.o $(PDF_OBJ) $(BUILD)/libaxial.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS) $(PDF_LIBS)

# The suites link pdf_extract too (test-import-pdf reads PDFs in process).
$(BUILD)/tests/%: tests/%.c $(TLIB) $(PDF_OBJ) $(BUILD)/libaxial.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/support $(LDFLAGS) -o $@ $< $(TLIB) $(PDF_OBJ) \
	  $(BUILD)/libaxial.a $(LIBS) $(PDF_LIBS) $(shell $(PKG_CONFIG) --libs cmocka)

$(BUILD)/bench/%: bench/%.c $(BUILD)/libaxial.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libaxial.a $(LIBS)

$(BUILD)/locale/%/LC_MESSAGES/axial.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

# Every string marked _(), N_() or ngettext(); tests/cli/i18n.sh fails when
# this file is behind the sources, so a new string cannot go untranslated.
XGETTEXT = xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ \
  --keyword=ngettext:1,2 --keyword=db_fail:3 --flag=db_fail:3:c-format \
  --keyword=countf:2,3 --flag=countf:2:c-format --flag=countf:3:c-format \
  --add-comments=TRANSLATORS: --add-location=file \
  --package-name=axial --package-version=$(VERSION) --msgid-bugs-address="the axial issue tracker"
POT ?= po/axial.pot
pot:
	@$(XGETTEXT) -o $(POT) $(POTSRC)

update-po: pot
	for l in $(LINGUAS); do msgmerge --quiet --update --backup=none \
	  po/$$l.po po/axial.pot || exit 1; done

# Sample projects are reviewable text under sample-projects/NAME/, built into
# a project file by axial's own commands.
$(BUILD)/%.axial: sample-projects/%/project.txt $(wildcard sample-projects/*/*) $(BUILD)/axial scripts/build-sample.sh
	bash scripts/build-sample.sh $(BUILD)/axial sample-projects/$* $@

samples: $(SAMPLES)

# The manual check of docs/bidi.md §2.4: the workbench in each installed X
# terminal under Xvfb, screenshots compared with xterm's. Not part of check.
terminal-check: all $(BUILD)/egov-fa.axial
	sh scripts/terminal-check.sh $(BUILD)/axial $(BUILD)/egov-fa.axial

run: deps
	@$(MAKE) --no-print-directory all samples
	$(BUILD)/axial $(BUILD)/$(RUN_SAMPLE).axial
RUN_SAMPLE ?= $(notdir $(patsubst %/,%,$(dir $(firstword $(wildcard sample-projects/*-fa/project.txt) $(wildcard sample-projects/*/project.txt)))))

# check = deps + build + every suite; the suites themselves are `test`.
check: deps
	@$(MAKE) --no-print-directory test

# The benchmarks are built too (not run), so a change cannot leave one
# that no longer compiles.
test: all $(TBIN) $(BBIN) samples check-layers
	@sh tests/run.sh $(BUILD)

# Each layer includes only its own and lower layers' public headers, no
# object calls into a higher layer, and no files call each other in a
# circle (scripts/layers, docs/architecture.md §2.5) but in the layers of
# LAYERS_ALLOW_CYCLES, whose circles would be noted instead (none now).
LAYERS_ALLOW_CYCLES ?=
check-layers: $(OBJ) $(PDF_OBJ) $(MAINS:src/%.c=$(BUILD)/obj/%.o)
	@python3 scripts/layers --objects $(BUILD)/obj --cycles \
	  $(LAYERS_ALLOW_CYCLES:%=--allow-cycle %) src

asan: deps
	@AXIAL_ASAN=1 $(MAKE) --no-print-directory BUILD=build-asan CC=clang \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined" test

# The unit suites under valgrind memcheck: no errors, no definite leaks (the
# robustness tests shortened: memcheck makes each process 20-50 times slower).
valgrind: all $(TBIN)
	@fail=0; for t in $(TBIN); do \
	  CRASH_ITERATIONS=10 CONC_OPS=200 AXIAL_SRC=$(CURDIR) \
	  AXIAL_PDF_HELPER=$(CURDIR)/$(BUILD)/axial-pdf valgrind -q --error-exitcode=9 \
	    --leak-check=full --errors-for-leak-kinds=definite --suppressions=$(CURDIR)/tests/valgrind.supp \
	    --show-leak-kinds=definite $$t >$$t.valgrind 2>&1 \
	    && echo "valgrind: $$(basename $$t) clean" \
	    || { echo "valgrind: $$(basename $$t) FAILED"; cat $$t.valgrind; fail=1; }; \
	done; exit $$fail

# SCALE: the synthetic project's size (bench/synth.h); several, e.g.
# SCALE='1 10', print each figure at every scale with the ratio.
SCALE ?= $(or $(AXIAL_BENCH_SCALE),1)
BENCH_ROUNDS ?= 1
bench:
	@sh scripts/deps.sh bench
	@$(MAKE) --no-print-directory all $(BBIN)
	@sh bench/run.sh $(BUILD) '$(SCALE)' $(BENCH_ROUNDS)

# The benchmarks of git revision BASE and of this tree, side by side in
# one run: medians of ROUNDS runs each and the ratio (bench/compare.sh).
BASE ?= HEAD~1
BENCHES ?= bench-ui bench-text
ROUNDS ?= 5
bench-compare:
	@sh scripts/deps.sh bench
	@$(MAKE) --no-print-directory all $(BBIN)
	@sh bench/compare.sh $(BUILD) $(BASE) $(ROUNDS) $(BENCHES)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)/themes \
	  $(DESTDIR)$(DATADIR)/sample-projects
	install -m 755 $(BUILD)/axial $(DESTDIR)$(BINDIR)/axial
	install -d $(DESTDIR)$(LIBEXECDIR)
	install -m 755 $(BUILD)/axial-pdf $(DESTDIR)$(LIBEXECDIR)/axial-pdf
	install -m 644 man/axial.1 $(DESTDIR)$(MANDIR)/man1/axial.1
	for f in themes/*.theme; do [ -e "$$f" ] && install -m 644 "$$f" $(DESTDIR)$(DATADIR)/themes/ || true; done
	cp -R sample-projects/. $(DESTDIR)$(DATADIR)/sample-projects/
	chmod -R u=rwX,go=rX $(DESTDIR)$(DATADIR)/sample-projects
	for l in $(LINGUAS); do \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	  install -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/axial.mo \
	    $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/axial.mo || exit 1; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/axial $(DESTDIR)$(MANDIR)/man1/axial.1
	rm -rf $(DESTDIR)$(LIBEXECDIR)
	rm -rf $(DESTDIR)$(DATADIR)
	for l in $(LINGUAS); do rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/axial.mo; done

clean:
	rm -rf build build-asan

-include $(OBJ:.o=.d) $(PDF_OBJ:.o=.d) $(MAINS:src/%.c=$(BUILD)/obj/%.d) $(TBIN:%=%.d) $(BBIN:%=%.d)

# make fuzz, fuzz-build, fuzz-brief: libFuzzer harnesses (fuzz/README.md)
-include fuzz/fuzz.mk
