/*
 * cmd.h: the command-line subcommands, one file each (cmd-NAME.c).
 *
 * Each file defines one or more `const struct cmd` and main.c lists them in
 * its cmd_table[], which drives dispatch, `axial --help` and each command's
 * --help; the helpers below (cmd.c) are what the commands share. A command
 * returns its exit status: 0 success, 1 a user error (one line on stderr
 * naming the file and position), 2 a usage error.
 */
#ifndef AXIAL_CMD_H
#define AXIAL_CMD_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "base/util.h"

enum { CMD_OK = 0, CMD_ERROR = 1, CMD_USAGE = 2 };

struct cmd {
	const char *name;	/* "tag", or "code add" for a group */
	const char *args;	/* synopsis after the name */
	const char *summary;	/* one line for axial --help */
	const char *help;	/* options, one per line; may be NULL */
	/* argv[0]: the command's last word (the program, for the workbench) */
	int (*fn)(const struct cmd *self, int argc, char **argv);
};

/* `axial PROJECT [OPTIONS]` (cmd-project.c): not in the table (no name to
 * dispatch on), but its options are in `axial --help`. */
extern const struct cmd cmd_workbench;

/* Prints "axial: MESSAGE" on stderr. Returns CMD_ERROR for `return cmd_error(...)`. */
int cmd_error(const char *fmt, ...) AX_PRINTF(1, 2);
/* Prints the command's usage line on stderr; returns CMD_USAGE. */
int cmd_usage(const struct cmd *c, const char *why, ...) AX_PRINTF(2, 3);
/* Full help of one command on f. */
void cmd_help(const struct cmd *c, FILE *f);

/*
 * Option parsing shared by all commands: a small table-driven parser so
 * every command accepts options before, between and after its operands,
 * "--opt=value" and "--opt value" alike, and "--" to end options.
 */
struct cmd_opt {
	const char *name;	/* long name without dashes */
	char shortname;		/* 0 for none */
	bool has_arg;
	const char **value;	/* set to the argument (or "1" for a flag) */
};
/*
 * Parses argv[1..argc) against opts; operands are gathered, in order, into
 * *operands (an array the caller frees; its strings are borrowed from argv).
 * Returns 0, or prints the usage error and returns CMD_USAGE.
 */
int cmd_parse(const struct cmd *c, int argc, char **argv,
    const struct cmd_opt *opts, char ***operands, int *noperands);

/*
 * What every command does first: cmd_parse, then a check that there are
 * from min to max operands; else the usage error (with why, or none when
 * NULL). On an error *ops is NULL, so cmd_end may free it in any case.
 */
int cmd_operands(const struct cmd *c, int argc, char **argv,
    const struct cmd_opt *opts, int min, int max, const char *why,
    char ***ops, int *n);

/*
 * The coders of a comma list ("A,B,C": --coders, blind start): at most max
 * names into names, borrowed from the copy it returns for the caller to
 * free; *n says how many.
 */
char *cmd_split(const char *list, const char **names, size_t max, size_t *n);

/*
 * Parses s, all of it, as a whole number in [min, max] into *v; whether it
 * is one. "many", "", "3x", "1e3" and out-of-range numbers are not.
 */
bool cmd_number(const char *s, long long min, long long max, long long *v);

struct project;
/*
 * Opens the project for a command, printing the reason on failure. `as`
 * (may be NULL) is the --as coder; every command accepts --as, so NULL
 * falls back to the one given on the command line, if any. Returns CMD_OK or CMD_ERROR.
 */
int cmd_project_open(const char *path, const char *as, unsigned flags,
    struct project **p);
/* Prints the project's last error and returns CMD_ERROR. */
int cmd_project_error(struct project *p);
/* What every command on a project does last: closes p and frees ops (each
 * may be NULL). Returns rc, for `return cmd_end(p, ops, rc)`. */
int cmd_end(struct project *p, char **ops, int rc);
/*
 * The --max-size option of the commands that read files in (import,
 * merge): arg (NULL: not given, TEXTIN_MAX_SIZE) into *max. Returns CMD_OK
 * or, for what is not a size, the usage error.
 */
int cmd_max_size(const struct cmd *c, const char *arg, uint64_t *max);
/*
 * The options of the commands whose figures people read (report, agree,
 * retest); each returns CMD_OK or the usage error. The output is a table
 * for people or, for programs, CSV or JSON (--format of agree and retest:
 * arg "table", "csv" or "json" into *f).
 */
enum cmd_format { CMD_FMT_TABLE, CMD_FMT_CSV, CMD_FMT_JSON };
int cmd_format(const struct cmd *c, const char *arg, enum cmd_format *f);
/* --lang: the messages in language arg ("fa", "en"; NULL: the locale's). */
int cmd_lang(const struct cmd *c, const char *arg);
/*
 * --digits: arg "fa" or "latin" into *fa (NULL: not given, *fa keeps the
 * caller's default). Persian digits in CSV or JSON, which programs read,
 * are refused with the reason, not silently dropped.
 */
int cmd_digits(const struct cmd *c, const char *arg, enum cmd_format f,
    bool *fa);
/*
 * Writes untrusted text (transcripts, names, memos) to f. When f is a
 * terminal, controls and bidi overrides become visible placeholders, so
 * nothing in a project can drive the terminal; in a pipe it passes as is.
 */
