/* sahifa rules: option parsing and messages around sahifa_rules_learn(). */
#include "tool.h"
int cmd_rules(int argc, char **argv) { (void)argc; (void)argv; return EXIT_USAGE; }
