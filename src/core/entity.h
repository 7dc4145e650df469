#pragma once
// Entity and Link: the model of link analysis (issue #5). An entity is a person, organization,
// phone, vehicle, address, account, place, email or identifier, named by the id it was imported
// with (an FtM id, a case file's own id); a link joins two entities, with the time it held, its
// source, its grade and its case. Case data: every entity and link may belong to one case.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/partial_date.h"
#include "core/result.h"
#include "core/visibility.h"

namespace ordo {

enum class EntityType : std::uint8_t {
  kPerson,
  kOrganization,
  kPhone,
  kVehicle,
  kAddress,
  kAccount,
  kPlace,
  kEmail,
  kIdentifier,  // a passport, ID card or registration number shared by records
};

// "person", "organization", "phone", "vehicle", "address", "account", "place", "email",
// "identifier".
std::string_view EntityTypeName(EntityType type);
// Accepts exactly the names above; kInvalidArgument "unknown entity type 'x'; expected ..."
// otherwise.
Result<EntityType> ParseEntityType(std::string_view text);

enum class LinkType : std::uint8_t {
  kCall,
  kOwnership,
  kDirectorship,
  kFamily,
  kAssociate,
  kTravel,
  kPayment,
  kMembership,
  kEmployment,
  kSeizureInvolvement,
  kHolds,  // an entity holds a phone, email or identifier node (shared nodes join cases)
  kUnknown,
};

// "call", "ownership", "directorship", "family", "associate", "travel", "payment", "membership",
// "employment", "seizure_involvement", "holds", "unknown".
std::string_view LinkTypeName(LinkType type);
// Accepts exactly the names above; kInvalidArgument "unknown link type 'x'; expected ..."
// otherwise.
Result<LinkType> ParseLinkType(std::string_view text);

// One value of an entity's or a link's property ("name" = "Sadyrov", "birthDate" = "1970"); a property with
// several values appears several times, in order.
struct EntityProperty {
  std::string name;
  std::string value;

  friend bool operator==(const EntityProperty&, const EntityProperty&) = default;
};

struct Entity {
  std::string entity_id;  // unique in a store; never empty
  EntityType type = EntityType::kPerson;
  std::string name;  // as shown: a person's name, a phone number, a plate
  // The interchange schema it was imported as ("Person", "Company" for FtM), kept so that an
  // export gives it back; "" for entities Ordo made (shared phone, email and identifier nodes).
  std::string schema;
  std::vector<EntityProperty> properties;
  std::string case_id;  // "" when the entity belongs to no case
  std::string source;
  bool synthetic = false;
  // Who may see it (core/visibility.h): a CheckCompartmentName name; one case, one compartment.
  std::string compartment = std::string(kDefaultCompartment);
  Marking marking = Marking::kUnmarked;

  friend bool operator==(const Entity&, const Entity&) = default;
};

struct Link {
  std::string link_id;  // unique in a store; never empty
  LinkType type = LinkType::kUnknown;
  std::string from_entity;  // entity_id of one end (the source, when directed)
  std::string to_entity;    // entity_id of the other; may equal from_entity (a self-loop)
  bool directed = true;
  std::string schema;  // as Entity::schema ("Ownership")
  std::vector<EntityProperty> properties;
  std::optional<PartialDate> start;  // when the link began, if known
  std::optional<PartialDate> end;    // when it ended, if known; never before start
  std::string source;
  std::string grade;  // "" or an Admiralty code: source reliability A-F, information 1-6 ("B2")
  std::string case_id;
  bool synthetic = false;
  std::string compartment = std::string(kDefaultCompartment);  // as Entity::compartment
  Marking marking = Marking::kUnmarked;

  friend bool operator==(const Link&, const Link&) = default;
};

// True for "" and for an Admiralty code (A-F then 1-6).
bool IsValidGrade(std::string_view grade);

// The rules of one link taken alone, as every store checks them: kInvalidArgument for an empty
// link_id or end id, an end before the start ("link 'L': ends 2019 before it starts 2020-03") or a
// grade that is not an Admiralty code.
Status CheckLink(const Link& link);

}  // namespace ordo
