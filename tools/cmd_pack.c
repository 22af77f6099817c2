/* sahifa pack: placeholder until the command lands. */
#include "tool.h"

int cmd_pack(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	tool_message("pack: not built yet");
	return EXIT_USAGE;
}
