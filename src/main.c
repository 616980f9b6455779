/* main.c: axial's entry point; everything else is in the command table. */
#include <locale.h>

#include "cmd.h"

int
main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	return cmd_main(argc, argv);
}
