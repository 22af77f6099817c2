/*
 * Functions that are easy to misuse are compile errors in sahifa's C files (this
 * header is forced in with -include).  Use snprintf, sahifa_buf, strtol/strtoull with
 * end-pointer checks, and explicit tokenizing instead.
 */
#ifndef SAHIFA_BANNED_H
#define SAHIFA_BANNED_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BANNED(func) sorry_##func##_is_a_banned_function

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef strtok
#define strtok(x, y) BANNED(strtok)
#undef atoi
#define atoi(x) BANNED(atoi)
#undef atol
#define atol(x) BANNED(atol)
#undef gets
#define gets(x) BANNED(gets)

#endif
