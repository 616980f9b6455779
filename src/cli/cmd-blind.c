/* cmd-blind.c: blind start|done|lift|status, blind coding sessions ("off"
 * is another name for lift). */
#include <stdlib.h>
#include <string.h>

#include "store/blind.h"
#include "base/i18n.h"
#include "store/project.h"
#include "cli/cmd.h"

static int
blind_main(const struct cmd *self, int argc, char **argv)
{
	struct project *p = NULL;
	struct blind_status b;
	char **ops;
	int n, rc;
	enum ax_status s = AX_OK;

	if ((rc = cmd_operands(self, argc, argv, NULL, 2, 3, NULL, &ops,
	    &n)) != 0)
		goto out;
	if ((strcmp(ops[1], "start") == 0) != (n == 3))
		rc = cmd_usage(self, NULL);
	if (rc != 0 || (rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK)
		goto out;
	if (strcmp(ops[1], "start") == 0) {
		const char *names[32];
		size_t k;
		char *list = cmd_split(ops[2], names, AX_ARRAY_LEN(names), &k);

		s = blind_start(p, names, k);
		free(list);
	} else if (strcmp(ops[1], "done") == 0) {
		s = blind_done(p);
	} else if (strcmp(ops[1], "lift") == 0 || strcmp(ops[1], "off") == 0) {
		s = blind_lift(p);
	} else if (strcmp(ops[1], "status") != 0) {
		rc = cmd_usage(self, _("unknown action '%s'"), ops[1]);
		goto out;
	}
	if (s != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	blind_status(p, &b);
	if (!b.on) {
		printf("%s\n", _("blind coding: off"));
	} else {
		size_t i;

		printf("%s\n", b.hidden ? _("blind coding: on (codings of others "
		    "and agreement hidden)") :
		    _("blind coding: revealed (every coder is done)"));
		for (i = 0; i < b.ncoders; i++) {
			printf("  ");
			cmd_put_text(stdout, b.coders[i], strlen(b.coders[i]));
			printf(": %s\n", b.done[i] ? "done" : "coding");
		}
	}
	blind_status_done(&b);
out:
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_blind = {
	"blind", "PROJECT start A,B | done | lift | off | status",
	N_("blind coding for reliability: coders see only their own codings until all are done"),
	N_("  start A,B   (owner) coders A and B code blind from now on\n"
	"  done        mark your coding done; all done reveals everything\n"
	"  lift, off   (owner) end blind coding now: everything shows again\n"
	"  status      who is still coding\n"
	"  --as CODER  act as CODER\n"), blind_main,
};
