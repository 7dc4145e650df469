#include "ingest/reference_readers.h"

#include <cerrno>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "ingest/internal/utf8_sequence.h"

namespace ordo::ingest {
namespace {

// GNU gettext .mo layout: a 28-byte header of 32-bit words (magic, revision, string count, offset
// of the original-string table, offset of the translation table, hash table size and offset), then
// two tables of (length, offset) pairs. The byte order is the writer's; the magic tells which.
constexpr std::uint32_t kMagic = 0x950412de;
constexpr std::size_t kHeaderBytes = 28;
constexpr std::size_t kTableEntryBytes = 8;
// Real catalogs are tens of kilobytes; anything this large is not one.
constexpr std::size_t kMaxCatalogBytes = std::size_t{64} * 1024 * 1024;

Error Malformed(const std::string& why) { return InvalidArgument("not a valid .mo file: " + why); }

class MoBytes {
 public:
  MoBytes(std::string_view bytes, bool big_endian) : bytes_(bytes), big_endian_(big_endian) {}

  // Precondition: offset + 4 <= size().
  std::uint32_t Word(std::uint64_t offset) const {
    const auto at = static_cast<std::size_t>(offset);
    std::uint32_t word = 0;
    for (std::size_t i = 0; i < 4; ++i) {
      const auto byte = static_cast<unsigned char>(bytes_[at + (big_endian_ ? i : 3 - i)]);
      word = (word << 8) | byte;
    }
    return word;
  }

  // Entry `index` of the string table at `table`, which lies inside the file (checked by caller).
  Result<std::string_view> TableString(std::uint64_t table, std::uint64_t index,
                                       std::string_view table_name) const {
    const std::uint64_t entry = table + index * kTableEntryBytes;
    const std::uint64_t length = Word(entry);
    const std::uint64_t offset = Word(entry + 4);
    if (offset + length > bytes_.size()) {
      return Malformed(std::string(table_name) + " string " + std::to_string(index) +
                       " lies past the end of the file");
    }
    return bytes_.substr(static_cast<std::size_t>(offset), static_cast<std::size_t>(length));
  }

  std::size_t Size() const { return bytes_.size(); }

 private:
  std::string_view bytes_;
  bool big_endian_;
};

// The part before the first NUL: the singular msgid, or the first plural form of a msgstr.
std::string_view FirstForm(std::string_view text) { return text.substr(0, text.find('\0')); }

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::in | std::ios::binary);
  if (!in.is_open()) {
    return Unavailable("cannot open '" + path + "': " + std::generic_category().message(errno));
  }
  std::string bytes;
  char chunk[64 * 1024];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > kMaxCatalogBytes) {
      return InvalidArgument("'" + path + "' is too large for a gettext catalog");
    }
  }
  if (in.bad()) return Unavailable("cannot read '" + path + "'");
  return bytes;
}

}  // namespace

Result<std::map<std::string, std::string>> ParseGettextCatalog(std::string_view bytes) {
  if (bytes.size() < kHeaderBytes) {
    return Malformed("only " + std::to_string(bytes.size()) + " bytes, shorter than the header");
  }
  const bool big_endian = MoBytes(bytes, false).Word(0) != kMagic;
  const MoBytes file(bytes, big_endian);
  if (file.Word(0) != kMagic) return Malformed("wrong magic number");
  if ((file.Word(4) >> 16) > 1) return Malformed("unknown major revision");
  const std::uint64_t count = file.Word(8);
  const std::uint64_t originals = file.Word(12);
  const std::uint64_t translations = file.Word(16);
  if (originals + count * kTableEntryBytes > file.Size()) {
    return Malformed("the table of original strings ends past the end of the file");
  }
  if (translations + count * kTableEntryBytes > file.Size()) {
    return Malformed("the table of translations ends past the end of the file");
  }
  std::map<std::string, std::string> catalog;
  for (std::uint64_t index = 0; index < count; ++index) {
    ORDO_TRY(original, file.TableString(originals, index, "original"));
    ORDO_TRY(translation, file.TableString(translations, index, "translated"));
    const std::string_view msgid = FirstForm(original);
    const std::string_view msgstr = FirstForm(translation);
    if (msgid.empty() || msgstr.empty()) continue;  // the catalog header, or untranslated
    if (!internal::IsValidUtf8(msgid) || !internal::IsValidUtf8(msgstr)) {
      return Malformed("string " + std::to_string(index) + " is not valid UTF-8");
    }
    catalog.emplace(msgid, msgstr);
  }
  return catalog;
}

Result<std::map<std::string, std::string>> LoadGettextCatalog(const std::string& mo_path) {
  std::error_code error;
  const auto status = std::filesystem::status(mo_path, error);
  if (status.type() == std::filesystem::file_type::not_found) {
    return NotFound("no gettext catalog at '" + mo_path + "'");
  }
  if (error) return Unavailable("cannot read '" + mo_path + "': " + error.message());
  if (std::filesystem::is_directory(status)) {
    return InvalidArgument("'" + mo_path + "' is a directory, not a .mo file");
  }
  ORDO_TRY(bytes, ReadWholeFile(mo_path));
  auto catalog = ParseGettextCatalog(bytes);
  if (!catalog.has_value()) return InvalidArgument(mo_path + ": " + catalog.error().message());
  return catalog;
}

}  // namespace ordo::ingest
