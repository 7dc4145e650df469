#include "database_probe.h"

#include <sqlite3.h>

#include <array>
#include <fstream>
#include <vector>

namespace ordo::crash {

DatabaseProbe::DatabaseProbe(const std::string& path) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    open_error_ = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
    return;
  }
  sqlite3_busy_timeout(db_, 10000);
}

DatabaseProbe::~DatabaseProbe() { sqlite3_close_v2(db_); }

std::string DatabaseProbe::Rows(const std::string& sql) {
  if (!open_error_.empty()) return "error: " + open_error_;
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
    return std::string("error: ") + sqlite3_errmsg(db_);
  }
  std::string rows;
  int result_code = SQLITE_ROW;
  while ((result_code = sqlite3_step(statement)) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(statement, 0);
    if (!rows.empty()) rows += "; ";
    rows += text != nullptr ? reinterpret_cast<const char*>(text) : "NULL";
  }
  if (result_code != SQLITE_DONE) rows = std::string("error: ") + sqlite3_errmsg(db_);
  sqlite3_finalize(statement);
  return rows;
}

std::int64_t DatabaseProbe::Int(const std::string& sql) {
  const std::string text = Rows(sql);
  if (text.empty() || text.rfind("error:", 0) == 0) return -1;
  return std::stoll(text);
}

std::string DatabaseProbe::CheckProblems() {
  const std::string integrity = Rows("PRAGMA integrity_check");
  if (integrity != "ok") return "integrity_check: " + integrity;
  const std::string dangling = Rows("PRAGMA foreign_key_check");
  if (!dangling.empty()) return "foreign_key_check: " + dangling;
  return "";
}

namespace {

std::uint32_t BigEndian32(const unsigned char* bytes) {
  return (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) |
         (std::uint32_t{bytes[2]} << 8) | std::uint32_t{bytes[3]};
}

}  // namespace

LogFrames InspectWriteAheadLog(const std::string& database) {
  // Layout (sqlite.org/fileformat2.html, "WAL file format"): a 32-byte header with the page size
  // at offset 8 and the salts at 16 and 20; each frame is a 24-byte header (page number, the
  // database size in pages for a commit frame or 0, the two salts, two checksums) and a page.
  LogFrames counted;
  std::ifstream log(database + "-wal", std::ios::binary);
  std::array<unsigned char, 32> header{};
  if (!log.read(reinterpret_cast<char*>(header.data()), header.size())) return counted;
  const std::uint32_t page_size = BigEndian32(header.data() + 8);
  if (page_size < 512 || page_size > 65536) return counted;
  std::vector<char> page(page_size);
  std::array<unsigned char, 24> frame{};
  std::int64_t since_commit = 0;
  while (log.read(reinterpret_cast<char*>(frame.data()), frame.size()) &&
         log.read(page.data(), static_cast<std::streamsize>(page.size()))) {
    if (BigEndian32(frame.data() + 8) != BigEndian32(header.data() + 16) ||
        BigEndian32(frame.data() + 12) != BigEndian32(header.data() + 20)) {
      break;  // a frame of an earlier generation of the log: the current one ends here
    }
    ++counted.frames;
    since_commit = BigEndian32(frame.data() + 4) != 0 ? 0 : since_commit + 1;
  }
  counted.uncommitted = since_commit;
  return counted;
}

}  // namespace ordo::crash
