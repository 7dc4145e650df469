#pragma once
// The imports the crash harness kills: one input file per job, made so that the job's rows can be
// told apart from every other job's in the database (their own source, source_url or country
// codes), and so that a job found absent after a kill can be run again later.

#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace ordo::crash {

enum class ImportKind {
  kSeizures,
  kTrade,
  kRelations,
  kCultivation,
  kPrices,
  kFtm,
  kGraphml,
  kLinks
};

const std::vector<ImportKind>& AllImportKinds();
std::string KindName(ImportKind kind);

struct ImportJob {
  ImportKind kind = ImportKind::kTrade;
  int number = 0;     // unique per job; names its file and tags its rows
  std::string file;   // the file to import (links: its column mapping is FILE.mapping.json)
  std::string table;  // where its rows go
  std::string where;  // an SQL condition true for exactly its rows in `table`
  std::int64_t rows = 0;
  std::vector<std::string> country_codes;  // relations: the countries it adds relations with

  // The `ordo` command line that imports the file into `database`.
  std::vector<std::string> Arguments(const std::string& ordo, const std::string& database) const;
  // SELECT count(*) of its rows.
  std::string CountQuery() const;
};

struct JobSettings {
  std::string ordo;       // the binary, for `ordo simulate`
  std::string directory;  // where the files go
  std::int64_t seizure_rows = 5000;
  std::int64_t small_rows = 40;  // rows of a trade, cultivation or price file
};

// Hands out jobs. A job that ended absent is given back with Reuse and handed out again, so the
// harness makes new files (and uses up country codes) only for imports that landed.
class JobFactory {
 public:
  // `free_country_codes`: countries without a relation in the database, for relation imports.
  JobFactory(JobSettings settings, std::vector<std::string> free_country_codes);

  // A job of `kind`; nullopt when no country codes are left for a relation import, or the
  // simulated seizure file could not be written (the reason is printed).
  std::optional<ImportJob> Take(ImportKind kind);
  void Reuse(ImportJob job);

 private:
  std::optional<ImportJob> Make(ImportKind kind);

  JobSettings settings_;
  std::vector<std::string> free_country_codes_;
  std::map<ImportKind, std::vector<ImportJob>> reusable_;
  int next_number_ = 1;
};

}  // namespace ordo::crash
