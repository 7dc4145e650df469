#include "import_jobs.h"

#include <cstdio>
#include <fstream>
#include <utility>

#include "child_process.h"

namespace ordo::crash {
namespace {

constexpr int kRelationCodesPerJob = 2;

// Made-up rows only: every figure below is test data, marked synthetic where the format allows.
const char* const kPartners[] = {"KAZ", "UZB", "TJK", "CHN", "RUS",
                                 "TUR", "DEU", "USA", "IND", "IRN"};

std::string Tag(const ImportJob& job) { return "crash-harness-" + std::to_string(job.number); }

void WriteTrade(const ImportJob& job, std::int64_t rows) {
  std::ofstream out(job.file);
  out << "partner_iso3,year,flow,value_usd,source_url,notes,period,reporter\n";
  for (std::int64_t row = 0; row < rows; ++row) {
    out << kPartners[row % 10] << ',' << 1990 + row / 10 << ",total," << (row + 1) * 1000
        << ",https://crash-harness.invalid/" << Tag(job) << ",made up,full year,crash harness\n";
  }
}

void WriteRelations(const ImportJob& job) {
  std::ofstream out(job.file);
  out << "iso3,source_url,notes\n";
  for (const std::string& code : job.country_codes) {
    out << code << ",https://crash-harness.invalid/" << Tag(job) << ",made up\n";
  }
}

void WriteCultivation(const ImportJob& job, std::int64_t rows) {
  std::ofstream out(job.file);
  out << "year,country_iso3,region,crop,kind,hectares,synthetic,source,note\n";
  for (std::int64_t row = 0; row < rows; ++row) {
    out << 1950 + row << ",KGZ,,cannabis,cultivated," << row + 1 << ",true," << Tag(job)
        << ",made up\n";
  }
}

void WritePrices(const ImportJob& job, std::int64_t rows) {
  std::ofstream out(job.file);
  out << "date,country_iso3,place,drug,level,price,per,currency,purity_percent,synthetic,source\n";
  for (std::int64_t row = 0; row < rows; ++row) {
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d", static_cast<int>(1990 + row / 12),
                  static_cast<int>(row % 12 + 1));
    out << date << ",KGZ,,heroin,retail," << row + 1 << ",g,USD,,true," << Tag(job) << '\n';
  }
}

// Made-up FtM entities: persons sharing a phone two by two, and a call between each pair; ids and
// phone numbers carry the job number, so no two jobs collide.
void WriteFtm(const ImportJob& job, std::int64_t persons) {
  std::ofstream out(job.file);
  const std::string prefix = Tag(job) + "-";
  for (std::int64_t person = 0; person < persons; ++person) {
    out << R"({"id":")" << prefix << 'p' << person
        << R"(","schema":"Person","properties":{"name":["Made-up person )" << person
        << R"("],"phone":["+1 555 )" << job.number << ' ' << person / 2 << R"("]}})" << '\n';
  }
  for (std::int64_t person = 1; person < persons; person += 2) {
    out << R"({"id":")" << prefix << 'c' << person << R"(","schema":"Call","properties":{"caller":[")"
        << prefix << 'p' << person - 1 << R"("],"receiver":[")" << prefix << 'p' << person
        << R"("],"date":["2021-03"]}})" << '\n';
  }
}

