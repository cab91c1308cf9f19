// Umbrella header for the BLAS and LAPACK routines churnsim calls.
// Debian: cblas.h from libopenblas-dev, lapacke.h from liblapacke-dev.
#include <cblas.h>
#include <lapacke.h>

// OpenBLAS's own call to stop its worker threads (it uses it before fork); not in cblas.h.
// churnsim runs BLAS on the calling thread only, and idle workers would otherwise spin in
// sched_yield for a while after start-up, taking a core from the simulation's threads.
void blas_thread_shutdown_(void);
