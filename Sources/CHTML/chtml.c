#include "chtml.h"
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
    unsigned char *data;
    size_t length;
    size_t capacity;
    int failed;
} Buffer;

static void put(Buffer *buffer, const void *bytes, size_t count) {
    if (buffer->failed) return;
    if (buffer->length + count > buffer->capacity) {
        size_t capacity = buffer->capacity ? buffer->capacity : 65536;
        while (capacity < buffer->length + count) capacity *= 2;
        unsigned char *grown = realloc(buffer->data, capacity);
        if (!grown) { buffer->failed = 1; return; }
        buffer->data = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->data + buffer->length, bytes, count);
    buffer->length += count;
}

static void put_string(Buffer *buffer, const xmlChar *text) {
    if (text) put(buffer, text, strlen((const char *)text));
    unsigned char zero = 0;
    put(buffer, &zero, 1);
}

/* Attributes extraction reads; the others (data-*, event handlers, srcset…) are not copied out. */
static const char *const kept_attributes[] = {
    "class", "id", "href", "rel", "property", "name", "content", "itemprop", "datetime", "type", "lang", "charset",
    "http-equiv", "role", "hidden", "aria-hidden", "style", NULL,
};

/* Elements whose content is never article text: left out whole (libxml2 gives names in lowercase). */
static const char *const skipped_elements[] = {
    "style", "noscript", "template", "svg", "math", "iframe", "object", NULL,
};

static int listed(const xmlChar *name, const char *const *list) {
    for (int index = 0; list[index]; index++) {
        if (name[0] == (xmlChar)list[index][0] && strcmp((const char *)name, list[index]) == 0) return 1;
    }
    return 0;
}

/* The SAX state: the stream being written, the depth inside a left-out element, whether a text is open. Adjacent
 * character callbacks (libxml2 delivers text in chunks and entities apart) become one text record. */
typedef struct {
    Buffer buffer;
    int skipping;
    int text_open;
    int last_space;
    int depth;
} State;

/* Elements nested deeper than this are left out with their content (hostile pages nest thousands of levels; the
 * Swift side walks the tree recursively). */
enum { max_depth = 512 };

static void close_text(State *state) {
    if (!state->text_open) return;
    unsigned char zero = 0;
    put(&state->buffer, &zero, 1);
    state->text_open = 0;
}

/* A script element is kept only when it holds JSON-LD (metadata); its text is all it has. */
static int is_json_ld(const xmlChar **attributes) {
    for (int index = 0; attributes && attributes[index]; index += 2) {
        if (strcmp((const char *)attributes[index], "type") != 0 || !attributes[index + 1]) continue;
        const char *value = (const char *)attributes[index + 1];
        for (const char *c = value; *c; c++) {
            if (strncasecmp(c, "ld+json", 7) == 0) return 1;
        }
    }
    return 0;
}

static void on_start(void *context, const xmlChar *name, const xmlChar **attributes) {
    State *state = context;
    if (state->skipping) {
        state->skipping++;
        return;
    }
    if (state->depth >= max_depth || listed(name, skipped_elements)
        || (strcmp((const char *)name, "script") == 0 && !is_json_ld(attributes))) {
        close_text(state);
        state->skipping = 1;
        return;
    }
    close_text(state);
    state->depth++;
    Buffer *buffer = &state->buffer;
    unsigned char open = 1;
    put(buffer, &open, 1);
    put_string(buffer, name);
    unsigned char count = 0;
    for (int index = 0; attributes && attributes[index] && count < 255; index += 2) {
        if (listed(attributes[index], kept_attributes)) count++;
    }
    put(buffer, &count, 1);
    unsigned char written = 0;
    for (int index = 0; attributes && attributes[index] && written < count; index += 2) {
        if (!listed(attributes[index], kept_attributes)) continue;
        put_string(buffer, attributes[index]);
        put_string(buffer, attributes[index + 1]);
        written++;
    }
}

static void on_end(void *context, const xmlChar *name) {
    (void)name;
    State *state = context;
    if (state->skipping) {
        state->skipping--;
        return;
    }
    close_text(state);
    state->depth--;
    unsigned char close = 3;
    put(&state->buffer, &close, 1);
}

