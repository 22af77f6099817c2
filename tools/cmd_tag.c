/* sahifa tag: placeholder until the command lands. */
#include "tool.h"

int cmd_tag(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	tool_message("tag: not built yet");
	return EXIT_USAGE;
}
