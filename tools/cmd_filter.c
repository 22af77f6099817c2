/* sahifa filter: option parsing and messages around sahifa_filter_run(). */
#include "tool.h"
int cmd_filter(int argc, char **argv) { (void)argc; (void)argv; return EXIT_USAGE; }
