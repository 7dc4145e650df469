// Name matching across scripts on the spellings analysts meet in Kyrgyz and Russian case files.
// The names are made up (common Kyrgyz name parts), not real people.

#include "analytics/name_match.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace ordo::analytics {
namespace {

NameMatch Compare(const std::string& a, const std::string& b, bool cross_script = true) {
  NameMatchOptions options;
  options.cross_script = cross_script;
  return CompareNames(ParseName(a), ParseName(b), options);
}

TEST(RomaniseTest, IcuGivesTheBgnSpellingsThisCodeRelyOn) {
  // ICU 72 as shipped by Debian 12; the generic Cyrillic-Latin would leave ө ү as they are.
  EXPECT_EQ(Romanise("Өмүрбек", Romanisation::kKyrgyz), "omurbek");
  EXPECT_EQ(Romanise("Чыңгыз", Romanisation::kKyrgyz), "chynggyz");
  EXPECT_EQ(Romanise("Жээнбеков", Romanisation::kKyrgyz), "jeenbekov");
  EXPECT_EQ(Romanise("Садыров", Romanisation::kRussian), "sadyrov");
  EXPECT_EQ(Romanise("Асанович", Romanisation::kRussian), "asanovich");
  EXPECT_EQ(Romanise("Жээнбеков", Romanisation::kRussian), "zheenbekov");  // BGN writes zh·e·e
  EXPECT_EQ(Romanise("Хасанов", Romanisation::kRussian), "khasanov");
  EXPECT_EQ(Romanise("Ömürbek", Romanisation::kAscii), "omurbek");
}

TEST(ScriptTest, CyrillicWinsOverLatinAndKyrgyzLettersAreSeen) {
  EXPECT_EQ(ScriptOf("Sadyrov"), NameScript::kLatin);
  EXPECT_EQ(ScriptOf("Садыров"), NameScript::kCyrillic);
  EXPECT_EQ(ScriptOf("Sadyrov / Садыров"), NameScript::kCyrillic);
  EXPECT_EQ(ScriptOf("12-34"), NameScript::kNone);
  EXPECT_TRUE(HasKyrgyzLetters("Аңгыч"));
  EXPECT_TRUE(HasKyrgyzLetters("ӨМҮРБЕК"));
  EXPECT_FALSE(HasKyrgyzLetters("Садыров"));
}

TEST(FoldLatinTest, ForgetsTheUsualSpellingDifferences) {
  EXPECT_EQ(FoldLatin("Sadyrov"), FoldLatin("Sadirov"));
  EXPECT_EQ(FoldLatin("Dzhenishbek"), FoldLatin("Jenishbek"));
  EXPECT_EQ(FoldLatin("Djenishbek"), FoldLatin("Jenishbek"));
  EXPECT_EQ(FoldLatin("Zheenbekov"), FoldLatin("Jenbekov"));
  EXPECT_EQ(FoldLatin("Khasanov"), FoldLatin("Hasanov"));
  EXPECT_EQ(FoldLatin("Yuliya"), FoldLatin("Iulia"));
  EXPECT_EQ(FoldLatin("Dmitriy"), FoldLatin("Dmitry"));
  EXPECT_EQ(FoldLatin("Yelena"), FoldLatin("Elena"));
  EXPECT_EQ(FoldLatin("Aleksandr"), FoldLatin("Alexandr"));
  EXPECT_NE(FoldLatin("Sadyrov"), FoldLatin("Sabyrov"));
}

TEST(ParseNameTest, FindsPatronymicsInitialsAndKyrgyzUulu) {
  const ParsedName full = ParseName("Садыров Өмүрбек Асанович");
  ASSERT_EQ(full.tokens.size(), 3u);
  EXPECT_EQ(full.script, NameScript::kCyrillic);
  EXPECT_EQ(full.tokens[0].role, NameTokenRole::kName);
  EXPECT_EQ(full.tokens[2].role, NameTokenRole::kPatronymic);
  EXPECT_EQ(full.tokens[2].spellings.at(0).key, "asan");
  // Kyrgyz ө ү: only the ky-Latin spelling.
  ASSERT_EQ(full.tokens[1].spellings.size(), 1u);
  EXPECT_EQ(full.tokens[1].spellings[0].romanisation, Romanisation::kKyrgyz);

  const ParsedName initials = ParseName("Sadyrov O.A.");
  ASSERT_EQ(initials.tokens.size(), 3u);
  EXPECT_EQ(initials.tokens[1].role, NameTokenRole::kInitial);
  EXPECT_EQ(initials.tokens[2].role, NameTokenRole::kInitial);

  const ParsedName uulu = ParseName("Bakyt Asan uulu");
  ASSERT_EQ(uulu.tokens.size(), 2u);
  EXPECT_EQ(uulu.tokens[1].role, NameTokenRole::kPatronymic);
  EXPECT_EQ(uulu.tokens[1].text, "Asan uulu");

  // A first word in -ovich is a surname, not a patronymic.
  EXPECT_EQ(ParseName("Abramovich Roman").tokens[0].role, NameTokenRole::kName);
}

TEST(CompareNamesTest, OneSurnameInThreeSpellingsAcrossScripts) {
  const NameMatch latin = Compare("Sadyrov", "Sadirov");
  const NameMatch cyrillic = Compare("Садыров", "Sadirov");
  const NameMatch exact = Compare("Садыров", "Sadyrov");

  EXPECT_DOUBLE_EQ(latin.score, 1.0);
  EXPECT_EQ(latin.explanation, "surname Sadyrov ~ Sadirov (exact after folding)");
  EXPECT_DOUBLE_EQ(cyrillic.score, 1.0);
  EXPECT_EQ(cyrillic.explanation, "surname Садыров ~ Sadirov via ru-Latin (exact after folding)");
  EXPECT_EQ(exact.explanation, "surname Садыров ~ Sadyrov via ru-Latin (same after romanisation)");
}

TEST(CompareNamesTest, WithoutExplainingTheScoreIsTheSameAndTheWordsAreLeftOut) {
  NameMatchOptions quiet;
  quiet.explain = false;
  for (const auto& [a, b] : std::vector<std::pair<const char*, const char*>>{
           {"Sadyrov Asan", "Садыров Асан"}, {"Asan Sadyrov", "A. Sadyrov"},
           {"Bakyt Osmonov", "Talant Usenov"}, {"Омурбек", "Omurbek uulu Talant"},
           {"Organiser 1.1.1", "Organiser 1.2.1"}, {"Group 3", "Group"},
           {"Group 03", "Group 3"}}) {
    const NameMatch explained = Compare(a, b);
    const NameMatch screened = CompareNames(ParseName(a), ParseName(b), quiet);
    EXPECT_DOUBLE_EQ(screened.score, explained.score) << a << " / " << b;
    EXPECT_TRUE(screened.explanation.empty()) << screened.explanation;
    EXPECT_FALSE(explained.explanation.empty());
  }
}

TEST(CompareNamesTest, KyrgyzLettersGoThroughKyrgyzRomanisation) {
  const NameMatch accented = Compare("Өмүрбек", "Ömürbek");
  const NameMatch plain = Compare("Өмүрбек", "Omurbek");
  const NameMatch eng = Compare("Чыңгыз", "Chingiz");
  const NameMatch russian_spelling = Compare("Чыңгыз", "Чингиз");

  EXPECT_DOUBLE_EQ(accented.score, 1.0);
  EXPECT_EQ(accented.explanation,
            "given name Өмүрбек ~ Ömürbek via ky-Latin (same after romanisation)");
  EXPECT_DOUBLE_EQ(plain.score, 1.0);
  EXPECT_DOUBLE_EQ(eng.score, 1.0);
  EXPECT_EQ(eng.explanation, "given name Чыңгыз ~ Chingiz via ky-Latin (exact after folding)");
  EXPECT_DOUBLE_EQ(russian_spelling.score, 1.0);
}

TEST(CompareNamesTest, NameOrderDoesNotMatterAndAOneSidedPatronymicIsNotCounted) {
  const NameMatch match = Compare("Садыров Өмүрбек Асанович", "Omurbek Sadyrov");

  EXPECT_DOUBLE_EQ(match.score, 1.0);
  EXPECT_EQ(match.explanation,
            "surname Садыров ~ Sadyrov via ru-Latin (same after romanisation); given name "
            "Өмүрбек ~ Omurbek via ky-Latin (same after romanisation); patronymic Асанович on "
            "one side only (not counted)");
}

TEST(CompareNamesTest, PatronymicsCompareByTheFathersName) {
  const NameMatch both = Compare("Садыров Өмүрбек Асанович", "Sadyrov Omurbek Asanovich");
  const NameMatch uulu = Compare("Бакыт Асанович", "Bakyt Asan uulu");
  const NameMatch other_father = Compare("Садыров Өмүрбек Асанович", "Sadyrov Omurbek Bakytovich");

  EXPECT_DOUBLE_EQ(both.score, 1.0);
  EXPECT_NE(both.explanation.find("patronymic Асанович ~ Asanovich via ru-Latin (same father's "
                                  "name 'asan')"),
            std::string::npos)
      << both.explanation;
  EXPECT_DOUBLE_EQ(uulu.score, 1.0);
  // Two names agree, the fathers differ: 2 / (2 pairs + 2 unpaired patronymics).
  EXPECT_DOUBLE_EQ(other_father.score, 0.5);
  EXPECT_NE(other_father.explanation.find("Bakytovich unmatched"), std::string::npos);
}

TEST(CompareNamesTest, InitialsCountLessThanFullNames) {
  const NameMatch initials = Compare("Sadyrov O. A.", "Садыров Өмүрбек Асанович");
  const NameMatch wrong_initial = Compare("Sadyrov B.", "Sadyrov Omurbek");

  // surname 1 + initial O~Өмүрбек 0.7 + initial A~Асанович 0.7, over 3 parts.
  EXPECT_NEAR(initials.score, 2.4 / 3, 1e-12);
  EXPECT_NE(initials.explanation.find("given name O ~ Өмүрбек (initial)"), std::string::npos)
      << initials.explanation;
  EXPECT_NEAR(wrong_initial.score, 1.0 / 3, 1e-12);
}

TEST(CompareNamesTest, DifferentPeopleWithOneSurnameScoreLow) {
  const NameMatch match = Compare("Sadyrov Omurbek", "Sadyrov Bakyt");

  EXPECT_NEAR(match.score, 1.0 / 3, 1e-12);
  EXPECT_EQ(match.explanation,
            "surname Sadyrov ~ Sadyrov (same spelling); Omurbek unmatched; Bakyt unmatched");
  EXPECT_DOUBLE_EQ(Compare("Asanov Bakyt", "Osmonov Nurlan").score, 0.0);
  EXPECT_DOUBLE_EQ(Compare("O. A.", "Omurbek Asanovich").score, 0.0);  // initials alone: nothing
}

TEST(CompareNamesTest, CloseSpellingsScoreByEditsAfterFolding) {
  const NameMatch match = Compare("Mamytkulov", "Mamytkulova");

  EXPECT_NEAR(match.score, 1.0 - 1.0 / 11, 1e-12);
  EXPECT_EQ(match.explanation,
            "surname Mamytkulov ~ Mamytkulova (mamitkulov ~ mamitkulova: 1 edit after folding, "
            "0.91)");
}

TEST(CompareNamesTest, TheSwitchKeepsScriptsApart) {
  const NameMatch across = Compare("Садыров Өмүрбек", "Sadyrov Omurbek", false);
  const NameMatch within = Compare("Садыров Өмүрбек", "Садиров Омурбек", false);

  EXPECT_DOUBLE_EQ(across.score, 0.0);
  EXPECT_EQ(across.explanation, "Cyrillic against Latin: cross-script matching is off");
  EXPECT_DOUBLE_EQ(within.score, 1.0);
  EXPECT_DOUBLE_EQ(Compare("Sadyrov Omurbek", "Sadirov Omurbek", false).score, 1.0);
}

// Numbers are not romanised or folded: "Group 3" and "Group 4" are two groups, "Organiser 1.1.1"
// and "Organiser 1.2.1" (the placeholders of `ordo simulate --cases`) two people.
TEST(NameNumbersTest, DigitGroupsJoinedByDotsDashesOrSlashesAreOneNumber) {
  const ParsedName organiser = ParseName("Organiser 1.2.1");
  const ParsedName address = ParseName("Ленина 12/3, кв. 07");
  const ParsedName arabic = ParseName("Group \u0663");  // ARABIC-INDIC DIGIT THREE

  ASSERT_EQ(organiser.numbers.size(), 1u);
  EXPECT_EQ(organiser.numbers[0].text, "1.2.1");
  EXPECT_EQ(organiser.numbers[0].key, "1.2.1");
  ASSERT_EQ(organiser.tokens.size(), 1u);  // the number is not a name token
  ASSERT_EQ(address.numbers.size(), 2u);
  EXPECT_EQ(address.numbers[0].key, "12.3");
  EXPECT_EQ(address.numbers[1].text, "07");
  EXPECT_EQ(address.numbers[1].key, "7");
  ASSERT_EQ(arabic.numbers.size(), 1u);
  EXPECT_EQ(arabic.numbers[0].key, "3");
  EXPECT_EQ(ParseName("12-3").numbers.at(0).key, ParseName("12/3").numbers.at(0).key);
  EXPECT_TRUE(ParseName("Садыров Өмүрбек Асанович").numbers.empty());
}

TEST(CompareNamesTest, NamesThatDifferOnlyInTheirNumbersAreNotTheSame) {
  const NameMatch organisers = Compare("Organiser 1.1.1", "Organiser 1.2.1");
  const NameMatch groups = Compare("Group 3", "Group 4");
  const NameMatch one_sided = Compare("Group 3", "Group");
  const NameMatch streets = Compare("Ленина 12", "Lenina 14");

  EXPECT_DOUBLE_EQ(organisers.score, kNumberMismatchCap);
  EXPECT_EQ(organisers.explanation,
            "given name Organiser ~ Organiser (same spelling); numbers differ: 1.1.1 ≠ 1.2.1 "
            "(score at most 0.3)");
  EXPECT_DOUBLE_EQ(groups.score, kNumberMismatchCap);
  EXPECT_EQ(groups.explanation,
            "given name Group ~ Group (same spelling); numbers differ: 3 ≠ 4 (score at most "
            "0.3)");
  EXPECT_DOUBLE_EQ(one_sided.score, kNumberMismatchCap);
  EXPECT_EQ(one_sided.explanation,
            "given name Group ~ Group (same spelling); number 3 on one side only (score at most "
            "0.3)");
  EXPECT_DOUBLE_EQ(streets.score, kNumberMismatchCap);
  EXPECT_NE(streets.explanation.find("numbers differ: 12 ≠ 14"), std::string::npos)
      << streets.explanation;
  // 1/3 without the numbers, capped; a score below the cap stays as it is.
  EXPECT_DOUBLE_EQ(Compare("Sadyrov Omurbek 1", "Sadyrov Bakyt 2").score, kNumberMismatchCap);
  EXPECT_DOUBLE_EQ(Compare("Asanov 1", "Osmonov 2").score, 0.0);
}

TEST(CompareNamesTest, EqualNumbersKeepTheScoreAndSaySo) {
  const NameMatch same = Compare("Organiser 1.1.1", "Organiser 1.1.1");
  const NameMatch padded = Compare("Group 03", "Group 3");
  const NameMatch reordered = Compare("Lenina 12, kv. 3", "kv. 3, Ленина 12");

  EXPECT_DOUBLE_EQ(same.score, 1.0);
  EXPECT_EQ(same.explanation, "given name Organiser ~ Organiser (same spelling); same number 1.1.1");
  EXPECT_DOUBLE_EQ(padded.score, 1.0);
  EXPECT_EQ(padded.explanation, "given name Group ~ Group (same spelling); same number 03 = 3");
  EXPECT_DOUBLE_EQ(reordered.score, 1.0);  // numbers, like words, in any order
}

TEST(CompareNamesTest, TransliterationIsUnchangedByTheNumbers) {
  const NameMatch same = Compare("Садыров Өмүрбек Асанович 2", "Omurbek Sadirov 2");
  const NameMatch other = Compare("Садыров Өмүрбек Асанович 2", "Omurbek Sadirov 3");
  const NameMatch kyrgyz = Compare("Чыңгыз Жээнбеков 7", "Chingiz Dzheenbekov 7");

  EXPECT_DOUBLE_EQ(same.score, 1.0);
  EXPECT_EQ(same.explanation,
            "surname Садыров ~ Sadirov via ru-Latin (exact after folding); given name Өмүрбек ~ "
            "Omurbek via ky-Latin (same after romanisation); patronymic Асанович on one side only "
            "(not counted); same number 2");
  EXPECT_DOUBLE_EQ(other.score, kNumberMismatchCap);
  EXPECT_NE(other.explanation.find("surname Садыров ~ Sadirov via ru-Latin (exact after folding)"),
            std::string::npos)
      << other.explanation;
  EXPECT_NE(other.explanation.find("numbers differ: 2 ≠ 3"), std::string::npos)
      << other.explanation;
  EXPECT_DOUBLE_EQ(kyrgyz.score, 1.0);
}

}  // namespace
}  // namespace ordo::analytics
