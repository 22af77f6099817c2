/* sahifa validate: placeholder until the command lands. */
#include "tool.h"

int cmd_validate(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	tool_message("validate: not built yet");
	return EXIT_USAGE;
}
