#pragma once
// A bulletin (analytics/bulletin.h) written out: one CSV table whose rows carry their section, and
// a self-contained printable HTML page (no scripts, no external files; A4 print styles).

#include <ostream>

#include "analytics/bulletin.h"

namespace ordo::analytics {

// Columns: period, synthetic, marking (the bulletin's: the highest of its records, on every row),
// section (total, drug, route, conveyance, agency), departure,
// destination, drug, group, seizures, cases, kg, without_kg, largest_kg, largest_seizure_id.
// Empty cells where a column does not apply. Text cells that a spreadsheet would take for a
// formula (starting with =, +, -, @, tab or carriage return) are prefixed with '.
void WriteBulletinCsv(const Bulletin& bulletin, std::ostream& out);

// The page: its marking first (in English, Russian and Kyrgyz), title and period, a synthetic-data banner when the records are synthetic, the five
// tables, the sources.
void WriteBulletinHtml(const Bulletin& bulletin, std::ostream& out);

}  // namespace ordo::analytics
