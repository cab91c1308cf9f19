internal import CLapack

/// How OpenBLAS uses threads inside churnsim.
public enum BLASThreading {
    /// Makes every BLAS and LAPACK call run on the calling thread, and stops OpenBLAS's worker
    /// threads. churnsim's matrices are small (p × p for p covariates, with data rows folded in
    /// blocks of 256), where those workers only add hand-offs and busy-waiting: a 100,000-row
    /// Cox fit used 0.44 s of CPU for 0.24 s of wall time, and a one-thread simulation ran at
    /// 114% CPU because an idle worker spun in `sched_yield` after start-up. The simulator
    /// already keeps every core busy with paths. Call it once, before other threads use BLAS.
    public static func useCallingThreadOnly() {
        openblas_set_num_threads(1)
        blas_thread_shutdown_()
    }
}
