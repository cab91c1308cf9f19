// The declaration in include/CFuzzerDriver.h is the whole target; the definition comes from
// libclang_rt.fuzzer_no_main, linked by scripts/fuzz.sh.
#include "CFuzzerDriver.h"
