#pragma once
// Name matching across scripts for duplicate detection (issue #5, "Names across scripts"): a
// person's or organization's name is split into tokens, each romanised to ASCII
// (name_transliteration.h: Russian and Kyrgyz BGN/PCGN for Cyrillic) and folded to a key that
// forgets the differences spellings of one name show (y/i, kh/h, zh/dzh/dj/j, doubled letters, ...);
// two names are compared token set against token set, in any order, with patronymics and initials
// as tokens of their own. The result is a score in [0, 1] and an explanation a person can check.
// docs/names.md describes the rules with measured examples.

#include <string>
#include <string_view>
#include <vector>

#include "analytics/name_transliteration.h"

namespace ordo::analytics {

// The folded key of an ASCII spelling: letters only, lower case, then "shch"->"sh", "dzh" "dj"
// "zh"->"j", "kh"->"h", "ph"->"f", "ck" "q"->"k", "w"->"v", "x"->"ks", "y"->"i", a leading
// "ie"->"e", and doubled letters once ("Dzhyenbekov" and "Jeenbekov" both give "jenbekov").
std::string FoldLatin(std::string_view ascii);

enum class NameTokenRole {
  kName,        // a surname or a given name (their order differs between sources)
  kPatronymic,  // -ovich, -evich, -ovna, -evna (not first), or "X uulu" / "X kyzy"
  kInitial,     // one letter, with or without a dot
};

struct NameSpelling {
  Romanisation romanisation = Romanisation::kAscii;
  std::string ascii;  // the romanised token, lower case
  std::string key;    // FoldLatin(ascii); for a patronymic, the father's name in it
};

struct NameToken {
  std::string text;  // as written ("Садыров", "O", "Asan uulu")
  NameTokenRole role = NameTokenRole::kName;
  // Latin: one spelling (Latin-ASCII). Cyrillic: ru-Latin then ky-Latin, or only ky-Latin when the
  // token has ң ө ү. Other scripts: Any-Latin.
  std::vector<NameSpelling> spellings;
};

struct ParsedName {
  std::string text;
  NameScript script = NameScript::kNone;
  std::vector<NameToken> tokens;  // at most kMaxNameTokens, in the order written
};

inline constexpr std::size_t kMaxNameTokens = 6;

// Splits `text` (UTF-8) at spaces, commas, dots and semicolons and romanises each token. Tokens
// past kMaxNameTokens are dropped. Thread-safe.
ParsedName ParseName(std::string_view text);

struct NameMatchOptions {
  // When false, names in different scripts (Cyrillic against Latin) score 0: Cyrillic is only
  // compared with Cyrillic and Latin with Latin.
  bool cross_script = true;
  // When false, only the score is computed and the explanation stays empty: for screening many
  // pairs, explaining only those that pass.
  bool explain = true;
};

struct NameMatch {
  double score = 0;  // in [0, 1]
  // "surname Садыров ~ Sadyrov via ru-Latin (exact after folding); given name ...".
  std::string explanation;
};

// How alike `a` and `b` are. Tokens are paired one to one, in any order, the best pairing
// winning: a name with a name (1 when the keys agree, else 1 - edits/length when that is at least
// 0.75), a name or patronymic with an initial of its first letter (0.7), two equal initials
// (0.8), a patronymic with a patronymic by the father's name in it. The score is the sum over the
// pairs divided by the number of pairs plus the tokens left unpaired on either side; a patronymic
// that only one side writes is not counted, and without a name paired with a name the score is 0.
NameMatch CompareNames(const ParsedName& a, const ParsedName& b, const NameMatchOptions& options);

}  // namespace ordo::analytics
