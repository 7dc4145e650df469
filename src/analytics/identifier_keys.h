#pragma once
// Keys that make two spellings of one identifier equal, for duplicate detection: phone numbers
// (Kyrgyz +996 numbers written with 0, 00996 or no prefix, spaces, dashes, brackets), vehicle
// plates and document numbers (passports, ID cards) written with Cyrillic letters that look Latin
// (А В Е К М Н О Р С Т Х У) and any spacing.

#include <string>
#include <string_view>

namespace ordo::analytics {

// "+<country code><number>" for a phone number: digits only, "00" read as "+", and a Kyrgyz
// number written nationally ("0555 12-34-56": a trunk 0 then 9 digits, or just the 9 digits)
// given +996. "" when fewer than 6 digits remain (not a phone number). Other national numbers
// without a '+' or "00" keep their digits as written.
std::string PhoneKey(std::string_view text);

// Upper-case letters and digits of a plate or document number, Cyrillic look-alike letters
// replaced by the Latin ones they look like (so "01 KG 123 АВС" and "01KG123ABC" agree); other
// Cyrillic letters are kept. "" when nothing is left.
std::string IdentifierKey(std::string_view text);

}  // namespace ordo::analytics
