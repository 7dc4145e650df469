#include "cli/report.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace ordo::cli {
namespace {

constexpr std::string_view kUnknown = "unknown";

std::string FormatDouble(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return buffer;
}

std::string CellText(const Cell& cell, std::string_view missing) {
  struct Visitor {
    std::string_view missing;
    std::string operator()(std::monostate) const { return std::string(missing); }
    std::string operator()(const std::string& text) const { return text; }
    std::string operator()(std::int64_t value) const { return std::to_string(value); }
    std::string operator()(double value) const { return FormatDouble(value); }
    std::string operator()(bool value) const { return value ? "true" : "false"; }
  };
  return std::visit(Visitor{missing}, cell);
}

nlohmann::ordered_json CellJson(const Cell& cell) {
  struct Visitor {
    nlohmann::ordered_json operator()(std::monostate) const { return nullptr; }
    nlohmann::ordered_json operator()(const std::string& text) const { return text; }
    nlohmann::ordered_json operator()(std::int64_t value) const { return value; }
    nlohmann::ordered_json operator()(double value) const { return value; }
    nlohmann::ordered_json operator()(bool value) const { return value; }
  };
  return std::visit(Visitor{}, cell);
}

// Display width in terminal columns: one per code point (the names here have no wide glyphs).
std::size_t DisplayWidth(const std::string& text) {
  std::size_t width = 0;
  for (char c : text) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return width;
}

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

nlohmann::ordered_json SectionJson(const Section& section) {
  if (section.key_value) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (const auto& row : section.rows) object[CellText(row.at(0), "")] = CellJson(row.at(1));
    return object;
  }
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const auto& row : section.rows) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < section.columns.size(); ++i) {
      object[section.columns[i].name] = CellJson(row.at(i));
    }
    array.push_back(std::move(object));
  }
  return array;
}

void WriteTable(std::ostream& out, const Section& section) {
  if (!section.title.empty()) out << section.title << "\n";
  if (section.key_value) {
    std::size_t key_width = 0;
    for (const auto& row : section.rows) key_width = std::max(key_width, DisplayWidth(CellText(row[0], "")));
    for (const auto& row : section.rows) {
      const std::string key = CellText(row[0], "");
      out << "  " << key << ":" << std::string(key_width - DisplayWidth(key) + 1, ' ')
          << CellText(row[1], kUnknown) << "\n";
    }
    return;
  }
  std::vector<std::size_t> shown;
  for (std::size_t i = 0; i < section.columns.size(); ++i) {
    if (!section.columns[i].wide) shown.push_back(i);
  }
  std::vector<std::size_t> widths;
  for (std::size_t i : shown) widths.push_back(DisplayWidth(section.columns[i].name));
  std::vector<std::vector<std::string>> texts;
  for (const auto& row : section.rows) {
    std::vector<std::string> line;
    for (std::size_t k = 0; k < shown.size(); ++k) {
      line.push_back(CellText(row.at(shown[k]), kUnknown));
      widths[k] = std::max(widths[k], DisplayWidth(line.back()));
    }
    texts.push_back(std::move(line));
  }
  auto print_line = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t k = 0; k < cells.size(); ++k) {
      line += cells[k];
      if (k + 1 < cells.size()) line += std::string(widths[k] - DisplayWidth(cells[k]) + 2, ' ');
    }
    out << line << "\n";
  };
  std::vector<std::string> header;
  for (std::size_t i : shown) header.push_back(section.columns[i].name);
  print_line(header);
  for (const auto& line : texts) print_line(line);
  if (section.rows.empty()) out << "(none)\n";
}

// A text cell as a CSV field. Text a spreadsheet would read as a formula (starting with =, +, -,
// @, tab or carriage return: "=HYPERLINK(...)" in a note) gets a leading apostrophe, so it shows
// as text and is never evaluated. Numbers are cells of their own types and stay as they are.
std::string CsvTextField(const Cell& cell) {
  std::string text = CellText(cell, "");
  if (std::holds_alternative<std::string>(cell) && !text.empty() &&
      std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
    text.insert(text.begin(), '\'');
  }
  return CsvField(text);
}

void WriteCsv(std::ostream& out, const Section& section) {
  std::string line;
  for (std::size_t i = 0; i < section.columns.size(); ++i) {
    line += (i ? "," : "") + CsvField(section.columns[i].name);
  }
  out << line << "\n";
  for (const auto& row : section.rows) {
    line.clear();
    for (std::size_t i = 0; i < row.size(); ++i) line += (i ? "," : "") + CsvTextField(row[i]);
    out << line << "\n";
  }
}

}  // namespace

Result<OutputFormat> ParseOutputFormat(std::string_view text) {
  if (text == "table") return OutputFormat::kTable;
  if (text == "csv") return OutputFormat::kCsv;
  if (text == "json") return OutputFormat::kJson;
  return InvalidArgument("--format: unknown format '" + std::string(text) +
                         "' (expected table, csv or json)");
}

Cell TextOrMissing(const std::string& text) {
  if (text.empty()) return std::monostate{};
  return text;
}

void WriteReport(std::ostream& out, const Report& report, OutputFormat format) {
  const bool single = report.sections.size() == 1;
  switch (format) {
    case OutputFormat::kJson: {
      if (single) {
        out << SectionJson(report.sections.front()).dump(2) << "\n";
        return;
      }
      nlohmann::ordered_json object = nlohmann::ordered_json::object();
      for (const Section& section : report.sections) object[section.id] = SectionJson(section);
      out << object.dump(2) << "\n";
      return;
    }
    case OutputFormat::kCsv:
      for (std::size_t i = 0; i < report.sections.size(); ++i) {
        if (i > 0) out << "\n";
        if (!single) out << "# " << report.sections[i].id << "\n";
        WriteCsv(out, report.sections[i]);
      }
      return;
    case OutputFormat::kTable:
      for (std::size_t i = 0; i < report.sections.size(); ++i) {
        if (i > 0) out << "\n";
        WriteTable(out, report.sections[i]);
      }
      if (!report.notes.empty()) out << "\n";
      for (const std::string& note : report.notes) out << "note: " << note << "\n";
      return;
  }
}

}  // namespace ordo::cli
