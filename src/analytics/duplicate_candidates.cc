#include "analytics/duplicate_candidates.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "analytics/identifier_keys.h"
#include "analytics/name_match.h"

namespace ordo::analytics {
namespace {

// Names of one entity compared at most (its name and its aliases).
constexpr std::size_t kMaxNamesPerEntity = 6;
// Letters of a folded name-token key that make its block.
constexpr std::size_t kBlockPrefix = 4;
constexpr std::size_t kMinBlockKey = 3;

// An identifier an entity carries. Entities that share one are likely the same; how likely is the
// strength (a phone is often shared by a family, a passport number is not).
struct Evidence {
  std::string key;  // "phone:+996555123456", "document:AN1234567", "email:a@b.kg"
  std::string kind;  // "passport", "phone", "plate", ... as the explanation says it
  std::string shown;  // the value as first written
  double strength = 0;
};

struct Record {
  std::string entity_id;
  std::string name;
  EntityType type = EntityType::kPerson;
  std::string compartment;
  std::vector<std::uint32_t> names;  // indices into the distinct names read
  std::vector<Evidence> evidence;
  bool wanted = false;  // of the type asked for (others are read only as shared nodes)
};

bool HasNames(EntityType type) {
  return type == EntityType::kPerson || type == EntityType::kOrganization;
}

std::string EmailKey(std::string_view text) {
  std::string key;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) == 0) {
      key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return key;
}

// The evidence an FtM-style property gives, or nullopt for properties that are not identifiers.
std::optional<Evidence> EvidenceOf(EntityType holder, std::string_view property,
                                   std::string_view value) {
  Evidence evidence;
  evidence.shown = std::string(value);
  std::string key;
  if (property == "phone") {
    key = PhoneKey(value);
    evidence.key = "phone:" + key;
    evidence.kind = "phone";
    evidence.strength = 0.6;
  } else if (property == "email") {
    key = EmailKey(value);
    evidence.key = "email:" + key;
    evidence.kind = "email";
    evidence.strength = 0.7;
  } else {
    static constexpr std::pair<std::string_view, std::string_view> kDocuments[] = {
        {"passportNumber", "passport"},       {"idNumber", "ID number"},
        {"registrationNumber", "registration number"}, {"taxNumber", "tax number"},
        {"innCode", "INN"}};
    for (const auto& [name, kind] : kDocuments) {
      if (property != name) continue;
      key = IdentifierKey(value);
      evidence.key = "document:" + key;
      evidence.kind = holder == EntityType::kVehicle && name == "registrationNumber"
                          ? "plate"
                          : std::string(kind);
      evidence.strength = evidence.kind == "plate" ? 0.95 : 0.9;
    }
  }
  if (key.empty()) return std::nullopt;
  return evidence;
}

// The evidence a phone, email or identifier entity is by its own value.
std::optional<Evidence> OwnValue(const Entity& entity) {
  Evidence evidence;
  evidence.shown = entity.name;
  evidence.strength = 1.0;
  std::string key;
  switch (entity.type) {
    case EntityType::kPhone:
      key = PhoneKey(entity.name);
      evidence.key = "phone:" + key;
      evidence.kind = "number";
      break;
    case EntityType::kEmail:
      key = EmailKey(entity.name);
      evidence.key = "email:" + key;
      evidence.kind = "address";
      break;
    case EntityType::kIdentifier:
      key = IdentifierKey(entity.name);
      evidence.key = "document:" + key;
      evidence.kind = "identifier";
      break;
    default:
      return std::nullopt;
  }
  if (key.empty()) return std::nullopt;
  return evidence;
}

void AddEvidence(Record& record, Evidence evidence) {
  for (Evidence& known : record.evidence) {
    if (known.key == evidence.key) {
      if (evidence.strength > known.strength) known = std::move(evidence);
      return;
    }
  }
  record.evidence.push_back(std::move(evidence));
}

std::vector<std::string> NamesOf(const Entity& entity) {
  std::vector<std::string> names;
  auto add = [&](const std::string& name) {
    if (!name.empty() && names.size() < kMaxNamesPerEntity &&
        std::find(names.begin(), names.end(), name) == names.end()) {
      names.push_back(name);
    }
  };
  add(entity.name);
  for (const EntityProperty& property : entity.properties) {
    if (property.name == "name" || property.name == "alias" || property.name == "previousName" ||
        property.name == "weakAlias") {
      add(property.value);
    }
  }
  return names;
}

std::uint64_t PairKey(std::uint32_t a, std::uint32_t b) {
  if (a > b) std::swap(a, b);
  return (static_cast<std::uint64_t>(a) << 32) | b;
}

}  // namespace

