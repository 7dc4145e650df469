#pragma once
// Text for the XML exports (GraphML, GEXF): escaping for element content and attribute values,
// and the ISO dates of a PartialDate's first and last day.

#include <cstddef>
#include <string>
#include <string_view>

#include <vector>

#include "core/entity.h"
#include "core/partial_date.h"

namespace ordo::analytics::internal {

// `text` escaped for XML 1.0 content or a double-quoted attribute value. Characters XML 1.0
// cannot hold at all (control characters other than tab, line feed and carriage return; invalid
// UTF-8) become U+FFFD, and `*replaced` counts them when given. Tab, line feed and carriage
// return are written as character references so that attribute normalisation keeps them.
std::string XmlEscape(std::string_view text, std::size_t* replaced = nullptr);

// Properties as one JSON text, [["name", "value"], ...] in order (a name may repeat); invalid
// UTF-8 becomes U+FFFD rather than failing the export.
std::string PropertiesJson(const std::vector<EntityProperty>& properties);

// "YYYY-MM-DD" of the first and of the last day the date covers ("2019" -> 2019-01-01 and
// 2019-12-31).
std::string FirstDayText(const PartialDate& date);
std::string LastDayText(const PartialDate& date);

}  // namespace ordo::analytics::internal
