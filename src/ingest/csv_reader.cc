#include "ingest/csv_reader.h"

#include <algorithm>
#include <utility>

#include "ingest/internal/csv_tokenizer.h"

namespace ordo::ingest {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

}  // namespace

// Reads the stream in chunks and feeds the bytes to the tokenizer, which does the parsing.
class CsvReader::Impl {
 public:
  Impl(std::istream& in, std::string_view file_name, CsvReaderOptions options)
      : in_(in),
        file_name_(file_name),
        options_(options),
        tokenizer_(file_name, options, problems_) {}

  bool Next(CsvRecord& record);
  const std::string& FileName() const { return file_name_; }
  std::vector<Diagnostic>& Problems() { return problems_; }

 private:
  bool FillBuffer();

  std::istream& in_;
  std::string file_name_;
  CsvReaderOptions options_;
  std::vector<Diagnostic> problems_;  // declared before the tokenizer, which holds a reference
  internal::CsvTokenizer tokenizer_;
  std::string buffer_;
  std::size_t buffer_pos_ = 0;
  bool started_ = false;
  bool input_ended_ = false;
};

bool CsvReader::Impl::Next(CsvRecord& record) {
  record.fields.clear();
  record.line = 0;
  while (!tokenizer_.Done()) {
    if (buffer_pos_ == buffer_.size()) {
      if (FillBuffer()) continue;
      return !tokenizer_.Done() && tokenizer_.Finish(record);
    }
    buffer_pos_ += tokenizer_.ConsumeText(std::string_view(buffer_).substr(buffer_pos_), record);
    if (buffer_pos_ == buffer_.size()) continue;
    if (tokenizer_.Consume(static_cast<unsigned char>(buffer_[buffer_pos_++]), record)) {
      return true;
    }
  }
  return false;
}

bool CsvReader::Impl::FillBuffer() {
  if (input_ended_) return false;
  // The first read takes at least three bytes so that a byte order mark is seen whole.
  const std::size_t size = std::max<std::size_t>(options_.chunk_size, started_ ? 1 : 3);
  buffer_.resize(size);
  in_.read(buffer_.data(), static_cast<std::streamsize>(size));
  buffer_.resize(static_cast<std::size_t>(in_.gcount()));
  buffer_pos_ = 0;
  if (in_.bad()) {
    tokenizer_.FailAtLine("read error");
    return false;
  }
  if (buffer_.size() < size) input_ended_ = true;
  if (!started_) {
    started_ = true;
    const std::string_view start = std::string_view(buffer_).substr(0, 3);
    if (start == kByteOrderMark) buffer_pos_ = 3;
    // UTF-16 (and UTF-32) files start with FF FE or FE FF: one clear message instead of the
    // invalid bytes and NULs that would follow.
    if (start.substr(0, 2) == "\xFF\xFE" || start.substr(0, 2) == "\xFE\xFF") {
      tokenizer_.FailAt(1, 1,
                        start[0] == '\xFF'
                            ? "the file starts with the byte-order mark FF FE of UTF-16 or UTF-32 "
                              "(little-endian); save it as UTF-8"
                            : "the file starts with the byte-order mark FE FF of UTF-16 "
                              "(big-endian); save it as UTF-8");
      return false;
    }
  }
  return !buffer_.empty();
}

CsvReader::CsvReader(std::istream& in, std::string_view file_name, CsvReaderOptions options)
    : impl_(std::make_unique<Impl>(in, file_name, options)) {}

CsvReader::~CsvReader() = default;

bool CsvReader::Next(CsvRecord& record) { return impl_->Next(record); }

const std::vector<Diagnostic>& CsvReader::Problems() const { return impl_->Problems(); }

std::vector<Diagnostic> CsvReader::TakeProblems() { return std::exchange(impl_->Problems(), {}); }

const std::string& CsvReader::FileName() const { return impl_->FileName(); }

}  // namespace ordo::ingest
