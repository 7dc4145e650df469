// Fuzz target: the FollowTheMoney JSON-lines reader (ReadFtmEntities), with small line and problem
// limits. Every entity handed on has an id seen nowhere before in the file, a supported schema, a
// line after the previous one, and valid UTF-8 everywhere; links name both ends.
// Built with libFuzzer by scripts/fuzz.sh; replayed on tests/fuzz/corpus/ftm_reader and
// crashes/ftm_reader by ctest.

#include <algorithm>
#include <cstdint>
#include <set>
#include <sstream>
#include <string>

#include "fuzz_checks.h"
#include "ingest/ftm_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using ordo::fuzz::Require;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  ordo::ingest::FtmReadOptions options;
  options.max_line_bytes = 4096;
  options.max_problems = 16;
  std::set<std::string> ids;
  int last_line = 0;
  const auto& schemata = ordo::ingest::FtmSupportedSchemata();
  const auto problems = ordo::ingest::ReadFtmEntities(
      in, "fuzz.ftm", options, [&](ordo::ingest::FtmEntity&& entity) {
        Require(entity.line > last_line, "entities out of line order");
        last_line = entity.line;
        Require(!entity.id.empty() && ids.insert(entity.id).second, "an empty or repeated id");
        Require(std::find(schemata.begin(), schemata.end(), entity.schema) != schemata.end(),
                "an unsupported schema");
        Require(ordo::fuzz::IsValidUtf8(entity.id), "an id that is not UTF-8");
        for (const auto& [name, values] : entity.properties) {
          Require(ordo::fuzz::IsValidUtf8(name), "a property name that is not UTF-8");
          for (const std::string& value : values) {
            Require(ordo::fuzz::IsValidUtf8(value), "a value that is not UTF-8");
          }
        }
        if (const auto roles = ordo::ingest::FtmEdgeRolesOf(entity.schema)) {
          const bool has_source = !entity.Values(roles->source).empty() ||
                                  (!roles->source_number.empty() &&
                                   !entity.Values(roles->source_number).empty());
          const bool has_target = !entity.Values(roles->target).empty() ||
                                  (!roles->target_number.empty() &&
                                   !entity.Values(roles->target_number).empty());
          Require(has_source && has_target, "a link without both ends");
        }
      });
  ordo::fuzz::CheckProblems(problems);
  return 0;
}
