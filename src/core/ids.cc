#include "core/ids.h"

namespace ordo {

Result<CountryCode> CountryCode::Parse(std::string_view text) {
  if (text.size() != 3) {
    return InvalidArgument("country code '" + std::string(text) +
                           "' must be three letters (ISO 3166-1 alpha-3)");
  }
  std::string code(text);
  for (char& c : code) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') {
      return InvalidArgument("country code '" + std::string(text) +
                             "' must be three letters (ISO 3166-1 alpha-3)");
    }
  }
  return CountryCode(std::move(code));
}

}  // namespace ordo
