// zlib from Debian's zlib1g-dev: streaming inflate for WARC files (one gzip member per record, gigabytes in all),
// which libdeflate's whole-buffer decompression cannot read in constant memory.
#include <zlib.h>

// inflateInit2 is a macro; Swift sees this function instead.
static inline int czlib_inflate_init(z_stream *stream) {
    return inflateInit2(stream, 15 + 32);  // a zlib or gzip header, detected
}
