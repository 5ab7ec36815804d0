// zlib from Debian's zlib1g-dev, for .gz inputs.
#include <zlib.h>
