// OpenBLAS from Debian's libopenblas-dev: single-precision matrix products for the MiniLM sentence encoder
// (TriangulateMiniLM). Only that target links it.
#include <cblas.h>
