/* libxml2's HTML parser vs. Gumbo on the same pages (the extraction issue asks to measure both).
 *
 * Usage: parse-compare ROUNDS PAGE.html.gz...
 * Reads every page into memory (gunzipped), then for each parser parses every page ROUNDS times and reports the
 * total time, and, from one round, the element and text-node counts each tree has (how much of broken markup each
 * keeps). libxml2 runs with the options Triangulate's shim uses (recover, no network, compact).
 */
#include <gumbo.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

typedef struct {
    char *data;
    size_t length;
} Page;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static int read_page(const char *path, Page *page) {
    gzFile file = gzopen(path, "rb");
    if (!file) return 0;
    size_t capacity = 1 << 16;
    page->data = malloc(capacity);
    page->length = 0;
    int got;
    while ((got = gzread(file, page->data + page->length, (unsigned)(capacity - page->length))) > 0) {
        page->length += (size_t)got;
        if (page->length == capacity) {
            capacity *= 2;
            page->data = realloc(page->data, capacity);
        }
    }
    gzclose(file);
    return 1;
}

static void count_xml(xmlNodePtr node, long *elements, long *texts) {
    for (; node; node = node->next) {
        if (node->type == XML_ELEMENT_NODE) {
            (*elements)++;
            count_xml(node->children, elements, texts);
        } else if (node->type == XML_TEXT_NODE) {
            (*texts)++;
        }
    }
}

static void count_gumbo(GumboNode *node, long *elements, long *texts) {
    if (node->type == GUMBO_NODE_ELEMENT) {
        (*elements)++;
        GumboVector *children = &node->v.element.children;
        for (unsigned index = 0; index < children->length; index++) {
            count_gumbo(children->data[index], elements, texts);
        }
    } else if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
        (*texts)++;
    }
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s ROUNDS PAGE.html.gz...\n", argv[0]);
        return 64;
    }
    int rounds = atoi(argv[1]);
    int count = argc - 2;
    Page *pages = calloc((size_t)count, sizeof(Page));
    size_t bytes = 0;
    for (int index = 0; index < count; index++) {
        if (!read_page(argv[index + 2], &pages[index])) {
            fprintf(stderr, "cannot read %s\n", argv[index + 2]);
            return 1;
        }
        bytes += pages[index].length;
    }
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT;
    long xml_elements = 0, xml_texts = 0, gumbo_elements = 0, gumbo_texts = 0;
    double start = now();
    for (int round = 0; round < rounds; round++) {
        for (int index = 0; index < count; index++) {
            htmlDocPtr document = htmlReadMemory(pages[index].data, (int)pages[index].length, NULL, "UTF-8", options);
            if (round == 0 && document) count_xml(xmlDocGetRootElement(document), &xml_elements, &xml_texts);
            xmlFreeDoc(document);
        }
    }
    double xml_seconds = now() - start;
    start = now();
    for (int round = 0; round < rounds; round++) {
        for (int index = 0; index < count; index++) {
            GumboOutput *output = gumbo_parse_with_options(&kGumboDefaultOptions, pages[index].data, pages[index].length);
            if (round == 0) count_gumbo(output->root, &gumbo_elements, &gumbo_texts);
            gumbo_destroy_output(&kGumboDefaultOptions, output);
        }
    }
    double gumbo_seconds = now() - start;
    printf("%d pages, %.1f MB of HTML, %d rounds, one core\n", count, bytes / 1e6, rounds);
    printf("  libxml2 %-8s %7.3f s per round  %6.1f MB/s  elements %ld  text nodes %ld\n", LIBXML_DOTTED_VERSION,
        xml_seconds / rounds, bytes * rounds / xml_seconds / 1e6, xml_elements, xml_texts);
    printf("  gumbo            %7.3f s per round  %6.1f MB/s  elements %ld  text nodes %ld\n", gumbo_seconds / rounds,
        bytes * rounds / gumbo_seconds / 1e6, gumbo_elements, gumbo_texts);
    printf("  libxml2 is %.1fx %s\n", xml_seconds < gumbo_seconds ? gumbo_seconds / xml_seconds : xml_seconds / gumbo_seconds,
        xml_seconds < gumbo_seconds ? "faster" : "slower");
    return 0;
}
