#include "analytics/password_hash.h"

#include <argon2.h>
#include <openssl/rand.h>

#include <array>
#include <cstdint>

namespace ordo::analytics {
namespace {

constexpr std::uint32_t kSaltBytes = 16;
constexpr std::uint32_t kHashBytes = 32;
constexpr unsigned kLanes = 1;

Status RandomBytes(unsigned char* out, std::size_t count) {
  if (RAND_bytes(out, static_cast<int>(count)) != 1) {
    return Internal("the random number generator failed");
  }
  return OkStatus();
}

std::size_t CharacterCount(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace

Status CheckNewPassword(std::string_view password) {
  if (password.size() > 1024) return InvalidArgument("password is longer than 1024 bytes");
  if (CharacterCount(password) < 12) {
    return InvalidArgument("password is shorter than 12 characters");
  }
  return OkStatus();
}

Result<std::string> HashPassword(std::string_view password) {
  std::array<unsigned char, kSaltBytes> salt{};
  ORDO_RETURN_IF_ERROR(RandomBytes(salt.data(), salt.size()));
  const std::size_t encoded_length = argon2_encodedlen(kArgon2Passes, kArgon2MemoryKiB, kLanes,
                                                       kSaltBytes, kHashBytes, Argon2_id);
  std::string encoded(encoded_length, '\0');
  const int result = argon2id_hash_encoded(kArgon2Passes, kArgon2MemoryKiB, kLanes,
                                           password.data(), password.size(), salt.data(),
                                           salt.size(), kHashBytes, encoded.data(),
                                           encoded.size());
  if (result != ARGON2_OK) {
    return Internal(std::string("argon2id failed: ") + argon2_error_message(result));
  }
  encoded.resize(encoded.find('\0') == std::string::npos ? encoded.size() : encoded.find('\0'));
  return encoded;
}

bool VerifyPassword(std::string_view encoded, std::string_view password) {
  if (encoded.empty()) {
    // Spend the same time as a real check, then fail.
    (void)argon2id_verify(DecoyPasswordHash().c_str(), password.data(), password.size());
    return false;
  }
  const std::string terminated(encoded);
  return argon2id_verify(terminated.c_str(), password.data(), password.size()) == ARGON2_OK;
}

const std::string& DecoyPasswordHash() {
  static const std::string* decoy = [] {
    Result<std::string> hash = HashPassword("ordo decoy password, never an account's");
    return new std::string(hash ? *hash : std::string());
  }();
  return *decoy;
}

Result<std::string> NewSecretToken() {
  std::array<unsigned char, 32> bytes{};
  ORDO_RETURN_IF_ERROR(RandomBytes(bytes.data(), bytes.size()));
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string token = "ordo_";
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      token += kAlphabet[(buffer >> bits) & 0x3F];
    }
  }
  if (bits > 0) token += kAlphabet[(buffer << (6 - bits)) & 0x3F];
  return token;
}

}  // namespace ordo::analytics
