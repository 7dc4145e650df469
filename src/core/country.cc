#include "core/country.h"

namespace ordo {

Result<Language> ParseLanguage(std::string_view text) {
  if (text == "en") return Language::kEnglish;
  if (text == "ru") return Language::kRussian;
  if (text == "ky") return Language::kKyrgyz;
  return InvalidArgument("unknown language '" + std::string(text) + "' (expected en, ru or ky)");
}

std::string_view LanguageTag(Language language) {
  switch (language) {
    case Language::kEnglish:
      return "en";
    case Language::kRussian:
      return "ru";
    case Language::kKyrgyz:
      return "ky";
  }
  return "en";
}

const std::string& Country::Name(Language language) const {
  if (language == Language::kRussian && !name_ru.empty()) return name_ru;
  if (language == Language::kKyrgyz && !name_ky.empty()) return name_ky;
  return name_en;
}

}  // namespace ordo
