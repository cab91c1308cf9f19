internal import CLapack

/// How OpenBLAS uses threads inside churnsim.
public enum BLASThreading {
    /// Makes every BLAS and LAPACK call run on the calling thread. churnsim's matrices are
    /// small (p × p for p covariates, with data rows folded in blocks of 256), where OpenBLAS's
    /// worker threads only add hand-offs and busy-waiting (measured: a 100,000-row Cox fit used
    /// 0.44 s of CPU for 0.24 s of wall time), and the simulator already keeps every core busy
    /// with paths.
    public static func useCallingThreadOnly() {
        openblas_set_num_threads(1)
    }
}
