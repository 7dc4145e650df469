#pragma once
// The quantity of a seizure row, shared by the seizure readers (Ordo's CSV and UNODC files): the
// amount and unit as written and their conversion to kilograms with its note.

#include <cstddef>
#include <optional>

#include "core/drug.h"
#include "core/seizure.h"
#include "ingest/csv_table.h"

namespace ordo::ingest::internal {

// The most one seizure record may weigh: a million tonnes, far beyond any real seizure, so that a
// typo or a hostile file ("1e300 t") cannot push sums towards infinity.
inline constexpr double kMaxSeizureKilograms = 1e9;

// Sets seizure.quantity, unit, quantity_kg and conversion_note. When the unit cannot be converted
// (tablets without a tablet mass), reports it at `unit_column` and leaves quantity_kg empty; when
// the kilograms exceed kMaxSeizureKilograms, reports it at `quantity_column`.
void SetSeizureQuantity(CsvTable& table, std::size_t quantity_column, std::size_t unit_column,
                        double amount, QuantityUnit unit, std::optional<double> tablet_mass_mg,
                        Seizure& seizure);

}  // namespace ordo::ingest::internal
