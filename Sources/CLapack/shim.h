// Umbrella header for the BLAS and LAPACK routines churnsim calls.
// Debian: cblas.h from libopenblas-dev, lapacke.h from liblapacke-dev.
#include <cblas.h>
#include <lapacke.h>
