// libdeflate from Debian's libdeflate-dev, for .gz inputs (whole-buffer decompression).
#include <libdeflate.h>
