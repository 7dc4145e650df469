#pragma once
// ORDO_ASSERT(cond, "what broke"): checks an invariant in every build. A failed assertion is a bug in
// Ordo, never a reaction to user input, so it prints where it broke and aborts.

#include <cstdio>
#include <cstdlib>

#define ORDO_ASSERT(cond, what)                                                        \
  do {                                                                                 \
    if (!(cond)) {                                                                     \
      std::fprintf(stderr, "%s:%d: assertion failed: %s (%s)\n", __FILE__, __LINE__, \
                   #cond, what);                                                       \
      std::abort();                                                                    \
    }                                                                                  \
  } while (false)
