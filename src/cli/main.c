/* main.c: axial's entry point; everything else is in the command table. */
#include "base/i18n.h"
#include "cli/cmd.h"

int
main(int argc, char **argv)
{
	i18n_init();
	return cmd_main(argc, argv);
}
