/* The tool's version (semver); pack records it in every manifest. */
#ifndef SAHIFA_VERSION_H
#define SAHIFA_VERSION_H
#define SAHIFA_VERSION "0.1.0"
#endif
