#include "analytics/case_simulator.h"

#include <cstdio>
#include <random>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "analytics/seizure_simulator.h"

namespace ordo::analytics {
namespace {

// Choices from mt19937_64 with integer arithmetic only, so that a seed gives the same cases on
// every platform (the standard distributions are not specified bit for bit).
class CaseRandom {
 public:
  explicit CaseRandom(std::uint64_t seed) : engine_(seed) {}
  std::uint64_t Below(std::uint64_t n) { return engine_() % n; }
  std::uint64_t Between(std::uint64_t low, std::uint64_t high) { return low + Below(high - low + 1); }
  bool Percent(std::uint64_t percent) { return Below(100) < percent; }

 private:
  std::mt19937_64 engine_;
};

std::string Padded(std::uint64_t value, int width) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%0*llu", width, static_cast<unsigned long long>(value));
  return buffer;
}

std::string Coordinate(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6f", value);
  return buffer;
}

// A day of a case: months [first_month, first_month + 5] of its year, days 1..28.
struct CaseWindow {
  int year = 2021;
  int first_month = 1;
};

PartialDate DayIn(CaseRandom& random, const CaseWindow& window) {
  const int month = window.first_month + static_cast<int>(random.Below(6));
  const int day = 1 + static_cast<int>(random.Below(28));
  return PartialDate::FromParts(window.year, month, day).value();
}

struct Member {
  std::string id;
  std::string phone;  // entity id of the phone used most
  std::string number;
};

class Generator {
 public:
  explicit Generator(const CaseSimulationOptions& options)
      : options_(options),
        prefix_(CaseIdPrefix(options)),
        source_("ordo simulate --cases (synthetic, seed " + std::to_string(options.seed) + ")"),
        random_(options.seed) {}

  SimulatedCases Run() {
    for (std::uint64_t c = 1; c <= options_.cases; ++c) Case(c);
    return std::move(out_);
  }

 private:
  struct Group {
    std::string id;
    std::string case_id;
    std::vector<Member> organisers;
    std::vector<Member> couriers;
    Member financier;
  };

  Entity& AddEntity(std::string id, EntityType type, std::string name, std::string schema,
                    const std::string& case_id, const std::string& group, std::string role) {
    Entity entity;
    entity.entity_id = std::move(id);
    entity.type = type;
    entity.name = std::move(name);
    entity.schema = std::move(schema);
    entity.case_id = case_id;
    entity.source = source_;
    entity.synthetic = true;
    EntityTruth truth;
    truth.entity_id = entity.entity_id;
    truth.case_id = case_id;
    truth.group = group;
    truth.role = std::move(role);
    out_.truth.push_back(std::move(truth));
    if (!group.empty()) ++out_.groups[group_index_.at(group)].members;
    out_.graph.entities.push_back(std::move(entity));
    return out_.graph.entities.back();
  }

  Link& AddLink(LinkType type, std::string_view schema, const std::string& from,
                const std::string& to, const std::string& case_id, std::optional<PartialDate> day,
                bool directed = true) {
    Link link;
    link.link_id = prefix_ + "l" + std::to_string(++links_);
    link.type = type;
    link.from_entity = from;
    link.to_entity = to;
    link.directed = directed;
    link.schema = std::string(schema);
    link.start = day;
    link.end = day;
    link.source = source_;
    link.grade = "F6";  // reliability and information cannot be judged: nothing was observed
    link.case_id = case_id;
    link.synthetic = true;
    out_.graph.links.push_back(std::move(link));
    return out_.graph.links.back();
  }

  // The shared node of a real route place, made on first use (coordinates from
  // data/reference/route_places.csv through SimulationCorridors()).
  const std::string& Place(const RoutePlace& place) {
    const std::string name(place.name);
    auto found = places_.find(name);
    if (found != places_.end()) return found->second;
    std::string slug;
    for (char ch : name) {
      const bool alnum = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
      if (alnum) slug += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
      else if (!slug.empty() && slug.back() != '-') slug += '-';
    }
    Entity& entity = AddEntity(prefix_ + "place-" + slug, EntityType::kPlace, name, "", "", "",
                               "place");
    entity.properties = {{"country", std::string(place.country_iso3)},
                         {"latitude", Coordinate(place.lat)},
                         {"longitude", Coordinate(place.lon)},
                         {"coordinatesSource", "data/reference/route_places.csv"}};
    return places_.emplace(name, entity.entity_id).first->second;
  }

