#ifndef CHTML_H
#define CHTML_H
#include <stddef.h>

/// Parses HTML with libxml2's recovering HTML parser (SAX events, no libxml2 tree) into a flat byte stream:
///   1 tag NUL attribute-count (attribute-name NUL value NUL)*   opens an element
///   2 text NUL                                                  a text node (whitespace runs as one space)
///   3                                                           closes the element
/// Only libxml2 sees its own headers (they clash with the ICU that Foundation bundles).
/// Returns 0 on success; *out is malloc'd, release it with chtml_free.
/// Limits checked before libxml2 sees a page: libxml2's duplicate-attribute check is quadratic in the attributes
/// of one element, so a hostile element with a million attributes would take hours.
typedef struct {
    long max_attributes;      ///< attributes on one element
    long max_attribute_bytes; ///< bytes of one attribute value
} chtml_limits;

enum { CHTML_TOO_MANY_ATTRIBUTES = 3, CHTML_ATTRIBUTE_TOO_LONG = 4 };

/// Returns 0 when every start tag keeps within `limits`, else CHTML_TOO_MANY_ATTRIBUTES or CHTML_ATTRIBUTE_TOO_LONG.
/// One pass over the bytes; comments are skipped.
int chtml_check_limits(const char *data, long length, const chtml_limits *limits);

/// Initializes libxml2 once (thread-safe; chtml_parse calls it too).
void chtml_initialize(void);

int chtml_parse(const char *data, int length, const char *encoding, unsigned char **out, size_t *out_length);
void chtml_free(unsigned char *buffer);

enum { CHTML_NOT_WELL_FORMED = 5 };

/// Parses XML (a feed) with libxml2's recovering XML parser into the same stream as chtml_parse, element names local
/// (without their namespace prefix), every attribute kept. Returns 0, or CHTML_NOT_WELL_FORMED when the stream holds
/// what could be read of a document that is not well-formed (*out is set in both cases), or another non-zero code.
int chtml_parse_xml(const char *data, int length, unsigned char **out, size_t *out_length);

#endif