// Made-up GraphML: persons calling each other two by two; ids carry the job number.
void WriteGraphml(const ImportJob& job, std::int64_t persons) {
  std::ofstream out(job.file);
  const std::string prefix = Tag(job) + "-";
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
         "  <key id=\"n\" for=\"node\" attr.name=\"name\"/>\n"
         "  <key id=\"t\" for=\"edge\" attr.name=\"type\"><default>call</default></key>\n"
         "  <graph edgedefault=\"directed\">\n";
  for (std::int64_t person = 0; person < persons; ++person) {
    out << "    <node id=\"" << prefix << 'p' << person << "\"><data key=\"n\">Made-up person "
        << person << "</data></node>\n";
  }
  for (std::int64_t person = 1; person < persons; person += 2) {
    out << "    <edge id=\"" << prefix << 'c' << person << "\" source=\"" << prefix << 'p'
        << person - 1 << "\" target=\"" << prefix << 'p' << person << "\"/>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

// Made-up call records between numbers that carry the job number, with their column mapping.
void WriteLinks(const ImportJob& job, std::int64_t rows) {
  std::ofstream out(job.file);
  out << "caller,callee,date,duration_s\n";
  for (std::int64_t row = 0; row < rows; ++row) {
    out << Tag(job) << "-a" << row << ',' << Tag(job) << "-b" << row << ",2021-03," << row
        << '\n';
  }
  std::ofstream(job.file + ".mapping.json")
      << R"({"from": {"id": "caller", "default_type": "phone"},)"
      << R"( "to": {"id": "callee", "default_type": "phone"},)"
      << R"( "link": {"default_type": "call", "start": "date"}, "properties": ["duration_s"]})"
      << '\n';
}

}  // namespace

const std::vector<ImportKind>& AllImportKinds() {
  static const std::vector<ImportKind> kinds = {ImportKind::kSeizures, ImportKind::kTrade,
                                                ImportKind::kRelations, ImportKind::kCultivation,
                                                ImportKind::kPrices,    ImportKind::kFtm,
                                                ImportKind::kGraphml,   ImportKind::kLinks};
  return kinds;
}

std::string KindName(ImportKind kind) {
  switch (kind) {
    case ImportKind::kSeizures:
      return "seizures";
    case ImportKind::kTrade:
      return "trade";
    case ImportKind::kRelations:
      return "relations";
    case ImportKind::kCultivation:
      return "cultivation";
    case ImportKind::kPrices:
      return "prices";
    case ImportKind::kFtm:
      return "ftm";
    case ImportKind::kGraphml:
      return "graphml";
    case ImportKind::kLinks:
      return "links";
  }
  return "?";
}

std::vector<std::string> ImportJob::Arguments(const std::string& ordo,
                                              const std::string& database) const {
  switch (kind) {
    case ImportKind::kSeizures:
      return {ordo, "--db", database, "seizures", "import", "--quiet", file};
    case ImportKind::kTrade:
      return {ordo, "--db", database, "import", "trade", file};
    case ImportKind::kRelations:
      return {ordo, "--db", database, "import", "relations", file};
    case ImportKind::kCultivation:
      return {ordo, "--db", database, "narcotics", "import", "cultivation", file};
    case ImportKind::kPrices:
      return {ordo, "--db", database, "narcotics", "import", "prices", file};
    case ImportKind::kFtm:
      return {ordo, "--db", database, "import", "ftm", file, "--source", Tag(*this), "--synthetic"};
    case ImportKind::kGraphml:
      return {ordo,     "--db",     database,     "import",     "graphml",
              file,     "--source", Tag(*this),   "--synthetic"};
    case ImportKind::kLinks:
      return {ordo,       "--db",    database,  "import",   "links",     file, "--mapping",
              file + ".mapping.json", "--source", Tag(*this), "--synthetic"};
  }
  return {};
}

std::string ImportJob::CountQuery() const {
  return "SELECT count(*) FROM " + table + " WHERE " + where;
}

JobFactory::JobFactory(JobSettings settings, std::vector<std::string> free_country_codes)
    : settings_(std::move(settings)), free_country_codes_(std::move(free_country_codes)) {}

std::optional<ImportJob> JobFactory::Take(ImportKind kind) {
  std::vector<ImportJob>& waiting = reusable_[kind];
  if (!waiting.empty()) {
    ImportJob job = std::move(waiting.back());
    waiting.pop_back();
    return job;
  }
  return Make(kind);
}

void JobFactory::Reuse(ImportJob job) { reusable_[job.kind].push_back(std::move(job)); }

std::optional<ImportJob> JobFactory::Make(ImportKind kind) {
  ImportJob job;
  job.kind = kind;
  job.number = next_number_++;
  job.file = settings_.directory + "/" + KindName(kind) + "-" + std::to_string(job.number) +
             (kind == ImportKind::kFtm       ? ".ftm"
              : kind == ImportKind::kGraphml ? ".graphml"
                                             : ".csv");
  const std::string url = "'https://crash-harness.invalid/" + Tag(job) + "'";
  switch (kind) {
    case ImportKind::kSeizures: {
      // `ordo simulate --seed N` tags every row with source "ordo simulate seed=N" and ids
      // SIM-N-*, so the job number as the seed keeps jobs apart.
      const std::string seed = std::to_string(job.number);
      int status =
          RunToCompletion({settings_.ordo, "simulate", "--out", job.file, "--count",
                           std::to_string(settings_.seizure_rows), "--seed", seed, "--quiet"},
                          settings_.directory + "/simulate.log");
      if (status != 0) {
        std::fprintf(stderr, "crash harness: ordo simulate exited with %d (see %s/simulate.log)\n",
                     status, settings_.directory.c_str());
        return std::nullopt;
      }
      job.table = "seizures";
      job.where = "source = 'ordo simulate seed=" + seed + "'";
      job.rows = settings_.seizure_rows;
      return job;
    }
    case ImportKind::kTrade:
      job.table = "trade_flows";
      job.where = "source_url = " + url;
      job.rows = settings_.small_rows;
      WriteTrade(job, job.rows);
      return job;
    case ImportKind::kRelations:
      if (free_country_codes_.size() < kRelationCodesPerJob) return std::nullopt;
      for (int code = 0; code < kRelationCodesPerJob; ++code) {
        job.country_codes.push_back(free_country_codes_.back());
        free_country_codes_.pop_back();
      }
      job.table = "relations";
      job.where = "source_url = " + url;
      job.rows = kRelationCodesPerJob;
      WriteRelations(job);
      return job;
    case ImportKind::kCultivation:
      job.table = "cultivation_records";
      job.where = "source = '" + Tag(job) + "'";
      job.rows = settings_.small_rows;
      WriteCultivation(job, job.rows);
      return job;
    case ImportKind::kPrices:
      job.table = "drug_prices";
      job.where = "source = '" + Tag(job) + "'";
      job.rows = settings_.small_rows;
      WritePrices(job, job.rows);
      return job;
    case ImportKind::kFtm:
      // The persons and their shared phone nodes all carry the job's source; the links go in
      // the same transaction.
      job.table = "entities";
      job.where = "source = '" + Tag(job) + "'";
      WriteFtm(job, settings_.small_rows);
      job.rows = settings_.small_rows + settings_.small_rows / 2;
      return job;
    case ImportKind::kGraphml:
      // The persons carry the job's source; the calls go in the same transaction.
      job.table = "entities";
      job.where = "source = '" + Tag(job) + "'";
      WriteGraphml(job, settings_.small_rows);
      job.rows = settings_.small_rows;
      return job;
    case ImportKind::kLinks:
      // Two new phone entities per row, with the job's source; the links in the same transaction.
      job.table = "entities";
      job.where = "source = '" + Tag(job) + "'";
      WriteLinks(job, settings_.small_rows);
      job.rows = 2 * settings_.small_rows;
      return job;
  }
  return std::nullopt;
}

}  // namespace ordo::crash
