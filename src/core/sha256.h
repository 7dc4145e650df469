#pragma once
// SHA-256 digests, as lowercase hexadecimal, from OpenSSL's libcrypto: the hash of the audit log's
// chain (core/audit_record.h).

#include <string>
#include <string_view>

namespace ordo {

// The 64-character lowercase hex SHA-256 digest of `data`.
std::string Sha256Hex(std::string_view data);

// True when `text` is 64 lowercase hex digits, the form Sha256Hex returns.
bool IsSha256Hex(std::string_view text);

}  // namespace ordo