  Member Person(const Group& group, const std::string& key, const std::string& name,
                const std::string& role, bool second_phone) {
    Member member;
    member.id = group.id + "-" + key;
    Entity& person =
        AddEntity(member.id, EntityType::kPerson, name, "Person", group.case_id, group.id, role);
    person.properties = {{"name", name}};
    const int phones = second_phone ? 2 : 1;
    for (int k = 1; k <= phones; ++k) {
      // +996 000 ...: 15 digits (the E.164 maximum) made of the case, group and member numbers.
      const std::string number = "+996000" + Padded(case_number_, 5) + Padded(group_number_, 2) +
                                 Padded(++phone_in_group_, 2);
      const std::string phone_id = member.id + "-phone" + std::to_string(k);
      AddEntity(phone_id, EntityType::kPhone, number, "", group.case_id, group.id, "phone");
      AddLink(LinkType::kHolds, "", member.id, phone_id, group.case_id, std::nullopt)
          .properties = {{"phone", number}};
      if (k == 1) {
        member.phone = phone_id;
        member.number = number;
      }
    }
    return member;
  }

  void Call(const Member& caller, const Member& receiver, const std::string& case_id,
            const CaseWindow& window) {
    Link& call = AddLink(LinkType::kCall, "Call", caller.id, receiver.id, case_id,
                         DayIn(random_, window));
    call.properties = {{"callerNumber", caller.number},
                       {"receiverNumber", receiver.number},
                       {"duration", std::to_string(random_.Between(10, 900))}};
  }

  void Pay(const std::string& payer, const std::string& beneficiary, const std::string& case_id,
           const CaseWindow& window, std::uint64_t low, std::uint64_t high) {
    Link& payment = AddLink(LinkType::kPayment, "Payment", payer, beneficiary, case_id,
                            DayIn(random_, window));
    payment.properties = {{"amount", std::to_string(random_.Between(low, high) * 100)},
                          {"currency", "USD"}};
  }