void cmd_put_text(FILE *f, const char *s, size_t n);

/*
 * The --json output of the listing commands: one array of objects built in
 * b, cmd_json_item before each object ("[" or ","), cmd_json_put after the
 * last, which ends the array ("[]" when empty) and writes it to standard
 * output. JSON escapes every control, so it needs no placeholders.
 */
void cmd_json_item(struct buf *b);
void cmd_json_put(struct buf *b);

/*
 * The output of a command with an optional OUT operand (export csv, dot,
 * svg): written to path atomically, or with path NULL or "-" to standard
 * output as cmd_put_text writes it. Returns CMD_OK or the error printed.
 */
int cmd_write_out(const char *path, const struct buf *b);
/*
 * The same written as it is produced, so that the output is never held
 * whole (export csv): cmd_out_open starts the temp file (standard output
 * with path NULL or "-"), cmd_out_write adds whole lines to it, and
 * cmd_out_close ends it: renamed over path when rc is CMD_OK, else removed
 * with the old file untouched. Each returns CMD_OK or the error printed;
 * cmd_out_close returns rc when it is an error already.
 */
struct cmd_out {
	struct file_atomic fa;
	bool file;
};
int cmd_out_open(struct cmd_out *o, const char *path);
int cmd_out_write(struct cmd_out *o, const char *s, size_t n);
int cmd_out_close(struct cmd_out *o, int rc);

/* s onto b in a field of w columns by display width (Persian, wide
 * characters), right-aligned with right, else left; wider s as it is. */
void cmd_pad(struct buf *b, const char *s, int w, bool right);

/* Prints each line of report as "axial: FILE: LINE" on stderr (notices). */
void cmd_report_lines(const char *file, const char *report);

/*
 * Inside tmux, whether its allow-passthrough is on (1) or off (0); -1
 * outside tmux or when tmux does not say (cmd-doctor.c). The workbench
 * then passes its bidi switch through without being asked.
 */
int cmd_tmux_passthrough(void);

/* Declarations of every command, grouped by file, for main.c's table. */
#define CMD(x) extern const struct cmd x
/* cmd-project.c */
CMD(cmd_init); CMD(cmd_info);
/* cmd-doc.c */
CMD(cmd_import); CMD(cmd_docs); CMD(cmd_attr); CMD(cmd_doc_rm);
CMD(cmd_doc_rename); CMD(cmd_doc_text); CMD(cmd_doc_move);
/* cmd-code.c */
CMD(cmd_codes); CMD(cmd_code_add); CMD(cmd_code_rename); CMD(cmd_code_move);
CMD(cmd_code_merge); CMD(cmd_code_rm); CMD(cmd_code_role);
CMD(cmd_code_color); CMD(cmd_code_define);
/* cmd-coding.c */
CMD(cmd_tag); CMD(cmd_untag); CMD(cmd_codings);
/* cmd-link.c */
CMD(cmd_link_add); CMD(cmd_links); CMD(cmd_link_rm); CMD(cmd_link_evidence);
CMD(cmd_link_memo); CMD(cmd_link_type_add); CMD(cmd_link_types);
CMD(cmd_code_core);
/* cmd-memo.c */
CMD(cmd_memo_add); CMD(cmd_memo_list); CMD(cmd_memo_edit); CMD(cmd_memo_rm);
/* cmd-history.c */
CMD(cmd_undo); CMD(cmd_redo); CMD(cmd_log);
/* cmd-coder.c */
CMD(cmd_coders); CMD(cmd_coder_add);
/* cmd-export.c */
CMD(cmd_export_csv);
/* cmd-exchange.c */
CMD(cmd_export_qdpx); CMD(cmd_export_qdc); CMD(cmd_merge);
/* cmd-agree.c */ CMD(cmd_agree);
/* cmd-agree-unitize.c: alpha_U of a segments file or a project, for cmd-agree.c */
int cmd_agree_segments(const struct cmd *self, const char *path,
    const char *length, const char *begin, enum cmd_format f, bool fa);
int cmd_agree_unitize_project(const struct cmd *self, const char *path,
    const char *coders, enum cmd_format f, bool all, bool fa);
/* cmd-blind.c */ CMD(cmd_blind);
/* cmd-retest.c */ CMD(cmd_retest);
/* cmd-check.c */ CMD(cmd_check);
/* cmd-compare.c */ CMD(cmd_compare); CMD(cmd_consensus);
/* cmd-cat.c */
CMD(cmd_cat);
/* cmd-report.c */
CMD(cmd_report); CMD(cmd_export_dot); CMD(cmd_export_svg);
/* cmd-matrix.c */ CMD(cmd_matrix);
/* cmd-search.c */ CMD(cmd_search); CMD(cmd_autocode);
/* cmd-keys.c */
CMD(cmd_keys);
/* cmd-similar.c */ CMD(cmd_similar);
/* cmd-doctor.c */ CMD(cmd_doctor);
/* cmd-query.c */
CMD(cmd_query); CMD(cmd_query_list); CMD(cmd_query_run); CMD(cmd_query_rm);
CMD(cmd_query_code);
#undef CMD

#endif
