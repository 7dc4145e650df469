#pragma once
// Passwords and secrets of accounts (issue #6): argon2id hashes (libargon2) and random tokens
// (OpenSSL's RNG), with the lockout rule that login applies. Nothing here stores anything.

#include <string>
#include <string_view>

#include "core/result.h"

namespace ordo::analytics {

// argon2id with OWASP's minimum for it: 19 MiB of memory, 2 passes, 1 lane, 16-byte salt and
// 32-byte hash, in argon2's encoded form ("$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>"), so the
// parameters travel with the hash and can be raised later without breaking old ones.
inline constexpr unsigned kArgon2MemoryKiB = 19456;
inline constexpr unsigned kArgon2Passes = 2;

// kInvalidArgument naming the rule: at least 12 characters (bytes of UTF-8 counted as characters
// when they start one) and at most 1024 bytes.
Status CheckNewPassword(std::string_view password);

// The encoded argon2id hash of `password` with a fresh random salt. kInternal when the RNG or
// libargon2 fails.
Result<std::string> HashPassword(std::string_view password);

// Whether `password` matches `encoded`; false for an empty or malformed `encoded` (an account
// without a password cannot log in). Takes as long for a wrong password as for a right one.
bool VerifyPassword(std::string_view encoded, std::string_view password);

// A hash to verify against when the account does not exist, so that an unknown user costs the same
// time as a wrong password.
const std::string& DecoyPasswordHash();

// A new secret for an API token or a sign-in link: "ordo_" and 43 characters of URL-safe base64
// from 32 random bytes. kInternal when the RNG fails.
Result<std::string> NewSecretToken();

}  // namespace ordo::analytics
