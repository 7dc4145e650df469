// `ordo simulate` end to end: the real binary writes the CSV and the truth
// file; the rows are checked against docs/formats.md ("Seizures") here,
// independently of the seizure reader.

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/country.h"
#include "core/seizure.h"
#include "ingest/reference_readers.h"
#include "ingest/seizure_reader.h"
#include "ordo_runner.h"

namespace ordo::testing {
namespace {

const std::vector<std::string> kHeader = {
    "seizure_id",  "date",           "place",        "lat",
    "lon",         "admin_region",   "country_iso3", "drug",
    "quantity",    "unit",           "conveyance",   "concealment",
    "origin_iso3", "departure_iso3", "transit_iso3", "destination_iso3",
    "agency",      "case_id",        "synthetic",    "source",
    "route"};

std::vector<std::string> SplitFields(const std::string& line) {
  std::vector<std::string> fields(1);
  for (char c : line) {
    if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

bool IsIso3(const std::string& text) {
  if (text.size() != 3) return false;
  for (char c : text) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

// Checks every row and returns the number of rows.
int CheckRows(const std::string& csv_text) {
  std::istringstream csv(csv_text);
  std::string line;
  std::getline(csv, line);
  EXPECT_EQ(SplitFields(line), kHeader);
  const std::set<std::string> conveyances = {"vehicle", "truck", "train", "air",
                                             "foot",    "post",  "other"};
  int rows = 0;
  while (std::getline(csv, line)) {
    const std::vector<std::string> fields = SplitFields(line);
    if (fields.size() != kHeader.size()) {
      ADD_FAILURE() << "wrong column count: " << line;
      return rows;
    }
    ++rows;
    if (fields[0] != "SIM-9-" + std::to_string(rows)) ADD_FAILURE() << line;
    if (fields[1].size() != 10 || fields[1][4] != '-' || fields[1][7] != '-') ADD_FAILURE() << line;
    if (fields[3].empty() || fields[4].empty()) ADD_FAILURE() << line;
    if (!IsIso3(fields[6]) || !IsIso3(fields[13]) || !IsIso3(fields[15])) ADD_FAILURE() << line;
    if (!fields[12].empty() && fields[12] != "AFG") ADD_FAILURE() << line;
    if (std::stod(fields[8]) <= 0 || fields[9] != "kg") ADD_FAILURE() << line;
    if (conveyances.count(fields[10]) == 0) ADD_FAILURE() << line;
    if (fields[18] != "true" || fields[19] != "ordo simulate seed=9") ADD_FAILURE() << line;
    // The route is the corridor's places and holds the place of the seizure.
    if ((";" + fields[20] + ";").find(";" + fields[2] + ";") == std::string::npos) {
      ADD_FAILURE() << line;
    }
  }
  return rows;
}

// Splits one RFC 4180 line (quoted fields may hold commas; no embedded newlines in this file).
std::vector<std::string> SplitQuoted(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"') {
      fields.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

TEST(SimulateCommandTest, EveryPlaceUsesTheSourcedCoordinatesOfRoutePlaces) {
  std::istringstream places(ReadFile(ORDO_SOURCE_DIR "/data/reference/route_places.csv"));
  std::string line;
  std::getline(places, line);
  std::map<std::string, std::vector<std::string>> by_name;
  while (std::getline(places, line)) {
    std::vector<std::string> fields = SplitQuoted(line);
    ASSERT_EQ(fields.size(), 7U) << line;
    by_name[fields[0]] = fields;
  }
  const std::string out = MakeTempDir() + "/sim.csv";
  ASSERT_EQ(RunOrdo({"simulate", "--out", out, "--count", "1"}).exit_code, 0);

  const nlohmann::json truth = nlohmann::json::parse(ReadFile(out + ".truth.json"));

  for (const nlohmann::json& corridor : truth["corridors"]) {
    for (const nlohmann::json& place : corridor["places"]) {
      const std::string name = place["name"];
      ASSERT_EQ(by_name.count(name), 1U) << name << " is not in route_places.csv";
      const std::vector<std::string>& row = by_name[name];
      EXPECT_EQ(place["country_iso3"], row[2]) << name;
      EXPECT_DOUBLE_EQ(place["lat"].get<double>(), std::stod(row[3])) << name;
      EXPECT_DOUBLE_EQ(place["lon"].get<double>(), std::stod(row[4])) << name;
      EXPECT_FALSE(row[5].empty()) << name << " has no source_url";
    }
  }
}

TEST(SimulateCommandTest, ThousandRowsFollowTheFormatAndCarryTheirTruth) {
  const std::string dir = MakeTempDir();
  const std::string out = dir + "/sim.csv";

  RunResult result = RunOrdo(
      {"simulate", "--out", out, "--count", "1000", "--seed", "9", "--shift-date", "2020-01-01"});

  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(CheckRows(ReadFile(out)), 1000);
  const nlohmann::json truth = nlohmann::json::parse(ReadFile(out + ".truth.json"));
  EXPECT_EQ(truth["synthetic"], true);
  EXPECT_EQ(truth["shift"]["date"], "2020-01-01");
  EXPECT_EQ(truth["counts"]["rows"], 1000);
  EXPECT_FALSE(truth["hotspots"].empty());
}

TEST(SimulateCommandTest, HundredThousandRowsAreWrittenAndRepeatable) {
  const std::string dir = MakeTempDir();

  RunResult first =
      RunOrdo({"simulate", "--out", dir + "/a.csv", "--count", "100000", "--seed", "9"});
  RunResult second =
      RunOrdo({"simulate", "--out", dir + "/b.csv", "--count", "100000", "--seed", "9"});

  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_EQ(second.exit_code, 0) << second.err;
  const std::string csv = ReadFile(dir + "/a.csv");
  EXPECT_EQ(CheckRows(csv), 100000);
  EXPECT_TRUE(csv == ReadFile(dir + "/b.csv"));
}

TEST(SimulateCommandTest, InvalidOptionsExitWithInvalidArgument) {
  const std::string out = MakeTempDir() + "/x.csv";
  const std::vector<std::vector<std::string>> cases = {
      {"--count", "0"},
      {"--count", "10000001"},
      {"--count", "5", "--from", "2020-02-01", "--to", "2020-01-01"},
      {"--count", "5", "--from", "2020-02-30"},
      {"--count", "5", "--to", "yesterday"},
      {"--count", "5", "--shift-date", "2031-01-01"}};

  for (const std::vector<std::string>& options : cases) {
    std::vector<std::string> args = {"simulate", "--out", out};
    args.insert(args.end(), options.begin(), options.end());
    RunResult result = RunOrdo(args);
    EXPECT_EQ(result.exit_code, 2) << options[1];
    EXPECT_NE(result.err.find("ordo: --"), std::string::npos) << result.err;
  }
}

TEST(SimulateCommandTest, TheSeizureReaderAcceptsEveryRow) {
  ingest::KnownCountries known;
  for (const Country& country :
       ingest::ReadIsoCodesCountries("/usr/share/iso-codes/json/iso_3166-1.json").rows) {
    known.insert(country.iso3);
  }
  const std::string out = MakeTempDir() + "/sim.csv";
  ASSERT_EQ(RunOrdo({"simulate", "--out", out, "--count", "5000", "--seed", "4", "--shift-date",
                     "2020-01-01"})
                .exit_code,
            0);

  ingest::ReadOutcome<Seizure> outcome = ingest::ReadSeizures(out, known, {});

  ASSERT_TRUE(outcome.problems.empty()) << outcome.problems.front().ToString();
  ASSERT_EQ(outcome.rows.size(), 5000U);
  for (const Seizure& seizure : outcome.rows) EXPECT_TRUE(seizure.synthetic);
}

TEST(SimulateCommandTest, MissingCountIsAUsageError) {
  RunResult result = RunOrdo({"simulate", "--out", MakeTempDir() + "/x.csv"});

  EXPECT_EQ(result.exit_code, 64);
}

}  // namespace
}  // namespace ordo::testing
