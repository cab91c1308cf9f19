// libFuzzer's entry for programs with their own main (libclang_rt.fuzzer_no_main): parses
// libFuzzer's command-line flags from argv and calls `callback` with each input.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
