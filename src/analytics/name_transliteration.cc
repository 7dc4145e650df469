#include "analytics/name_transliteration.h"

#include <unicode/locid.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <array>
#include <memory>

#include "analytics/internal/utf8_walk.h"

namespace ordo::analytics {
namespace {

constexpr std::array<const char*, 4> kTransformIds = {
    "Latin-ASCII", "ru-ru_Latn/BGN; Latin-ASCII", "ky-ky_Latn/BGN; Latin-ASCII",
    "Any-Latin; Latin-ASCII"};

// ICU transliterators are not shared between threads: each thread builds its own, once.
const icu::Transliterator* TransformFor(Romanisation romanisation) {
  thread_local std::array<std::unique_ptr<icu::Transliterator>, 4> transforms;
  thread_local std::array<bool, 4> tried = {false, false, false, false};
  const auto index = static_cast<std::size_t>(romanisation);
  if (!tried[index]) {
    tried[index] = true;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createInstance(
        icu::UnicodeString::fromUTF8(kTransformIds[index]), UTRANS_FORWARD, status));
    if (U_SUCCESS(status)) transforms[index] = std::move(made);
  }
  return transforms[index].get();
}

}  // namespace

std::string_view NameScriptName(NameScript script) {
  switch (script) {
    case NameScript::kLatin:
      return "Latin";
    case NameScript::kCyrillic:
      return "Cyrillic";
    case NameScript::kOther:
      return "other";
    case NameScript::kNone:
      break;
  }
  return "none";
}

NameScript ScriptOf(std::string_view text) {
  bool latin = false;
  bool other = false;
  std::int32_t offset = 0;
  const auto length = static_cast<std::int32_t>(text.size());
  while (offset < length) {
    UChar32 c = 0;
    c = internal::NextCodePoint(text, &offset);
    if (c < 0 || !u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    if (U_FAILURE(status)) continue;
    if (script == USCRIPT_CYRILLIC) return NameScript::kCyrillic;
    if (script == USCRIPT_LATIN) {
      latin = true;
    } else {
      other = true;
    }
  }
  if (latin) return NameScript::kLatin;
  return other ? NameScript::kOther : NameScript::kNone;
}

bool HasKyrgyzLetters(std::string_view text) {
  std::int32_t offset = 0;
  const auto length = static_cast<std::int32_t>(text.size());
  while (offset < length) {
    UChar32 c = 0;
    c = internal::NextCodePoint(text, &offset);
    // ң Ң ө Ө ү Ү
    if (c == 0x04A3 || c == 0x04A2 || c == 0x04E9 || c == 0x04E8 || c == 0x04AF || c == 0x04AE) {
      return true;
    }
  }
  return false;
}

std::string_view RomanisationName(Romanisation romanisation) {
  switch (romanisation) {
    case Romanisation::kAscii:
      return "Latin-ASCII";
    case Romanisation::kRussian:
      return "ru-Latin";
    case Romanisation::kKyrgyz:
      return "ky-Latin";
    case Romanisation::kAnyLatin:
      break;
  }
  return "Any-Latin";
}

std::string Romanise(std::string_view text, Romanisation romanisation) {
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
  unicode.toLower(icu::Locale::getRoot());
  if (const icu::Transliterator* transform = TransformFor(romanisation)) {
    transform->transliterate(unicode);
  }
  unicode.toLower(icu::Locale::getRoot());
  // BGN's separators and the marks of the soft and hard signs (after Latin-ASCII: ' and ").
  for (const char16_t mark : {u'\u00B7', u'\'', u'"', u'\u02B9', u'\u02BA'}) {
    unicode.findAndReplace(icu::UnicodeString(mark), icu::UnicodeString());
  }
  std::string out;
  unicode.toUTF8String(out);
  return out;
}

}  // namespace ordo::analytics
