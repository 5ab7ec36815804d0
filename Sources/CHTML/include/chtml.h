#ifndef CHTML_H
#define CHTML_H
#include <stddef.h>

/// Parses HTML with libxml2's recovering HTML parser (SAX events, no libxml2 tree) into a flat byte stream:
///   1 tag NUL attribute-count (attribute-name NUL value NUL)*   opens an element
///   2 text NUL                                                  a text node (whitespace runs as one space)
///   3                                                           closes the element
/// Only libxml2 sees its own headers (they clash with the ICU that Foundation bundles).
/// Returns 0 on success; *out is malloc'd, release it with chtml_free.
int chtml_parse(const char *data, int length, const char *encoding, unsigned char **out, size_t *out_length);
void chtml_free(unsigned char *buffer);

#endif
