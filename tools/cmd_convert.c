/* sahifa convert: placeholder until the command lands. */
#include "tool.h"

int cmd_convert(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	tool_message("convert: not built yet");
	return EXIT_USAGE;
}
