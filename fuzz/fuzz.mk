# fuzz/fuzz.mk: libFuzzer harnesses, included by the Makefile.
#
#   make fuzz [FUZZ_SECONDS=60] [FUZZ=NAME...]   build, then run each harness
#   make fuzz-build                              build only, into build-fuzz/
#   make fuzz-brief [FUZZ_BRIEF=3]               replay the seeds + 2 s
#                                                each (tests/cli/fuzz-brief.sh)
#
# Every fuzz/fuzz-NAME.c is a harness (LLVMFuzzerTestOneInput); its seeds are
# fuzz/corpus/NAME/, its optional dictionary fuzz/NAME.dict and its optional
# extra libFuzzer flags fuzz/NAME.options. Adding one is adding a file: see
# fuzz/README.md. The library is compiled again into build-fuzz/ with clang,
# coverage instrumentation and ASan + UBSan, through this same Makefile.

FUZZ_BUILD   ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_BRIEF   ?= 2
FUZZ         ?= $(patsubst fuzz/fuzz-%.c,%,$(wildcard fuzz/fuzz-*.c))
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all \
                -fno-omit-frame-pointer

.PHONY: fuzz fuzz-build fuzz-brief fuzz-bins fuzz-clean

fuzz: fuzz-build
	@sh fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ)

fuzz-brief: fuzz-build
	@sh fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_BRIEF) $(FUZZ)

fuzz-build:
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=clang \
	  CFLAGS="-O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN)" \
	  LDFLAGS="-fsanitize=fuzzer $(FUZZ_SAN)" fuzz-bins

# Only meaningful inside fuzz-build (BUILD=build-fuzz, CC=clang).
fuzz-bins: $(patsubst fuzz/fuzz-%.c,$(BUILD)/fuzz/fuzz-%,$(wildcard fuzz/fuzz-*.c))

# pdf_extract is linked in too (fuzz-pdf): in axial it runs in axial-pdf.
$(BUILD)/fuzz/fuzz-%: fuzz/fuzz-%.c $(wildcard fuzz/*.h) $(PDF_OBJ) $(BUILD)/libaxial.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Ifuzz $(LDFLAGS) -o $@ $< $(PDF_OBJ) $(BUILD)/libaxial.a \
	  $(LIBS) $(PDF_LIBS)

fuzz-clean:
	rm -rf $(FUZZ_BUILD)
clean: fuzz-clean

-include $(wildcard $(BUILD)/fuzz/*.d)
