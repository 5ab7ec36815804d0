#include "chtml.h"
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

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
        if (strcmp((const char *)name, list[index]) == 0) return 1;
    }
    return 0;
}

/* A script element is kept only when it holds JSON-LD (metadata); its text is all it has. */
static int is_json_ld(xmlNodePtr node) {
    xmlChar *type = xmlGetProp(node, (const xmlChar *)"type");
    int found = 0;
    if (type) {
        for (xmlChar *c = type; *c; c++) {
            if (*c >= 'A' && *c <= 'Z') *c = (xmlChar)(*c + 32);
        }
        found = strstr((const char *)type, "ld+json") != NULL;
    }
    if (type) xmlFree(type);
    return found;
}

static void walk(Buffer *buffer, xmlNodePtr node, int depth) {
    for (; node; node = node->next) {
        if (node->type == XML_ELEMENT_NODE) {
            if (listed(node->name, skipped_elements)) continue;
            if (strcmp((const char *)node->name, "script") == 0 && !is_json_ld(node)) continue;
            unsigned char open = 1;
            put(buffer, &open, 1);
            put_string(buffer, node->name);
            unsigned char count = 0;
            for (xmlAttrPtr attribute = node->properties; attribute && count < 255; attribute = attribute->next) {
                if (listed(attribute->name, kept_attributes)) count++;
            }
            put(buffer, &count, 1);
            unsigned char written = 0;
            for (xmlAttrPtr attribute = node->properties; attribute && written < count; attribute = attribute->next) {
                if (!listed(attribute->name, kept_attributes)) continue;
                put_string(buffer, attribute->name);
                xmlChar *value = xmlNodeListGetString(node->doc, attribute->children, 1);
                put_string(buffer, value);
                if (value) xmlFree(value);
                written++;
            }
            if (depth < 512) walk(buffer, node->children, depth + 1);
            unsigned char close = 3;
            put(buffer, &close, 1);
        } else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            unsigned char text = 2;
            put(buffer, &text, 1);
            put_string(buffer, node->content);
        }
    }
}

int chtml_parse(const char *data, int length, const char *encoding, unsigned char **out, size_t *out_length) {
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT;
    htmlDocPtr document = htmlReadMemory(data, length, NULL, encoding, options);
    if (!document) return 1;
    Buffer buffer = {0};
    walk(&buffer, xmlDocGetRootElement(document), 0);
    xmlFreeDoc(document);
    if (buffer.failed) { free(buffer.data); return 2; }
    *out = buffer.data;
    *out_length = buffer.length;
    return 0;
}

void chtml_free(unsigned char *buffer) { free(buffer); }
