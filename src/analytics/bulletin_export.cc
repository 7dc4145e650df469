#include "analytics/bulletin_export.h"

#include <fmt/format.h>

#include <string>
#include <string_view>

namespace ordo::analytics {
namespace {

std::string Kg(double kg) { return fmt::format("{:.3f}", kg); }

// A CSV cell: formula-looking text neutralised, then quoted when it holds a comma, quote or
// line break.
std::string CsvCell(std::string_view text) {
  std::string cell(text);
  if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos) {
    cell.insert(cell.begin(), '\'');
  }
  if (cell.find_first_of(",\"\n\r") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string Html(std::string_view text) {
  std::string escaped;
  for (char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

struct CsvRow {
  std::string_view section;
  std::string departure;
  std::string destination;
  std::string drug;
  std::string group;
};

void WriteCsvRow(const Bulletin& bulletin, const CsvRow& row, const BulletinTally& tally,
                 std::ostream& out) {
  out << CsvCell(bulletin.period.text) << ',' << (bulletin.synthetic ? "true" : "false") << ','
      << MarkingName(bulletin.marking) << ',' << row.section << ',' << CsvCell(row.departure) << ',' << CsvCell(row.destination) << ','
      << CsvCell(row.drug) << ',' << CsvCell(row.group) << ',' << tally.seizures << ','
      << tally.cases << ',' << Kg(tally.kg) << ',' << tally.without_kg << ','
      << (tally.largest_id.empty() ? "" : Kg(tally.largest_kg)) << ',' << CsvCell(tally.largest_id)
      << "\r\n";
}

void HtmlTallyCells(const BulletinTally& tally, std::ostream& out) {
  out << "<td class=n>" << tally.seizures << "</td><td class=n>" << tally.cases
      << "</td><td class=n>" << Kg(tally.kg) << "</td><td class=n>" << tally.without_kg
      << "</td><td class=n>" << (tally.largest_id.empty() ? "" : Kg(tally.largest_kg))
      << "</td><td>" << Html(tally.largest_id) << "</td></tr>\n";
}

constexpr std::string_view kTallyHeader =
    "<th>Seizures</th><th>Cases</th><th>kg</th><th>Without kg</th><th>Largest kg</th>"
    "<th>Largest seizure</th></tr></thead><tbody>\n";

void HtmlGroupTable(std::string_view title, std::string_view column,
                    const std::vector<BulletinGroupRow>& rows, std::ostream& out) {
  out << "<h2>" << title << "</h2>\n<table><thead><tr><th>" << column << "</th>" << kTallyHeader;
  for (const BulletinGroupRow& row : rows) {
    out << "<tr><td>" << Html(row.group) << "</td>";
    HtmlTallyCells(row.tally, out);
  }
  out << "</tbody></table>\n";
}

}  // namespace

void WriteBulletinCsv(const Bulletin& bulletin, std::ostream& out) {
  out << "period,synthetic,marking,section,departure,destination,drug,group,seizures,cases,kg,"
         "without_kg,largest_kg,largest_seizure_id\r\n";
  WriteCsvRow(bulletin, {"total", "", "", "", ""}, bulletin.total, out);
  for (const BulletinDrugRow& row : bulletin.by_drug) {
    WriteCsvRow(bulletin, {"drug", "", "", std::string(DrugName(row.drug)), ""}, row.tally, out);
  }
  for (const BulletinRouteRow& row : bulletin.by_route) {
    WriteCsvRow(bulletin,
                {"route", row.departure, row.destination, std::string(DrugName(row.drug)), ""},
                row.tally, out);
  }
  for (const BulletinGroupRow& row : bulletin.by_conveyance) {
    WriteCsvRow(bulletin, {"conveyance", "", "", "", row.group}, row.tally, out);
  }
  for (const BulletinGroupRow& row : bulletin.by_agency) {
    WriteCsvRow(bulletin, {"agency", "", "", "", row.group}, row.tally, out);
  }
}

void WriteBulletinHtml(const Bulletin& bulletin, std::ostream& out) {
  const std::string title = "Seizure bulletin, " + Html(bulletin.period.text);
  out << "<!doctype html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n<title>" << title
      << "</title>\n<style>\n"
         "body{font:11pt/1.4 system-ui,sans-serif;margin:2em;color:#111}\n"
         "h1{font-size:16pt}h2{font-size:13pt;margin-top:1.5em}\n"
         "table{border-collapse:collapse;width:100%;page-break-inside:auto}\n"
         "th,td{border:1px solid #999;padding:2px 6px;text-align:left}\n"
         "td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
         "thead{display:table-header-group}tr{page-break-inside:avoid}\n"
         ".synthetic{border:3px solid #b00;color:#b00;padding:.5em;font-weight:bold}\n"
         ".marking{font-weight:bold;text-transform:uppercase;letter-spacing:.05em}\n"
         "@page{size:A4;margin:15mm}@media print{body{margin:0}}\n"
         "</style>\n</head>\n<body>\n<p class=marking>Marking: "
      << MarkingLabel(bulletin.marking, "en") << " / " << MarkingLabel(bulletin.marking, "ru")
      << " / " << MarkingLabel(bulletin.marking, "ky") << "</p>\n<h1>" << title << "</h1>\n";
  if (bulletin.synthetic) {
    out << "<p class=synthetic>SYNTHETIC DATA: every record in this bulletin was generated "
           "(ordo simulate); none is a real seizure.</p>\n";
  }
  out << "<p>Seizures: " << bulletin.total.seizures << "; cases: " << bulletin.total.cases
      << "; quantity: " << Kg(bulletin.total.kg) << " kg";
  if (bulletin.total.without_kg != 0) {
    out << " (" << bulletin.total.without_kg
        << " seizure(s) without a quantity in kg, not counted)";
  }
  out << ".</p>\n<h2>By drug</h2>\n<table><thead><tr><th>Drug</th>" << kTallyHeader;
  for (const BulletinDrugRow& row : bulletin.by_drug) {
    out << "<tr><td>" << Html(DrugName(row.drug)) << "</td>";
    HtmlTallyCells(row.tally, out);
  }
  out << "</tbody></table>\n<h2>By route and drug</h2>\n<table><thead><tr><th>Departure</th>"
         "<th>Destination</th><th>Drug</th>"
      << kTallyHeader;
  for (const BulletinRouteRow& row : bulletin.by_route) {
    out << "<tr><td>" << Html(row.departure) << "</td><td>" << Html(row.destination) << "</td><td>"
        << Html(DrugName(row.drug)) << "</td>";
    HtmlTallyCells(row.tally, out);
  }
  out << "</tbody></table>\n";
  HtmlGroupTable("By conveyance", "Conveyance", bulletin.by_conveyance, out);
  HtmlGroupTable("By agency", "Agency", bulletin.by_agency, out);
  out << "<h2>Sources</h2>\n<ul>\n";
  for (const std::string& source : bulletin.sources) out << "<li>" << Html(source) << "</li>\n";
  out << "</ul>\n</body>\n</html>\n";
}

}  // namespace ordo::analytics
