#include "ingest/reference_readers.h"

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/internal/test_support.h"

namespace ordo::ingest {
namespace {

using Entries = std::vector<std::pair<std::string, std::string>>;

void PutWord(std::string& out, std::size_t at, std::uint32_t word, bool big_endian) {
  for (std::size_t i = 0; i < 4; ++i) {
    const std::size_t shift = big_endian ? 24 - 8 * i : 8 * i;
    out[at + i] = static_cast<char>((word >> shift) & 0xFF);
  }
}

// A .mo file with `entries` in the given byte order, laid out the way msgfmt does it.
std::string BuildMo(const Entries& entries, bool big_endian = false) {
  const auto count = static_cast<std::uint32_t>(entries.size());
  const std::uint32_t originals = 28;
  const std::uint32_t translations = originals + 8 * count;
  std::string out(translations + 8 * count, '\0');
  PutWord(out, 0, 0x950412de, big_endian);
  PutWord(out, 8, count, big_endian);
  PutWord(out, 12, originals, big_endian);
  PutWord(out, 16, translations, big_endian);
  auto add_string = [&](std::uint32_t table, std::size_t index, const std::string& text) {
    PutWord(out, table + 8 * index, static_cast<std::uint32_t>(text.size()), big_endian);
    PutWord(out, table + 8 * index + 4, static_cast<std::uint32_t>(out.size()), big_endian);
    out += text;
    out += '\0';
  };
  for (std::size_t i = 0; i < entries.size(); ++i) add_string(originals, i, entries[i].first);
  for (std::size_t i = 0; i < entries.size(); ++i) add_string(translations, i, entries[i].second);
  return out;
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

TEST(GettextCatalogTest, FindsKyrgyzstanInTheKyrgyzCatalog) {
  const auto catalog = LoadGettextCatalog(internal::GettextCatalogPath("ky"));

  ASSERT_TRUE(catalog.has_value()) << catalog.error().ToString();
  ASSERT_EQ(catalog->count("Kyrgyzstan"), 1u);
  EXPECT_EQ(catalog->at("Kyrgyzstan"), "Кыргызстан");
}

TEST(GettextCatalogTest, RussianCatalogHasNoEntryForTurkiye) {
  const auto catalog = LoadGettextCatalog(internal::GettextCatalogPath("ru"));

  ASSERT_TRUE(catalog.has_value()) << catalog.error().ToString();
  EXPECT_EQ(catalog->count("Türkiye"), 0u);
  EXPECT_EQ(catalog->at("Kyrgyzstan"), "Киргизия");
  EXPECT_EQ(catalog->count(""), 0u);
}

TEST(GettextCatalogTest, MissingFileIsNotFound) {
  const auto catalog = LoadGettextCatalog("/nonexistent/xx/LC_MESSAGES/iso_3166-1.mo");

  ASSERT_FALSE(catalog.has_value());
  EXPECT_EQ(catalog.error().code(), ErrorCode::kNotFound);
}

TEST(GettextCatalogTest, ReadsBothByteOrders) {
  const Entries entries = {{"", "Content-Type: text/plain; charset=UTF-8\n"},
                           {"Kyrgyzstan", "Кыргызстан"}};

  const auto little = ParseGettextCatalog(BuildMo(entries, false));
  const auto big = ParseGettextCatalog(BuildMo(entries, true));

  ASSERT_TRUE(little.has_value() && big.has_value());
  EXPECT_EQ(*little, *big);
  EXPECT_EQ(little->size(), 1u);
  EXPECT_EQ(little->at("Kyrgyzstan"), "Кыргызстан");
}

TEST(GettextCatalogTest, PluralEntryMapsSingularToFirstForm) {
  const auto catalog = ParseGettextCatalog(
      BuildMo({{std::string("country\0countries", 17), std::string("страна\0страны", 26)}}));

  ASSERT_TRUE(catalog.has_value()) << catalog.error().ToString();
  EXPECT_EQ(catalog->at("country"), "страна");
}

TEST(GettextCatalogTest, LeavesOutUntranslatedEntries) {
  const auto catalog = ParseGettextCatalog(BuildMo({{"Kosovo", ""}, {"Niger", "Нигер"}}));

  ASSERT_TRUE(catalog.has_value());
  EXPECT_EQ(catalog->count("Kosovo"), 0u);
  EXPECT_EQ(catalog->count("Niger"), 1u);
}

TEST(GettextCatalogTest, GarbageIsInvalidArgument) {
  const auto catalog = ParseGettextCatalog("this is a text file, not a catalog at all");

  ASSERT_FALSE(catalog.has_value());
  EXPECT_EQ(catalog.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(catalog.error().message(), "not a valid .mo file: wrong magic number");
}

TEST(GettextCatalogTest, StringOffsetPastTheEndIsInvalidArgument) {
  std::string bytes = BuildMo({{"a", "b"}});
  PutWord(bytes, 28 + 4, 0xFFFFFFF0, false);

  const auto catalog = ParseGettextCatalog(bytes);

  ASSERT_FALSE(catalog.has_value());
  EXPECT_EQ(catalog.error().message(),
            "not a valid .mo file: original string 0 lies past the end of the file");
}

TEST(GettextCatalogTest, HugeStringCountIsInvalidArgument) {
  std::string bytes = BuildMo({{"a", "b"}});
  PutWord(bytes, 8, 0xFFFFFFFF, false);

  const auto catalog = ParseGettextCatalog(bytes);

  ASSERT_FALSE(catalog.has_value());
  EXPECT_EQ(catalog.error().code(), ErrorCode::kInvalidArgument);
}

TEST(GettextCatalogTest, EveryTruncationOfACatalogFailsCleanly) {
  const std::string bytes = BuildMo({{"", "header"}, {"Kyrgyzstan", "Кыргызстан"}, {"b", "c"}});

  for (std::size_t size = 0; size < bytes.size(); ++size) {
    const auto catalog = ParseGettextCatalog(std::string_view(bytes).substr(0, size));
    if (catalog.has_value()) continue;  // a cut inside the last NUL terminator can still parse
    EXPECT_EQ(catalog.error().code(), ErrorCode::kInvalidArgument) << "size " << size;
  }
}

TEST(GettextCatalogTest, TruncatedRealCatalogFileIsInvalidArgument) {
  const std::string bytes = ReadBytes(internal::GettextCatalogPath("ky"));
  ASSERT_GT(bytes.size(), 1000u);
  const std::string path = ::testing::TempDir() + "/ordo_truncated_iso_3166-1.mo";
  std::ofstream(path, std::ios::binary) << bytes.substr(0, bytes.size() / 2);

  const auto catalog = LoadGettextCatalog(path);

  ASSERT_FALSE(catalog.has_value());
  EXPECT_EQ(catalog.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_THAT(catalog.error().message(), ::testing::StartsWith(path + ": not a valid .mo file"));
  std::remove(path.c_str());
}

}  // namespace
}  // namespace ordo::ingest