/* Text goes out with each run of ASCII whitespace as one space: every reader of the tree collapses whitespace runs
 * anyway, and short texts then fit in a Swift string without an allocation. */
static void on_text(void *context, const xmlChar *text, int length) {
    State *state = context;
    if (state->skipping || length <= 0) return;
    if (!state->text_open) {
        unsigned char marker = 2;
        put(&state->buffer, &marker, 1);
        state->text_open = 1;
        state->last_space = 0;
    }
    int start = 0;
    for (int index = 0; index < length; index++) {
        xmlChar c = text[index];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            if (index > start) put(&state->buffer, text + start, (size_t)(index - start));
            start = index + 1;
            if (!state->last_space) {
                unsigned char space = ' ';
                put(&state->buffer, &space, 1);
                state->last_space = 1;
            }
        } else {
            state->last_space = 0;
        }
    }
    if (length > start) put(&state->buffer, text + start, (size_t)(length - start));
}

/* libxml2 must be initialized once, before any thread uses it; without it two threads creating parser contexts
 * at once can deadlock on the dictionary mutex. */
static pthread_once_t initialized = PTHREAD_ONCE_INIT;
static void initialize(void) { xmlInitParser(); }
void chtml_initialize(void) { pthread_once(&initialized, initialize); }

static int is_space(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

/* Skips from `at` (just past "<!--") to after "-->", or to the end. */
static long skip_comment(const unsigned char *bytes, long length, long at) {
    for (; at + 2 < length; at++) {
        if (bytes[at] == '-' && bytes[at + 1] == '-' && bytes[at + 2] == '>') return at + 3;
    }
    return length;
}

/* Reads one start tag's attributes from `at` (just past the tag name); returns where the tag ends, or -1 when an
 * attribute limit is passed (*status says which). */
static long scan_attributes(const unsigned char *bytes, long length, long at, const chtml_limits *limits,
                            int *status) {
    long count = 0;
    while (at < length) {
        while (at < length && (is_space(bytes[at]) || bytes[at] == '/')) at++;
        if (at >= length || bytes[at] == '>' || bytes[at] == '<') return at;
        long name = at;
        while (at < length && !is_space(bytes[at]) && bytes[at] != '=' && bytes[at] != '>' && bytes[at] != '/') at++;
        if (at == name) at++;
        if (++count > limits->max_attributes) { *status = CHTML_TOO_MANY_ATTRIBUTES; return -1; }
        long start = at;
        while (at < length && is_space(bytes[at])) at++;
        if (at >= length || bytes[at] != '=') { at = start; continue; }
        at++;
        while (at < length && is_space(bytes[at])) at++;
        long value = at;
        if (at < length && (bytes[at] == '"' || bytes[at] == '\'')) {
            unsigned char quote = bytes[at++];
            value = at;
            while (at < length && bytes[at] != quote) at++;
            if (at - value > limits->max_attribute_bytes) { *status = CHTML_ATTRIBUTE_TOO_LONG; return -1; }
            if (at < length) at++;
        } else {
            while (at < length && !is_space(bytes[at]) && bytes[at] != '>') at++;
            if (at - value > limits->max_attribute_bytes) { *status = CHTML_ATTRIBUTE_TOO_LONG; return -1; }
        }
    }
    return at;
}

int chtml_check_limits(const char *data, long length, const chtml_limits *limits) {
    const unsigned char *bytes = (const unsigned char *)data;
    int status = 0;
    for (long at = 0; at < length;) {
        if (bytes[at] != '<') { at++; continue; }
        if (at + 3 < length && bytes[at + 1] == '!' && bytes[at + 2] == '-' && bytes[at + 3] == '-') {
            at = skip_comment(bytes, length, at + 4);
            continue;
        }
        unsigned char next = at + 1 < length ? bytes[at + 1] : 0;
        if (!((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z'))) { at++; continue; }
        at += 1;
        while (at < length && !is_space(bytes[at]) && bytes[at] != '>' && bytes[at] != '/') at++;
        at = scan_attributes(bytes, length, at, limits, &status);
        if (at < 0) return status;
    }
    return 0;
}

/* libxml2's encoding layer reports bad bytes ("input conversion failed") through the generic error channel, which
 * the parser options do not silence; the handler is per thread, so it is set before every parse. */
static void silent(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

int chtml_parse(const char *data, int length, const char *encoding, unsigned char **out, size_t *out_length) {
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
    chtml_initialize();
    xmlSetGenericErrorFunc(NULL, silent);
    xmlSetStructuredErrorFunc(NULL, NULL);
    htmlParserCtxtPtr context = htmlNewParserCtxt();
    if (!context) return 1;
    /* Events instead of a tree: libxml2 builds no nodes; the stream is written as the parser goes. */
    xmlSAXHandler *sax = context->sax;
    memset(sax, 0, sizeof(*sax));
    sax->initialized = 1;
    sax->startElement = on_start;
    sax->endElement = on_end;
    sax->characters = on_text;
    sax->cdataBlock = on_text;
    State state = {0};
    context->userData = &state;
    htmlCtxtReadMemory(context, data, length, NULL, encoding, options);
    htmlFreeParserCtxt(context);
    close_text(&state);
    if (state.buffer.failed) { free(state.buffer.data); return 2; }
    if (!state.buffer.data) return 1;
    *out = state.buffer.data;
    *out_length = state.buffer.length;
    return 0;
}

void chtml_free(unsigned char *buffer) { free(buffer); }

/* XML (feeds): SAX2 events with namespaces, into the same stream as chtml_parse. Names are local names (the prefix
 * dropped: `dc:creator` is `creator`), every attribute is kept (up to 255), nothing is left out but what is nested
 * deeper than max_depth. */
static void on_start_ns(void *context, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                        int namespace_count, const xmlChar **namespaces, int attribute_count, int defaulted,
                        const xmlChar **attributes) {
    (void)prefix; (void)uri; (void)namespace_count; (void)namespaces; (void)defaulted;
    State *state = context;
    if (state->skipping || state->depth >= max_depth) {
        close_text(state);
        state->skipping++;
        return;
    }
    close_text(state);
    state->depth++;
    Buffer *buffer = &state->buffer;
    unsigned char open = 1;
    put(buffer, &open, 1);
    put_string(buffer, localname);
    unsigned char count = attribute_count < 0 ? 0 : (attribute_count > 255 ? 255 : (unsigned char)attribute_count);
    put(buffer, &count, 1);
    for (int index = 0; index < count; index++) {
        const xmlChar **attribute = attributes + index * 5;  /* localname, prefix, URI, value, end */
        put_string(buffer, attribute[0]);
        if (attribute[3] && attribute[4] && attribute[4] >= attribute[3]) {
            put(buffer, attribute[3], (size_t)(attribute[4] - attribute[3]));
        }
        unsigned char zero = 0;
        put(buffer, &zero, 1);
    }
}

static void on_end_ns(void *context, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri) {
    (void)prefix; (void)uri;
    on_end(context, localname);
}

int chtml_parse_xml(const char *data, int length, unsigned char **out, size_t *out_length) {
    /* No entity substitution from outside (no NOENT, no DTD loading, no network): a feed cannot read files or
     * expand entities without libxml2's amplification limits. */
    int options = XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NONET | XML_PARSE_NOCDATA;
    chtml_initialize();
    xmlSetGenericErrorFunc(NULL, silent);
    xmlSetStructuredErrorFunc(NULL, NULL);
    xmlParserCtxtPtr context = xmlNewParserCtxt();
    if (!context) return 1;
    xmlSAXHandler *sax = context->sax;
    memset(sax, 0, sizeof(*sax));
    sax->initialized = XML_SAX2_MAGIC;
    sax->startElementNs = on_start_ns;
    sax->endElementNs = on_end_ns;
    sax->characters = on_text;
    sax->cdataBlock = on_text;
    State state = {0};
    context->userData = &state;
    xmlCtxtReadMemory(context, data, length, NULL, NULL, options);
    int well_formed = context->wellFormed;
    xmlFreeParserCtxt(context);
    close_text(&state);
    if (state.buffer.failed) { free(state.buffer.data); return 2; }
    if (!state.buffer.data) return 1;
    *out = state.buffer.data;
    *out_length = state.buffer.length;
    return well_formed ? 0 : CHTML_NOT_WELL_FORMED;
}
