#include "ingest/internal/seizure_quantity.h"

#include <fmt/format.h>

#include <utility>

namespace ordo::ingest::internal {

void SetSeizureQuantity(CsvTable& table, std::size_t quantity_column, std::size_t unit_column,
                        double amount, QuantityUnit unit, std::optional<double> tablet_mass_mg,
                        Seizure& seizure) {
  seizure.quantity = amount;
  seizure.unit = unit;
  Result<KilogramQuantity> kilograms = ToKilograms(amount, unit, tablet_mass_mg);
  if (!kilograms) {
    table.Report(unit_column, kilograms.error().message() + " (import option --tablet-mass-mg)");
    return;
  }
  if (kilograms->kilograms > kMaxSeizureKilograms) {
    table.Report(quantity_column,
                 fmt::format("'{}' {} is {:g} kg; expected at most {:g} kg in one record",
                             table.View(quantity_column), table.View(unit_column),
                             kilograms->kilograms, kMaxSeizureKilograms));
    return;
  }
  seizure.quantity_kg = kilograms->kilograms;
  seizure.conversion_note = std::move(kilograms->conversion_note);
}

}  // namespace ordo::ingest::internal
