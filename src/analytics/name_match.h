#pragma once
// Name matching across scripts for duplicate detection (issue #5, "Names across scripts"): a
// person's or organization's name is split into tokens, each romanised to ASCII
// (name_transliteration.h: Russian and Kyrgyz BGN/PCGN for Cyrillic) and folded to a key that
// forgets the differences spellings of one name show (y/i, kh/h, zh/dzh/dj/j, doubled letters, ...);
// two names are compared token set against token set, in any order, with patronymics and initials
// as tokens of their own. The numbers in a name (digits, in any script) are not romanised: they
// must agree exactly, or the score is capped (kNumberMismatchCap), since "Group 3" and "Group 4"
// are two groups. The result is a score in [0, 1] and an explanation a person can check.
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

// A number written in a name: a run of decimal digits (any script's), with the digit groups
// joined by '.', '-' or '/' between two digits ("1.2.1", "12/3", "14-2") read as one number.
struct NameNumber {
  std::string text;  // as written: "1.2.1", "07"
  // ASCII digits, each group without leading zeros, the groups joined by '.': "1.2.1", "7";
  // "12/3" and "12-3" both give "12.3".
  std::string key;
};

struct ParsedName {
  std::string text;
  NameScript script = NameScript::kNone;
  std::vector<NameToken> tokens;    // at most kMaxNameTokens, in the order written
  std::vector<NameNumber> numbers;  // every number in the text, in the order written
};

inline constexpr std::size_t kMaxNameTokens = 6;

// The highest score two names get when their numbers differ (one writes a number the other does
// not, or they write different ones): "Organiser 1.1.1" and "Organiser 1.2.1" are two people,
// "Group 3" and "Group 4" two groups. Low enough that such a pair stays below the default candidate
// threshold (0.8) even with a shared phone (0.6) or email (0.7) beside it (duplicate_candidates.h).
inline constexpr double kNumberMismatchCap = 0.3;

// Splits `text` (UTF-8) at spaces, commas, dots and semicolons and romanises each token; a token
// without letters (a number) is not a token, its digits are read into `numbers`. Tokens past
// kMaxNameTokens are dropped. Thread-safe.
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
// When the names' numbers are not the same (as multisets of NameNumber::key) the score is at most
// kNumberMismatchCap and the explanation says "numbers differ"; names without numbers compare as
// before.
NameMatch CompareNames(const ParsedName& a, const ParsedName& b, const NameMatchOptions& options);

}  // namespace ordo::analytics
