#pragma once
// Transliteration of names to folded ASCII with ICU (Debian libicu-dev), for matching across
// scripts: Russian and Kyrgyz Cyrillic by the BGN/PCGN romanisations ICU ships
// (ru-ru_Latn/BGN, ky-ky_Latn/BGN), anything else by Any-Latin, each followed by Latin-ASCII.
// The generic Cyrillic-Latin transform is not used: ICU 72 leaves Kyrgyz ң ө ү untouched by it.

#include <string>
#include <string_view>

namespace ordo::analytics {

enum class NameScript { kLatin, kCyrillic, kOther, kNone };

// "Latin", "Cyrillic", "other", "none".
std::string_view NameScriptName(NameScript script);

// The script of the letters of `text` (UTF-8): kCyrillic when any letter is Cyrillic, else kLatin
// when any is Latin, else kOther when there is any letter at all, else kNone.
NameScript ScriptOf(std::string_view text);

// True when `text` holds a letter only Kyrgyz (of the two) writes: ң ө ү (either case).
bool HasKyrgyzLetters(std::string_view text);

enum class Romanisation {
  kAscii,    // Latin text: accents dropped (Latin-ASCII)
  kRussian,  // ru-ru_Latn/BGN; Latin-ASCII
  kKyrgyz,   // ky-ky_Latn/BGN; Latin-ASCII
  kAnyLatin  // Any-Latin; Latin-ASCII (other scripts)
};

// "Latin-ASCII", "ru-Latin", "ky-Latin", "Any-Latin": the names explanations use.
std::string_view RomanisationName(Romanisation romanisation);

// `text` (UTF-8) lower-cased and romanised to ASCII by `romanisation`, without BGN's separator
// dot (ru-Latin writes Жээнбеков "zh·e·enbekov") and the marks of soft and hard signs; characters
// that remain outside ASCII are kept as they are. Thread-safe (each thread keeps its own ICU transliterators).
// Never fails: if ICU cannot build a transform, the text is only lower-cased.
std::string Romanise(std::string_view text, Romanisation romanisation);

}  // namespace ordo::analytics