  void Case(std::uint64_t c) {
    case_number_ = c;
    const std::string case_key = "c" + Padded(c, 4);
    const std::string case_id = prefix_ + case_key;
    CaseWindow window;
    window.year = options_.first_year +
                  static_cast<int>(random_.Below(static_cast<std::uint64_t>(
                      options_.last_year - options_.first_year + 1)));
    window.first_month = 1 + static_cast<int>(random_.Below(7));

    std::vector<Group> groups;
    for (std::uint64_t g = 1; g <= options_.groups_per_case; ++g) {
      group_number_ = g;
      groups.push_back(MakeGroup(case_id + "-g" + std::to_string(g), case_id, c, g, window));
    }
    // Sparse calls across the groups of a case: now and then a courier calls into another group.
    for (std::size_t i = 0; i < groups.size() && groups.size() > 1; ++i) {
      if (!random_.Percent(30)) continue;
      const Group& from = groups[i];
      const Group& to = groups[(i + 1 + random_.Below(groups.size() - 1)) % groups.size()];
      Call(from.couriers[random_.Below(from.couriers.size())],
           to.couriers[random_.Below(to.couriers.size())], case_id, window);
    }
    // A broker per case (when there is more than one group in all) bridges up to three of its
    // groups and, now and then, a group of an earlier case.
    const bool several = options_.cases * options_.groups_per_case > 1;
    if (several) {
      std::vector<std::pair<std::string, std::string>> bridged;  // group id, organiser id
      std::vector<std::size_t> order(groups.size());
      for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
      for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random_.Below(i)]);
      for (std::size_t i = 0; i < order.size() && i < 3; ++i) {
        const Group& group = groups[order[i]];
        bridged.emplace_back(group.id, group.organisers[0].id);
      }
      if (!earlier_.empty() && (groups.size() == 1 || random_.Percent(25))) {
        bridged.push_back(earlier_[random_.Below(earlier_.size())]);
      }
      if (bridged.size() >= 2) {
        group_number_ = 0;
        phone_in_group_ = 0;
        const std::string name = "Broker " + std::to_string(c);
        Member broker;
        broker.id = case_id + "-broker";
        Entity& person =
            AddEntity(broker.id, EntityType::kPerson, name, "Person", case_id, "", "broker");
        person.properties = {{"name", name}};
        broker.number = "+996000" + Padded(c, 5) + "0001";
        broker.phone = broker.id + "-phone1";
        AddEntity(broker.phone, EntityType::kPhone, broker.number, "", case_id, "", "phone");
        AddLink(LinkType::kHolds, "", broker.id, broker.phone, case_id, std::nullopt).properties = {
            {"phone", broker.number}};
        EntityTruth& truth = out_.truth[out_.truth.size() - 2];
        for (const auto& [group, organiser] : bridged) {
          truth.bridges.push_back(group);
          Member other;
          other.id = organiser;
          other.number = numbers_.at(organiser);
          Call(broker, other, case_id, window);
          Call(other, broker, case_id, window);
        }
        Pay(bridged[0].second, broker.id, case_id, window, 20, 200);
      }
    }
    for (const Group& group : groups) earlier_.emplace_back(group.id, group.organisers[0].id);
  }

  Group MakeGroup(const std::string& id, const std::string& case_id, std::uint64_t c,
                  std::uint64_t g, const CaseWindow& window) {
    Group group;
    group.id = id;
    group.case_id = case_id;
    phone_in_group_ = 0;
    const std::size_t corridor_index = random_.Below(SimulationCorridors().size());
    const Corridor& corridor = SimulationCorridors()[corridor_index];
    GroupTruth truth;
    truth.group = id;
    truth.case_id = case_id;
    truth.corridor = std::string(corridor.id);
    group_index_[id] = out_.groups.size();
    out_.groups.push_back(truth);
    const std::string tag = std::to_string(c) + "." + std::to_string(g);

    const std::uint64_t organisers = random_.Between(1, 2);
    const std::uint64_t couriers = random_.Between(3, 7);
    for (std::uint64_t k = 1; k <= organisers; ++k) {
      group.organisers.push_back(Person(group, "org" + std::to_string(k),
                                        "Organiser " + tag + "." + std::to_string(k), "organiser",
                                        random_.Percent(50)));
    }
    for (std::uint64_t k = 1; k <= couriers; ++k) {
      group.couriers.push_back(Person(group, "cou" + std::to_string(k),
                                      "Courier " + tag + "." + std::to_string(k), "courier",
                                      false));
    }
    group.financier = Person(group, "fin1", "Financier " + tag, "financier", false);
    for (const Member& member : group.organisers) numbers_[member.id] = member.number;

    // Calls: every courier calls an organiser; other pairs by chance, organisers most.
    for (const Member& courier : group.couriers) {
      Call(courier, group.organisers[random_.Below(group.organisers.size())], case_id, window);
    }
    std::vector<const Member*> everyone;
    for (const Member& m : group.organisers) everyone.push_back(&m);
    for (const Member& m : group.couriers) everyone.push_back(&m);
    everyone.push_back(&group.financier);
    const std::size_t organiser_count = group.organisers.size();
    const std::size_t financier = everyone.size() - 1;
    for (std::size_t i = 0; i < everyone.size(); ++i) {
      for (std::size_t j = i + 1; j < everyone.size(); ++j) {
        const bool organiser = i < organiser_count;
        std::uint64_t percent = 25;  // courier - courier
        if (organiser && j == financier) percent = 90;
        else if (organiser) percent = 60;
        else if (j == financier) percent = 5;
        if (random_.Percent(percent)) {
          if (random_.Percent(50)) Call(*everyone[i], *everyone[j], case_id, window);
          else Call(*everyone[j], *everyone[i], case_id, window);
        }
      }
    }
    // A front company, directed by the first organiser, with an office; a safe house.
    const std::string& kyrgyz_city = KyrgyzCity(corridor);
    const std::string company = id + "-company";
    const std::string company_name = "Cargo Company " + tag;
    AddEntity(company, EntityType::kOrganization, company_name, "Company", case_id, id, "company")
        .properties = {{"name", company_name}, {"country", "kg"}};
    AddLink(LinkType::kDirectorship, "Directorship", group.organisers[0].id, company, case_id,
            DayIn(random_, window));
    const std::string office = id + "-office";
    const std::string office_name = "Office " + tag + ", " + kyrgyz_city;
    AddEntity(office, EntityType::kAddress, office_name, "Address", case_id, id, "address")
        .properties = {{"full", office_name}, {"city", kyrgyz_city}};
    AddLink(LinkType::kUnknown, "UnknownLink", company, office, case_id, std::nullopt)
        .properties = {{"role", "registered address"}};
    const std::string safe_house = id + "-safehouse";
    const std::string safe_name = "Safe house " + tag + ", " + kyrgyz_city;
    AddEntity(safe_house, EntityType::kAddress, safe_name, "Address", case_id, id, "address")
        .properties = {{"full", safe_name}, {"city", kyrgyz_city}};
    AddLink(LinkType::kUnknown, "UnknownLink", group.organisers.back().id, safe_house, case_id,
            std::nullopt)
        .properties = {{"role", "residence"}};
    for (const Member& courier : group.couriers) {
      if (random_.Percent(50)) {
        AddLink(LinkType::kUnknown, "UnknownLink", courier.id, safe_house, case_id,
                DayIn(random_, window))
            .properties = {{"role", "stays at"}};
      }
      if (random_.Percent(40)) {
        AddLink(LinkType::kEmployment, "Employment", courier.id, company, case_id,
                DayIn(random_, window))
            .properties = {{"role", "driver"}};
      }
    }
    if (group.organisers.size() > 1 && random_.Percent(50)) {
      AddLink(LinkType::kFamily, "Family", group.organisers[0].id, group.organisers[1].id,
              case_id, std::nullopt, false)
          .properties = {{"relationship", "relative"}};
    }

    // Vehicles owned by the company, driven by couriers on trips along the corridor.
    std::vector<std::pair<std::string, std::string>> vehicles;  // id, plate
    const std::uint64_t vehicle_count = random_.Between(1, 2);
    for (std::uint64_t k = 1; k <= vehicle_count; ++k) {
      const std::string vehicle = id + "-vehicle" + std::to_string(k);
      const std::string plate = "SIM " + std::to_string(c) + "-" + std::to_string(g) + "-" +
                                std::to_string(k);
      AddEntity(vehicle, EntityType::kVehicle, plate, "Vehicle", case_id, id, "vehicle")
          .properties = {{"name", plate}, {"registrationNumber", plate}};
      AddLink(LinkType::kOwnership, "Ownership", company, vehicle, case_id, std::nullopt);
      vehicles.emplace_back(vehicle, plate);
    }
    std::vector<std::size_t> drives(group.couriers.size());
    for (std::size_t k = 0; k < group.couriers.size(); ++k) {
      drives[k] = random_.Below(vehicles.size());
      AddLink(LinkType::kUnknown, "UnknownLink", group.couriers[k].id, vehicles[drives[k]].first,
              case_id, std::nullopt)
          .properties = {{"role", "drives"}};
      const std::uint64_t trips = random_.Between(1, 3);
      for (std::uint64_t t = 0; t < trips; ++t) {
        const RoutePlace& place = corridor.places[random_.Below(corridor.places.size())];
        AddLink(LinkType::kTravel, "", group.couriers[k].id, Place(place), case_id,
                DayIn(random_, window))
            .properties = {{"vehicle", vehicles[drives[k]].second}};
      }
    }

    // Payments: financier to organisers, organisers to couriers, company to financier.
    for (const Member& organiser : group.organisers) {
      const std::uint64_t payments = random_.Between(1, 3);
      for (std::uint64_t k = 0; k < payments; ++k) {
        Pay(group.financier.id, organiser.id, case_id, window, 50, 500);
      }
    }
    for (const Member& courier : group.couriers) {
      if (random_.Percent(80)) {
        Pay(group.organisers[random_.Below(group.organisers.size())].id, courier.id, case_id,
            window, 5, 30);
      }
    }
    if (random_.Percent(50)) Pay(company, group.financier.id, case_id, window, 100, 1000);

    // Seizures of the group's consignments: 0 to 2, each with 1 or 2 couriers, their vehicle and
    // phone involved.
    const std::uint64_t seizure_count = random_.Below(3);
    for (std::uint64_t k = 1; k <= seizure_count; ++k) {
      Seize(group, corridor, window, id + "-seizure" + std::to_string(k), vehicles, drives);
    }
    return group;
  }

  // A Kyrgyz city of the corridor (its first place in KGZ that is not an airport or crossing).
  static const std::string& KyrgyzCity(const Corridor& corridor) {
    static const std::unordered_map<std::string_view, std::string> cities = [] {
      std::unordered_map<std::string_view, std::string> found;
      for (const Corridor& each : SimulationCorridors()) {
        for (const RoutePlace& place : each.places) {
          const std::string_view name = place.name;
          if (place.country_iso3 == "KGZ" && !place.is_airport &&
              name.find("border") == std::string_view::npos && !found.contains(each.id)) {
            found.emplace(each.id, std::string(name));
          }
        }
        if (!found.contains(each.id)) found.emplace(each.id, "Bishkek");
      }
      return found;
    }();
    return cities.at(corridor.id);
  }

  void Seize(const Group& group, const Corridor& corridor, const CaseWindow& window,
             const std::string& seizure_id,
             const std::vector<std::pair<std::string, std::string>>& vehicles,
             const std::vector<std::size_t>& drives) {
    const std::size_t place_index = random_.Below(corridor.places.size());
    const RoutePlace& place = corridor.places[place_index];
    const PartialDate day = DayIn(random_, window);
    std::uint64_t total = 0;
    for (const WeightedTerm& drug : corridor.drugs) {
      total += static_cast<std::uint64_t>(drug.weight * 1000 + 0.5);
    }
    std::uint64_t pick = random_.Below(total);
    const WeightedTerm* drug = &corridor.drugs.back();
    for (const WeightedTerm& each : corridor.drugs) {
      const auto weight = static_cast<std::uint64_t>(each.weight * 1000 + 0.5);
      if (pick < weight) {
        drug = &each;
        break;
      }
      pick -= weight;
    }
    // Quantity: the corridor's median for the drug times 1/4 .. 4 in steps of 1/4.
    const double quantity = drug->median_kg * static_cast<double>(random_.Between(1, 16)) / 4.0;

    Seizure seizure;
    seizure.seizure_id = seizure_id;
    seizure.date = day;
    seizure.place = std::string(place.name);
    seizure.lat = place.lat;
    seizure.lon = place.lon;
    seizure.country = CountryCode::Parse(place.country_iso3).value();
    seizure.drug = ParseDrug(drug->term).value();
    seizure.quantity = quantity;
    seizure.unit = QuantityUnit::kKilogram;
    seizure.quantity_kg = quantity;
    seizure.conveyance = place.is_airport ? "air" : std::string(corridor.conveyances[0].term);
    if (drug->term == "heroin" || drug->term == "opium") {
      seizure.origin = CountryCode::Parse("AFG").value();
    }
    seizure.departure = CountryCode::Parse(corridor.departure_iso3).value();
    seizure.destination = CountryCode::Parse(corridor.destination_iso3).value();
    std::string_view transit = corridor.transit_iso3;
    while (!transit.empty()) {
      const std::size_t cut = transit.find(';');
      seizure.transit.push_back(CountryCode::Parse(transit.substr(0, cut)).value());
      transit = cut == std::string_view::npos ? std::string_view() : transit.substr(cut + 1);
    }
    for (const RoutePlace& each : corridor.places) seizure.route.emplace_back(each.name);
    seizure.agency = "synthetic";
    seizure.case_id = group.case_id;
    seizure.synthetic = true;
    seizure.source = source_;
    out_.seizures.push_back(seizure);

    // The seizure as a node of the graph (its record's id), and who and what was involved.
    Entity& node = AddEntity(seizure_id, EntityType::kIdentifier, "Seizure " + seizure_id, "",
                             group.case_id, group.id, "seizure");
    node.properties = {{"seizureId", seizure_id},
                       {"date", day.ToString()},
                       {"drug", std::string(drug->term)},
                       {"place", std::string(place.name)}};
    AddLink(LinkType::kTravel, "", seizure_id, Place(place), group.case_id, day);
    const std::size_t first = random_.Below(group.couriers.size());
    const std::size_t arrested = random_.Percent(40) && group.couriers.size() > 1 ? 2 : 1;
    for (std::size_t k = 0; k < arrested; ++k) {
      const std::size_t courier = (first + k) % group.couriers.size();
      AddLink(LinkType::kSeizureInvolvement, "", group.couriers[courier].id, seizure_id,
              group.case_id, day)
          .properties = {{"role", "arrested"}};
      AddLink(LinkType::kSeizureInvolvement, "", group.couriers[courier].phone, seizure_id,
              group.case_id, day)
          .properties = {{"role", "phone seized"}};
      if (k == 0) {
        AddLink(LinkType::kSeizureInvolvement, "", vehicles[drives[courier]].first, seizure_id,
                group.case_id, day)
            .properties = {{"role", "conveyance"}};
      }
    }
  }

  const CaseSimulationOptions& options_;
  std::string prefix_;
  std::string source_;
  CaseRandom random_;
  SimulatedCases out_;
  std::uint64_t links_ = 0;
  std::uint64_t case_number_ = 0;
  std::uint64_t group_number_ = 0;
  std::uint64_t phone_in_group_ = 0;
  std::unordered_map<std::string, std::string> places_;  // place name -> entity id
  std::unordered_map<std::string, std::size_t> group_index_;
  std::unordered_map<std::string, std::string> numbers_;  // organiser id -> phone number
  std::vector<std::pair<std::string, std::string>> earlier_;  // group id, first organiser id
};

}  // namespace

