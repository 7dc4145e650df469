#include "analytics/name_match.h"

#include <fmt/format.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

#include "analytics/internal/utf8_walk.h"

namespace ordo::analytics {
namespace {

// Credits of the pairs that are not two names (CompareNames).
constexpr double kInitialCredit = 0.7;
constexpr double kTwoInitialsCredit = 0.8;
// Two keys closer than this (1 - edits / longer length) do not pair.
constexpr double kMinTokenSimilarity = 0.75;

constexpr std::array<std::string_view, 7> kPatronymicEndings = {
    "ovitch", "evitch", "ovich", "evich", "ichna", "ovna", "evna"};
// "uulu" (son of), "kyzy" (daughter of), "ogly": their folded keys.
constexpr std::array<std::string_view, 3> kPatronymicWords = {"ulu", "kizi", "ogli"};
constexpr std::array<std::string_view, 11> kSurnameEndings = {
    "ov", "ev", "ova", "eva", "in", "ina", "enko", "ski", "skaia", "uulu", "bekov"};

bool EndsWith(std::string_view text, std::string_view ending) {
  return text.size() >= ending.size() && text.substr(text.size() - ending.size()) == ending;
}

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

double KeySimilarity(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return 0;
  if (a == b) return 1;
  const double longer = static_cast<double>(std::max(a.size(), b.size()));
  const double similarity = 1.0 - static_cast<double>(EditDistance(a, b)) / longer;
  return similarity >= kMinTokenSimilarity ? similarity : 0;
}

bool IsSeparator(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '.' || c == ';' ||
         c == '(' || c == ')' || c == '/' || c == 0x00A0 || c == '"';
}

std::size_t LetterCount(std::string_view token) {
  std::size_t letters = 0;
  std::int32_t offset = 0;
  const auto length = static_cast<std::int32_t>(token.size());
  while (offset < length) {
    UChar32 c = 0;
    c = internal::NextCodePoint(token, &offset);
    if (c >= 0 && u_isalpha(c)) ++letters;
  }
  return letters;
}

std::vector<std::string> SplitTokens(std::string_view text) {
  std::vector<std::string> tokens;
  std::string current;
  std::int32_t offset = 0;
  const auto length = static_cast<std::int32_t>(text.size());
  while (offset < length) {
    const std::int32_t start = offset;
    UChar32 c = 0;
    c = internal::NextCodePoint(text, &offset);
    if (c >= 0 && IsSeparator(c)) {
      if (!current.empty()) tokens.push_back(std::move(current));
      current.clear();
    } else if (c >= 0) {
      current.append(text.substr(static_cast<std::size_t>(start),
                                 static_cast<std::size_t>(offset - start)));
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

// Between two digits, these join the groups of one number: "1.2.1", "12/3", "14-2" (and the
// Unicode hyphens and en dash).
bool IsNumberJoiner(UChar32 c) {
  return c == '.' || c == '-' || c == '/' || c == 0x2010 || c == 0x2011 || c == 0x2013;
}

std::vector<NameNumber> NumbersOf(std::string_view text) {
  std::vector<NameNumber> numbers;
  NameNumber current;
  std::string group;    // the ASCII digits of the group being read
  std::string pending;  // a joiner read after a digit: part of the number if a digit follows
  auto end_group = [&] {
    const std::size_t first = group.find_first_not_of('0');
    if (!current.key.empty()) current.key += '.';
    current.key += first == std::string::npos ? std::string("0") : group.substr(first);
    group.clear();
  };
  auto end_number = [&] {
    if (!group.empty()) end_group();
    if (!current.text.empty()) numbers.push_back(std::move(current));
    current = NameNumber();
    pending.clear();
  };
  std::int32_t offset = 0;
  const auto length = static_cast<std::int32_t>(text.size());
  while (offset < length) {
    const std::int32_t start = offset;
    const UChar32 c = internal::NextCodePoint(text, &offset);
    const std::string_view written = text.substr(static_cast<std::size_t>(start),
                                                 static_cast<std::size_t>(offset - start));
    if (c >= 0 && u_isdigit(c)) {
      if (!pending.empty()) {
        current.text += pending;
        pending.clear();
        end_group();
      }
      current.text += written;
      group += static_cast<char>('0' + u_charDigitValue(c));
    } else if (c >= 0 && IsNumberJoiner(c) && !group.empty() && pending.empty()) {
      pending = std::string(written);
    } else {
      end_number();
    }
  }
  end_number();
  return numbers;
}

std::vector<std::string> SortedKeys(const std::vector<NameNumber>& numbers) {
  std::vector<std::string> keys;
  keys.reserve(numbers.size());
  for (const NameNumber& number : numbers) keys.push_back(number.key);
  std::sort(keys.begin(), keys.end());
  return keys;
}

std::string NumbersText(const std::vector<NameNumber>& numbers) {
  std::string text;
  for (const NameNumber& number : numbers) {
    if (!text.empty()) text += ", ";
    text += number.text;
  }
  return text;
}

// What the explanation says of the two names' numbers ("" when neither writes one).
std::string DescribeNumbers(const ParsedName& a, const ParsedName& b, bool agree) {
  if (a.numbers.empty() && b.numbers.empty()) return "";
  const std::string text_a = NumbersText(a.numbers);
  const std::string text_b = NumbersText(b.numbers);
  const bool several = std::max(a.numbers.size(), b.numbers.size()) > 1;
  if (agree) {
    return text_a == text_b
               ? fmt::format("same number{} {}", several ? "s" : "", text_a)
               : fmt::format("same number{} {} = {}", several ? "s" : "", text_a, text_b);
  }
  if (a.numbers.empty() || b.numbers.empty()) {
    const std::vector<NameNumber>& written = a.numbers.empty() ? b.numbers : a.numbers;
    return fmt::format("number{} {} on one side only (score at most {})",
                       written.size() > 1 ? "s" : "", NumbersText(written), kNumberMismatchCap);
  }
  return fmt::format("numbers differ: {} ≠ {} (score at most {})", text_a, text_b,
                     kNumberMismatchCap);
}

std::vector<NameSpelling> SpellingsOf(std::string_view token) {
  std::vector<Romanisation> romanisations;
  switch (ScriptOf(token)) {
    case NameScript::kCyrillic:
      if (!HasKyrgyzLetters(token)) romanisations.push_back(Romanisation::kRussian);
      romanisations.push_back(Romanisation::kKyrgyz);
      break;
    case NameScript::kOther:
      romanisations.push_back(Romanisation::kAnyLatin);
      break;
    case NameScript::kLatin:
    case NameScript::kNone:
      romanisations.push_back(Romanisation::kAscii);
      break;
  }
  // Russian ё is often written е, and romanised yo as well as BGN's ye: a third spelling reads it
  // as йо.
  std::string yo_as_jo;
  if (token.find("ё") != std::string_view::npos || token.find("Ё") != std::string_view::npos) {
    yo_as_jo = std::string(token);
    for (std::string_view yo : {"ё", "Ё"}) {
      for (std::size_t at = yo_as_jo.find(yo); at != std::string::npos; at = yo_as_jo.find(yo)) {
        yo_as_jo.replace(at, yo.size(), "йо");
      }
    }
  }
  std::vector<NameSpelling> spellings;
  for (std::size_t i = 0; i <= romanisations.size(); ++i) {
    if (i == romanisations.size() && yo_as_jo.empty()) break;
    const Romanisation romanisation =
        i < romanisations.size() ? romanisations[i] : Romanisation::kRussian;
    NameSpelling spelling;
    spelling.romanisation = romanisation;
    spelling.ascii = Romanise(i < romanisations.size() ? token : yo_as_jo, romanisation);
    spelling.key = FoldLatin(spelling.ascii);
    const bool repeated = std::any_of(spellings.begin(), spellings.end(),
                                      [&](const NameSpelling& s) { return s.key == spelling.key; });
    if (!repeated) spellings.push_back(std::move(spelling));
  }
  return spellings;
}

// The father's name in a patronymic key ("asanovich" -> "asan"), or "" when it is none.
std::string PatronymicStem(std::string_view key) {
  for (std::string_view ending : kPatronymicEndings) {
    if (EndsWith(key, ending) && key.size() >= ending.size() + 2) {
      return std::string(key.substr(0, key.size() - ending.size()));
    }
  }
  return "";
}

bool IsPatronymicWord(const NameToken& token) {
  return std::any_of(token.spellings.begin(), token.spellings.end(), [](const NameSpelling& s) {
    return std::find(kPatronymicWords.begin(), kPatronymicWords.end(), s.key) !=
           kPatronymicWords.end();
  });
}

bool LooksLikeSurname(const NameToken& token) {
  for (const NameSpelling& spelling : token.spellings) {
    for (std::string_view ending : kSurnameEndings) {
      if (spelling.key.size() > ending.size() + 1 && EndsWith(spelling.key, ending)) return true;
    }
  }
  return false;
}

// How two tokens pair: the credit (0 when they do not) and the spellings that gave it.
struct TokenPairing {
  double credit = 0;
  std::size_t spelling_a = 0;
  std::size_t spelling_b = 0;
};

bool InitialFits(const NameToken& initial, const NameToken& other) {
  for (const NameSpelling& mine : initial.spellings) {
    for (const NameSpelling& theirs : other.spellings) {
      for (char letter : {mine.ascii.empty() ? '\0' : mine.ascii[0],
                          mine.key.empty() ? '\0' : mine.key[0]}) {
        if (letter == '\0') continue;
        if ((!theirs.ascii.empty() && theirs.ascii[0] == letter) ||
            (!theirs.key.empty() && theirs.key[0] == letter)) {
          return true;
        }
      }
    }
  }
  return false;
}

TokenPairing Pair(const NameToken& a, const NameToken& b) {
  TokenPairing best;
  const bool a_initial = a.role == NameTokenRole::kInitial;
  const bool b_initial = b.role == NameTokenRole::kInitial;
  if (a_initial || b_initial) {
    if (a_initial && b_initial) {
      best.credit = InitialFits(a, b) ? kTwoInitialsCredit : 0;
    } else {
      best.credit = (a_initial ? InitialFits(a, b) : InitialFits(b, a)) ? kInitialCredit : 0;
    }
    return best;
  }
  if (a.role != b.role) return best;  // a name never pairs with a patronymic
  for (std::size_t i = 0; i < a.spellings.size(); ++i) {
    for (std::size_t j = 0; j < b.spellings.size(); ++j) {
      const double similarity = KeySimilarity(a.spellings[i].key, b.spellings[j].key);
      if (similarity > best.credit) best = {similarity, i, j};
    }
  }
  return best;
}

// The best one-to-one pairing of the tokens of two names, searched exhaustively (names have at
// most kMaxNameTokens tokens).
class PairingSearch {
 public:
  PairingSearch(const ParsedName& a, const ParsedName& b) : a_(a), b_(b) {
    pairings_.resize(a.tokens.size() * b.tokens.size());
    for (std::size_t i = 0; i < a.tokens.size(); ++i) {
      for (std::size_t j = 0; j < b.tokens.size(); ++j) {
        pairings_[i * b.tokens.size() + j] = Pair(a.tokens[i], b.tokens[j]);
      }
    }
    a_has_patronymic_ = HasPatronymic(a);
    b_has_patronymic_ = HasPatronymic(b);
    partner_.assign(a.tokens.size(), kNone);
    b_used_.assign(b.tokens.size(), false);
  }

  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  void Run() { Search(0, 0); }

  double BestScore() const { return best_score_; }
  const std::vector<std::size_t>& BestPartners() const { return best_partner_; }
  const TokenPairing& PairingOf(std::size_t i, std::size_t j) const {
    return pairings_[i * b_.tokens.size() + j];
  }
  // Whether an unpaired token of a name counts: a patronymic does not when the other name writes
  // none.
  bool CountsUnpaired(const NameToken& token, bool other_has_patronymic) const {
    return token.role != NameTokenRole::kPatronymic || other_has_patronymic;
  }
  bool AHasPatronymic() const { return a_has_patronymic_; }
  bool BHasPatronymic() const { return b_has_patronymic_; }

 private:
  static bool HasPatronymic(const ParsedName& name) {
    return std::any_of(name.tokens.begin(), name.tokens.end(), [](const NameToken& token) {
      return token.role == NameTokenRole::kPatronymic;
    });
  }

  void Search(std::size_t i, double credit) {
    if (i == a_.tokens.size()) {
      Score(credit);
      return;
    }
    partner_[i] = kNone;
    Search(i + 1, credit);
    for (std::size_t j = 0; j < b_.tokens.size(); ++j) {
      if (b_used_[j]) continue;
      const TokenPairing& pairing = PairingOf(i, j);
      if (pairing.credit <= 0) continue;
      b_used_[j] = true;
      partner_[i] = j;
      Search(i + 1, credit + pairing.credit);
      partner_[i] = kNone;
      b_used_[j] = false;
    }
  }

  void Score(double credit) {
    bool names_paired = false;
    double parts = 0;
    for (std::size_t i = 0; i < a_.tokens.size(); ++i) {
      if (partner_[i] != kNone) {
        parts += 1;
        names_paired = names_paired || (a_.tokens[i].role == NameTokenRole::kName &&
                                         b_.tokens[partner_[i]].role == NameTokenRole::kName);
      } else if (CountsUnpaired(a_.tokens[i], b_has_patronymic_)) {
        parts += 1;
      }
    }
    for (std::size_t j = 0; j < b_.tokens.size(); ++j) {
      if (!b_used_[j] && CountsUnpaired(b_.tokens[j], a_has_patronymic_)) parts += 1;
    }
    const double score = names_paired && parts > 0 ? credit / parts : 0;
    if (score > best_score_ || best_partner_.empty()) {
      best_score_ = score;
      best_partner_ = partner_;
    }
  }

  const ParsedName& a_;
  const ParsedName& b_;
  std::vector<TokenPairing> pairings_;
  bool a_has_patronymic_ = false;
  bool b_has_patronymic_ = false;
  std::vector<std::size_t> partner_;
  std::vector<bool> b_used_;
  double best_score_ = 0;
  std::vector<std::size_t> best_partner_;
};

std::string Via(const NameSpelling& a, const NameSpelling& b) {
  std::vector<std::string_view> used;
  for (const NameSpelling* spelling : {&a, &b}) {
    if (spelling->romanisation == Romanisation::kAscii) continue;
    const std::string_view name = RomanisationName(spelling->romanisation);
    if (std::find(used.begin(), used.end(), name) == used.end()) used.push_back(name);
  }
  if (used.empty()) return "";
  std::string via = " via ";
  for (std::size_t i = 0; i < used.size(); ++i) {
    if (i > 0) via += "/";
    via += used[i];
  }
  return via;
}

std::string DescribePair(const NameToken& a, const NameToken& b, const TokenPairing& pairing) {
  if (a.role == NameTokenRole::kInitial || b.role == NameTokenRole::kInitial) {
    const NameToken& full = a.role == NameTokenRole::kInitial ? b : a;
    const std::string what = full.role == NameTokenRole::kPatronymic ? "patronymic"
                             : full.role == NameTokenRole::kInitial ? "initial"
                             : LooksLikeSurname(full)               ? "surname"
                                                                    : "given name";
    return fmt::format("{} {} ~ {} (initial)", what, a.text, b.text);
  }
  const NameSpelling& sa = a.spellings[pairing.spelling_a];
  const NameSpelling& sb = b.spellings[pairing.spelling_b];
  std::string role;
  if (a.role == NameTokenRole::kPatronymic) {
    role = "patronymic";
  } else {
    role = LooksLikeSurname(a) || LooksLikeSurname(b) ? "surname" : "given name";
  }
  std::string how;
  if (a.text == b.text) {
    how = "same spelling";
  } else if (a.role == NameTokenRole::kPatronymic && sa.key == sb.key) {
    how = fmt::format("same father's name '{}'", sa.key);
  } else if (sa.ascii == sb.ascii) {
    how = "same after romanisation";
  } else if (sa.key == sb.key) {
    how = "exact after folding";
  } else {
    const std::size_t edits = EditDistance(sa.key, sb.key);
    how = fmt::format("{} ~ {}: {} edit{} after folding, {:.2f}", sa.key, sb.key, edits,
                      edits == 1 ? "" : "s", pairing.credit);
  }
  return fmt::format("{} {} ~ {}{} ({})", role, a.text, b.text, Via(sa, sb), how);
}

}  // namespace

std::string FoldLatin(std::string_view ascii) {
  std::string letters;
  for (char c : ascii) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 'a' && u <= 'z') letters += c;
    if (u >= 'A' && u <= 'Z') letters += static_cast<char>(u - 'A' + 'a');
  }
  struct Rule {
    std::string_view from;
    std::string_view to;
  };
  static constexpr std::array<Rule, 11> kRules = {{{"shch", "sh"},
                                                   {"dzh", "j"},
                                                   {"dj", "j"},
                                                   {"zh", "j"},
                                                   {"kh", "h"},
                                                   {"ph", "f"},
                                                   {"ck", "k"},
                                                   {"q", "k"},
                                                   {"w", "v"},
                                                   {"x", "ks"},
                                                   {"y", "i"}}};
  std::string folded;
  for (std::size_t i = 0; i < letters.size();) {
    bool replaced = false;
    for (const Rule& rule : kRules) {
      if (letters.compare(i, rule.from.size(), rule.from) == 0) {
        folded += rule.to;
        i += rule.from.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) folded += letters[i++];
  }
  if (folded.rfind("ie", 0) == 0) folded.erase(0, 1);
  std::string key;
  for (char c : folded) {
    if (key.empty() || key.back() != c) key += c;
  }
  return key;
}

ParsedName ParseName(std::string_view text) {
  ParsedName name;
  name.text = std::string(text);
  name.script = ScriptOf(text);
  name.numbers = NumbersOf(text);
  for (std::string& piece : SplitTokens(text)) {
    if (LetterCount(piece) == 0) continue;
    NameToken token;
    token.spellings = SpellingsOf(piece);
    if (token.spellings.empty() || token.spellings.front().key.empty()) continue;
    token.role = LetterCount(piece) == 1 ? NameTokenRole::kInitial : NameTokenRole::kName;
    token.text = std::move(piece);
    // "Asan uulu", "Asan kyzy": the word makes the token before it a patronymic.
    if (!name.tokens.empty() && IsPatronymicWord(token) &&
        name.tokens.back().role == NameTokenRole::kName) {
      NameToken& father = name.tokens.back();
      father.role = NameTokenRole::kPatronymic;
      father.text += " " + token.text;
      continue;
    }
    if (token.role == NameTokenRole::kName && !name.tokens.empty()) {
      std::vector<NameSpelling> stems = token.spellings;
      bool all = true;
      for (NameSpelling& spelling : stems) {
        spelling.key = PatronymicStem(spelling.key);
        all = all && !spelling.key.empty();
      }
      if (all) {
        token.role = NameTokenRole::kPatronymic;
        token.spellings = std::move(stems);
      }
    }
    name.tokens.push_back(std::move(token));
    if (name.tokens.size() == kMaxNameTokens) break;
  }
  return name;
}

NameMatch CompareNames(const ParsedName& a, const ParsedName& b, const NameMatchOptions& options) {
  NameMatch match;
  const bool scripted_a = a.script == NameScript::kLatin || a.script == NameScript::kCyrillic;
  const bool scripted_b = b.script == NameScript::kLatin || b.script == NameScript::kCyrillic;
  if (!options.cross_script && scripted_a && scripted_b && a.script != b.script) {
    if (options.explain) {
      match.explanation = fmt::format("{} against {}: cross-script matching is off",
                                      NameScriptName(a.script), NameScriptName(b.script));
    }
    return match;
  }
  if (a.tokens.empty() || b.tokens.empty()) {
    if (options.explain) match.explanation = "no name to compare";
    return match;
  }
  PairingSearch search(a, b);
  search.Run();
  match.score = std::clamp(search.BestScore(), 0.0, 1.0);
  const bool numbers_agree = (a.numbers.empty() && b.numbers.empty()) ||
                             SortedKeys(a.numbers) == SortedKeys(b.numbers);
  if (!numbers_agree) match.score = std::min(match.score, kNumberMismatchCap);
  if (!options.explain) return match;
  const std::vector<std::size_t>& partner = search.BestPartners();
  std::vector<std::string> parts;
  std::vector<bool> b_paired(b.tokens.size(), false);
  std::vector<std::string> unpaired;
  std::vector<std::string> one_sided;
  for (std::size_t i = 0; i < a.tokens.size(); ++i) {
    if (partner[i] != PairingSearch::kNone) {
      b_paired[partner[i]] = true;
      parts.push_back(
          DescribePair(a.tokens[i], b.tokens[partner[i]], search.PairingOf(i, partner[i])));
    } else if (search.CountsUnpaired(a.tokens[i], search.BHasPatronymic())) {
      unpaired.push_back(a.tokens[i].text);
    } else {
      one_sided.push_back(a.tokens[i].text);
    }
  }
  for (std::size_t j = 0; j < b.tokens.size(); ++j) {
    if (b_paired[j]) continue;
    if (search.CountsUnpaired(b.tokens[j], search.AHasPatronymic())) {
      unpaired.push_back(b.tokens[j].text);
    } else {
      one_sided.push_back(b.tokens[j].text);
    }
  }
  if (parts.empty() || match.score == 0) {
    match.explanation = "no name in common";
    return match;
  }
  for (const std::string& text : unpaired) parts.push_back(text + " unmatched");
  for (const std::string& text : one_sided) {
    parts.push_back("patronymic " + text + " on one side only (not counted)");
  }
  if (std::string numbers = DescribeNumbers(a, b, numbers_agree); !numbers.empty()) {
    parts.push_back(std::move(numbers));
  }
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) match.explanation += "; ";
    match.explanation += parts[i];
  }
  return match;
}

}  // namespace ordo::analytics
