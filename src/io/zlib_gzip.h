/*
 * Checking gzip streams end to end (src/io/zlib_gzip.c, the only file that includes
 * zlib).  libarchive's gzip filter does not verify a member's CRC-32 and length, so a
 * damaged .gz or .tar.gz would read as garbled text; archive_read.c runs this first.
 */
#ifndef SAHIFA_ZLIB_GZIP_H
#define SAHIFA_ZLIB_GZIP_H

#include <stddef.h>
#include "sahifa/error.h"

/* Inflate every gzip member of the stream (from fd, or data/len when fd < 0) and check
 * its CRC-32 and length.  SAHIFA_OK when all agree; SAHIFA_ERR_DATA when the stream is
 * damaged; SAHIFA_ERR_LIMIT past max_out uncompressed bytes; SAHIFA_ERR_IO when fd
 * cannot be read.  err's path is name. */
enum sahifa_status shf_gzip_verify(const char *name, int fd, const void *data, size_t len,
				      unsigned long long max_out, struct sahifa_error *err);

#endif