std::string CaseIdPrefix(const CaseSimulationOptions& options) {
  return options.id_prefix.empty() ? "sim" + std::to_string(options.seed) + "-"
                                   : options.id_prefix;
}

Status ValidateCaseSimulationOptions(const CaseSimulationOptions& options) {
  if (options.cases < 1 || options.cases > kMaxSimulatedCases) {
    return InvalidArgument("--cases must be from 1 to " + std::to_string(kMaxSimulatedCases) +
                           ", got " + std::to_string(options.cases));
  }
  if (options.groups_per_case < 1 || options.groups_per_case > kMaxGroupsPerCase) {
    return InvalidArgument("--groups must be from 1 to " + std::to_string(kMaxGroupsPerCase) +
                           ", got " + std::to_string(options.groups_per_case));
  }
  if (options.first_year < 1900 || options.last_year > 2100 ||
      options.first_year > options.last_year) {
    return InvalidArgument("the years of a simulation must satisfy 1900 <= first <= last <= 2100, got " +
                           std::to_string(options.first_year) + " and " +
                           std::to_string(options.last_year));
  }
  return OkStatus();
}

Result<SimulatedCases> SimulateCases(const CaseSimulationOptions& options) {
  ORDO_RETURN_IF_ERROR(ValidateCaseSimulationOptions(options));
  return Generator(options).Run();
}

}  // namespace ordo::analytics