Result<DuplicateReport> FindDuplicateCandidates(storage::LinkStore& store,
                                                const DuplicateOptions& options) {
  if (!(options.min_score >= 0 && options.min_score <= 1)) {
    return InvalidArgument(fmt::format("min score {} is outside 0..1", options.min_score));
  }
  std::unordered_map<std::string, std::string> kept_of;  // merged entity -> kept entity
  ORDO_RETURN_IF_ERROR(store.ForEachMerge([&](const storage::EntityMerge& merge) {
    if (merge.InForce()) {
      for (const std::string& merged : merge.merged) kept_of.emplace(merged, merge.kept);
    }
    return OkStatus();
  }));
  std::vector<Record> records;
  std::unordered_map<std::string, std::uint32_t> index_of;
  NameMatchOptions name_options;
  name_options.cross_script = options.cross_script;
  // Each distinct name is parsed (romanised) once; many entities share one.
  std::vector<ParsedName> distinct_names;
  std::unordered_map<std::string, std::uint32_t> name_ids;
  auto name_id = [&](const std::string& text) {
    const auto [found, added] =
        name_ids.emplace(text, static_cast<std::uint32_t>(distinct_names.size()));
    if (added) distinct_names.push_back(ParseName(text));
    return found->second;
  };
  ORDO_RETURN_IF_ERROR(store.ForEachEntity([&](const Entity& entity) {
    if (!options.visibility.Sees(entity.compartment)) return OkStatus();
    Record record;
    record.entity_id = entity.entity_id;
    record.name = entity.name;
    record.type = entity.type;
    record.compartment = entity.compartment;
    record.wanted = !options.type || *options.type == entity.type;
    if (record.wanted) {
      if (HasNames(entity.type)) {
        for (const std::string& name : NamesOf(entity)) record.names.push_back(name_id(name));
      }
      if (std::optional<Evidence> own = OwnValue(entity)) AddEvidence(record, std::move(*own));
      for (const EntityProperty& property : entity.properties) {
        if (std::optional<Evidence> evidence =
                EvidenceOf(entity.type, property.name, property.value)) {
          AddEvidence(record, std::move(*evidence));
        }
      }
    }
    index_of.emplace(entity.entity_id, static_cast<std::uint32_t>(records.size()));
    records.push_back(std::move(record));
    return OkStatus();
  }));
  // Shared nodes: an entity that holds a phone, email or identifier node carries its value.
  ORDO_RETURN_IF_ERROR(store.ForEachLink([&](const Link& link) {
    if (link.type != LinkType::kHolds || !options.visibility.Sees(link.compartment)) {
      return OkStatus();
    }
    const auto holder = index_of.find(link.from_entity);
    const auto node = index_of.find(link.to_entity);
    if (holder == index_of.end() || node == index_of.end()) return OkStatus();
    Record& record = records[holder->second];
    if (!record.wanted) return OkStatus();
    bool described = false;
    for (const EntityProperty& property : link.properties) {
      if (std::optional<Evidence> evidence = EvidenceOf(record.type, property.name, property.value)) {
        evidence->kind = "shared " + evidence->kind + " node";
        AddEvidence(record, std::move(*evidence));
        described = true;
      }
    }
    if (!described) {
      const Record& held = records[node->second];
      Entity value;
      value.type = held.type;
      value.name = held.name;
      if (std::optional<Evidence> evidence = OwnValue(value)) {
        evidence->kind = fmt::format("shared {} node", EntityTypeName(held.type));
        evidence->strength = held.type == EntityType::kPhone   ? 0.6
                             : held.type == EntityType::kEmail ? 0.7
                                                               : 0.9;
        AddEvidence(record, std::move(*evidence));
      }
    }
    return OkStatus();
  }));

  DuplicateReport report;
  std::unordered_map<std::string, std::vector<std::uint32_t>> blocks;
  auto join = [&](const std::string& block, std::uint32_t index) {
    std::vector<std::uint32_t>& members = blocks[block];
    if (members.empty() || members.back() != index) members.push_back(index);
  };
  for (std::uint32_t index = 0; index < records.size(); ++index) {
    const Record& record = records[index];
    if (!record.wanted) continue;
    ++report.entities;
    // Blocks are per type and compartment: a pair never joins two compartments, since a merge
    // may not (storage/merge_rules.h).
    const std::string type = fmt::format("{}|{}", EntityTypeName(record.type), record.compartment);
    for (std::uint32_t name_index : record.names) {
      const ParsedName& name = distinct_names[name_index];
      const std::string script =
          options.cross_script ? std::string() : std::string(NameScriptName(name.script));
      for (const NameToken& token : name.tokens) {
        if (token.role != NameTokenRole::kName) continue;
        for (const NameSpelling& spelling : token.spellings) {
          if (spelling.key.size() < kMinBlockKey) continue;
          join(fmt::format("n|{}|{}|{}", type, script, spelling.key.substr(0, kBlockPrefix)),
               index);
        }
      }
    }
    for (const Evidence& evidence : record.evidence) {
      join(fmt::format("e|{}|{}", type, evidence.key), index);
    }
  }
  // Collecting the pairs of a large block (a common name: millions of pairs) takes a while too, so a
  // cancel is looked for here as well, not only while scoring.
  constexpr std::size_t kPairsPerCheck = 4096;
  std::size_t collected = 0;
  std::unordered_set<std::uint64_t> pairs;
  for (auto& [block, members] : blocks) {
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    if (members.size() < 2) continue;
    if (members.size() > options.max_block) {
      ++report.blocks_skipped;
      continue;
    }
    for (std::size_t i = 0; i < members.size(); ++i) {
      for (std::size_t j = i + 1; j < members.size(); ++j) {
        pairs.insert(PairKey(members[i], members[j]));
        if (++collected % kPairsPerCheck == 0 && options.progress != nullptr &&
            options.progress->Cancelled()) {
          return FailedPrecondition("cancelled");
        }
      }
    }
  }
  std::vector<std::uint64_t> ordered(pairs.begin(), pairs.end());
  std::sort(ordered.begin(), ordered.end());
  auto group_of = [&](const std::string& entity_id) -> const std::string& {
    const auto kept = kept_of.find(entity_id);
    return kept == kept_of.end() ? entity_id : kept->second;
  };
  // Scored first, without words: most pairs fall below min_score, and of those above only the
  // best `limit` are shown, so only they are explained (a name block of common names holds tens of
  // thousands of equal pairs).
  struct Scored {
    std::uint32_t a = 0;
    std::uint32_t b = 0;
    double score = 0;
    double name_score = 0;
    std::size_t name_a = 0;  // the names that gave name_score
    std::size_t name_b = 0;
    bool compared = false;   // both have names
  };
  NameMatchOptions screen_options = name_options;
  screen_options.explain = false;
  // Scores by (name, name): in a block of common names the same two names meet again and again.
  std::unordered_map<std::uint64_t, double> name_scores;
  auto name_score_of = [&](std::uint32_t x, std::uint32_t y) {
    const std::uint64_t key = (static_cast<std::uint64_t>(x) << 32) | y;
    const auto [found, added] = name_scores.emplace(key, 0.0);
    if (added) {
      found->second = CompareNames(distinct_names[x], distinct_names[y], screen_options).score;
    }
    return found->second;
  };
  std::vector<Scored> found;
  constexpr std::size_t kPairsPerReport = 4096;
  for (std::size_t done = 0; done < ordered.size(); ++done) {
    if (options.progress != nullptr && done % kPairsPerReport == 0) {
      if (options.progress->Cancelled()) return FailedPrecondition("cancelled");
      options.progress->Report(done, ordered.size());
    }
    const std::uint64_t pair = ordered[done];
    Scored scored;
    scored.a = static_cast<std::uint32_t>(pair >> 32);
    scored.b = static_cast<std::uint32_t>(pair & 0xffffffffu);
    const Record& a = records[scored.a];
    const Record& b = records[scored.b];
    if (group_of(a.entity_id) == group_of(b.entity_id)) continue;  // merged already
    ++report.pairs_scored;
    for (std::size_t i = 0; i < a.names.size(); ++i) {
      for (std::size_t j = 0; j < b.names.size(); ++j) {
        const double name_score = name_score_of(a.names[i], b.names[j]);
        if (!scored.compared || name_score > scored.name_score) {
          scored.name_score = name_score;
          scored.name_a = i;
          scored.name_b = j;
        }
        scored.compared = true;
      }
    }
    double unexplained = 1 - scored.name_score;
    for (const Evidence& mine : a.evidence) {
      for (const Evidence& theirs : b.evidence) {
        if (mine.key == theirs.key) unexplained *= 1 - std::min(mine.strength, theirs.strength);
      }
    }
    scored.score = std::clamp(1 - unexplained, 0.0, 1.0);
    if (scored.score < options.min_score || scored.score <= 0) continue;
    found.push_back(scored);
  }
  if (options.progress != nullptr) options.progress->Report(ordered.size(), ordered.size());
  report.pairs_found = found.size();
  std::stable_sort(found.begin(), found.end(),
                   [](const Scored& x, const Scored& y) { return x.score > y.score; });
  if (options.limit != 0 && found.size() > options.limit) found.resize(options.limit);

  for (const Scored& scored : found) {
    const Record& a = records[scored.a];
    const Record& b = records[scored.b];
    std::vector<std::string> parts;
    if (scored.compared) {
      NameMatch named = CompareNames(distinct_names[a.names[scored.name_a]],
                                     distinct_names[b.names[scored.name_b]], name_options);
      parts.push_back(named.score > 0 ? named.explanation : "names: " + named.explanation);
    }
    for (const Evidence& mine : a.evidence) {
      for (const Evidence& theirs : b.evidence) {
        if (mine.key != theirs.key) continue;
        const std::string& kind = mine.strength <= theirs.strength ? mine.kind : theirs.kind;
        parts.push_back(mine.shown == theirs.shown
                            ? fmt::format("same {} {}", kind, mine.shown)
                            : fmt::format("same {} {} = {}", kind, mine.shown, theirs.shown));
      }
    }
    DuplicateCandidate candidate;
    candidate.first = a.entity_id;
    candidate.second = b.entity_id;
    candidate.first_name = a.name;
    candidate.second_name = b.name;
    candidate.type = a.type;
    candidate.score = scored.score;
    candidate.name_score = scored.name_score;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i > 0) candidate.explanation += "; ";
      candidate.explanation += parts[i];
    }
    report.candidates.push_back(std::move(candidate));
  }
  return report;
}

}  // namespace ordo::analytics
