#pragma once
// Utf8Sequence: checks one multi-byte UTF-8 sequence as its bytes arrive, so a streaming reader can
// validate text across chunk boundaries. Rejects overlong forms, surrogates and code points above
// U+10FFFF (the well-formed byte sequences of Unicode table 3-7).

#include <cstddef>
#include <string_view>

namespace ordo::ingest::internal {

class Utf8Sequence {
 public:
  // The number of continuation bytes `lead` announces (1 to 3), or 0 when it cannot start a
  // multi-byte sequence (ASCII, a continuation byte, 0xC0, 0xC1, 0xF5-0xFF).
  static int ContinuationCount(unsigned char lead) {
    if (lead >= 0xC2 && lead <= 0xDF) return 1;
    if (lead >= 0xE0 && lead <= 0xEF) return 2;
    if (lead >= 0xF0 && lead <= 0xF4) return 3;
    return 0;
  }

  // Starts a sequence. Precondition: ContinuationCount(lead) > 0.
  void Start(unsigned char lead) {
    bytes_[0] = static_cast<char>(lead);
    size_ = 1;
    expected_ = 1 + static_cast<std::size_t>(ContinuationCount(lead));
  }

  // True while a started sequence waits for more bytes.
  bool Pending() const { return size_ > 0 && size_ < expected_; }

  // Adds `byte` if it may come next in the pending sequence; returns false (and keeps nothing)
  // when it may not, in which case the sequence is broken and the caller should Reset().
  bool Accept(unsigned char byte) {
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (size_ == 1) {
      const auto lead = static_cast<unsigned char>(bytes_[0]);
      if (lead == 0xE0) low = 0xA0;   // overlong three-byte forms
      if (lead == 0xED) high = 0x9F;  // UTF-16 surrogates
      if (lead == 0xF0) low = 0x90;   // overlong four-byte forms
      if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
    }
    if (byte < low || byte > high) return false;
    bytes_[size_++] = static_cast<char>(byte);
    return true;
  }

  bool Complete() const { return size_ > 0 && size_ == expected_; }
  unsigned char Lead() const { return static_cast<unsigned char>(bytes_[0]); }
  std::string_view Bytes() const { return std::string_view(bytes_, size_); }

  void Reset() {
    size_ = 0;
    expected_ = 0;
  }

 private:
  char bytes_[4] = {};
  std::size_t size_ = 0;
  std::size_t expected_ = 0;
};

// Whether all of `text` is well-formed UTF-8.
inline bool IsValidUtf8(std::string_view text) {
  Utf8Sequence sequence;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (sequence.Pending()) {
      if (!sequence.Accept(byte)) return false;
      continue;
    }
    if (byte < 0x80) continue;
    if (Utf8Sequence::ContinuationCount(byte) == 0) return false;
    sequence.Start(byte);
  }
  return !sequence.Pending();
}

}  // namespace ordo::ingest::internal
