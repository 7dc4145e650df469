#include "analytics/route_network.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "graph/betweenness.h"

namespace ordo::analytics {
namespace {

struct PositionSum {
  double lat = 0;
  double lon = 0;
  std::size_t count = 0;
};

struct EdgeTally {
  std::size_t seizures = 0;
  double kg = 0;
  std::size_t without_kg = 0;
  std::unordered_set<std::string> case_ids;
  std::size_t rows_without_case = 0;
};

struct PathTally {
  std::size_t seizures = 0;
  double kg = 0;
};

// The node ids of one seizure's route, in travel order (see the header).
std::vector<std::string> RouteIds(const Seizure& seizure) {
  std::vector<std::string> ids;
  if (!seizure.route.empty()) {
    for (const std::string& place : seizure.route) ids.push_back("place:" + place);
  } else {
    if (seizure.departure) ids.push_back("country:" + seizure.departure->str());
    for (const CountryCode& code : seizure.transit) ids.push_back("country:" + code.str());
    if (seizure.destination) ids.push_back("country:" + seizure.destination->str());
  }
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

class NetworkBuilder {
 public:
  Status Add(const Seizure& seizure) {
    ++rows_matched_;
    if (synthetic_ && *synthetic_ != seizure.synthetic) {
      return FailedPrecondition(
          "the matching seizures mix real and synthetic records, which are never analysed "
          "together; choose one kind (--synthetic true or --synthetic false)");
    }
    synthetic_ = seizure.synthetic;
    if (seizure.lat && seizure.lon && !seizure.place.empty()) {
      PositionSum& sum = positions_["place:" + seizure.place];
      sum.lat += *seizure.lat;
      sum.lon += *seizure.lon;
      ++sum.count;
    }
    std::vector<std::string> ids = RouteIds(seizure);
    if (ids.size() < 2) {
      ++rows_without_route_;
      return OkStatus();
    }
    ++rows_routed_;
    const double kg = seizure.quantity_kg.value_or(0);
    routed_kg_ += kg;
    std::vector<std::size_t> path;
    for (const std::string& id : ids) path.push_back(Intern(id));
    std::set<std::size_t> seen_nodes(path.begin(), path.end());
    for (std::size_t node : seen_nodes) {
      ++node_seizures_[node];
      node_kg_[node] += kg;
    }
    std::set<std::pair<std::size_t, std::size_t>> seen_edges;
    for (std::size_t i = 0; i + 1 < path.size(); ++i) seen_edges.emplace(path[i], path[i + 1]);
    for (const auto& leg : seen_edges) {
      EdgeTally& tally = edges_[leg];
      ++tally.seizures;
      tally.kg += kg;
      if (!seizure.quantity_kg) ++tally.without_kg;
      if (seizure.case_id.empty()) {
        ++tally.rows_without_case;
      } else {
        tally.case_ids.insert(seizure.case_id);
      }
    }
    PathTally& path_tally = paths_[path];
    ++path_tally.seizures;
    path_tally.kg += kg;
    return OkStatus();
  }

  RouteNetwork Finish() && {
    RouteNetwork network;
    network.rows_matched = rows_matched_;
    network.rows_routed = rows_routed_;
    network.rows_without_route = rows_without_route_;
    network.routed_kg = routed_kg_;
    network.synthetic = synthetic_;
    // Nodes sorted by id; `rank` maps interned numbers to positions.
    std::vector<std::size_t> order(ids_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [this](std::size_t a, std::size_t b) { return ids_[a] < ids_[b]; });
    std::vector<std::size_t> rank(ids_.size());
    for (std::size_t position = 0; position < order.size(); ++position) {
      const std::size_t interned = order[position];
      rank[interned] = position;
      RouteNode node;
      node.id = ids_[interned];
      const bool is_place = node.id.rfind("place:", 0) == 0;
      node.kind = is_place ? RouteNodeKind::kPlace : RouteNodeKind::kCountry;
      node.name = node.id.substr(is_place ? 6 : 8);
      if (auto found = positions_.find(node.id); found != positions_.end()) {
        node.lat = found->second.lat / static_cast<double>(found->second.count);
        node.lon = found->second.lon / static_cast<double>(found->second.count);
      }
      node.seizures = node_seizures_[interned];
      node.kg = node_kg_[interned];
      node.seizure_share = Share(node.seizures);
      network.nodes.push_back(std::move(node));
    }
    std::vector<std::vector<std::size_t>> out(network.nodes.size());
    for (auto& [leg, tally] : edges_) {
      RouteEdge edge;
      edge.from = rank[leg.first];
      edge.to = rank[leg.second];
      edge.seizures = tally.seizures;
      edge.cases = tally.case_ids.size() + tally.rows_without_case;
      edge.kg = tally.kg;
      edge.without_kg = tally.without_kg;
      edge.seizure_share = Share(tally.seizures);
      out[edge.from].push_back(edge.to);
      network.edges.push_back(edge);
    }
    const auto& nodes = network.nodes;
    std::sort(network.edges.begin(), network.edges.end(),
              [&nodes](const RouteEdge& a, const RouteEdge& b) {
                return std::tie(b.seizures, b.kg, nodes[a.from].id, nodes[a.to].id) <
                       std::tie(a.seizures, a.kg, nodes[b.from].id, nodes[b.to].id);
              });
    for (auto& [interned_path, tally] : paths_) {
      RoutePath path;
      for (std::size_t node : interned_path) path.nodes.push_back(rank[node]);
      path.seizures = tally.seizures;
      path.kg = tally.kg;
      network.paths.push_back(std::move(path));
    }
    std::sort(network.paths.begin(), network.paths.end(),
              [&nodes](const RoutePath& a, const RoutePath& b) {
                if (a.seizures != b.seizures) return a.seizures > b.seizures;
                return std::lexicographical_compare(
                    a.nodes.begin(), a.nodes.end(), b.nodes.begin(), b.nodes.end(),
                    [&nodes](std::size_t x, std::size_t y) { return nodes[x].id < nodes[y].id; });
              });
    const std::vector<double> scores = graph::DirectedBetweenness(out);
    for (std::size_t i = 0; i < network.nodes.size(); ++i) {
      network.nodes[i].betweenness = scores[i];
      if (scores[i] > 0) network.chokepoints.push_back(i);
    }
    std::sort(network.chokepoints.begin(), network.chokepoints.end(),
              [&nodes](std::size_t a, std::size_t b) {
                if (nodes[a].betweenness != nodes[b].betweenness) {
                  return nodes[a].betweenness > nodes[b].betweenness;
                }
                if (nodes[a].seizures != nodes[b].seizures) {
                  return nodes[a].seizures > nodes[b].seizures;
                }
                return nodes[a].id < nodes[b].id;
              });
    return network;
  }

 private:
  std::size_t Intern(const std::string& id) {
    auto [it, inserted] = interned_.emplace(id, ids_.size());
    if (inserted) {
      ids_.push_back(id);
      node_seizures_.push_back(0);
      node_kg_.push_back(0);
    }
    return it->second;
  }

  double Share(std::size_t seizures) const {
    return rows_routed_ == 0 ? 0
                             : static_cast<double>(seizures) / static_cast<double>(rows_routed_);
  }

  std::unordered_map<std::string, std::size_t> interned_;
  std::vector<std::string> ids_;
  std::vector<std::size_t> node_seizures_;
  std::vector<double> node_kg_;
  std::map<std::pair<std::size_t, std::size_t>, EdgeTally> edges_;
  std::map<std::vector<std::size_t>, PathTally> paths_;
  std::unordered_map<std::string, PositionSum> positions_;
  std::size_t rows_matched_ = 0;
  std::size_t rows_routed_ = 0;
  std::size_t rows_without_route_ = 0;
  double routed_kg_ = 0;
  std::optional<bool> synthetic_;
};

// `base` narrowed to the period: the later start and the earlier end.
storage::SeizureFilter Narrow(storage::SeizureFilter base, const Period& period) {
  if (!base.from || base.from->FirstDay() < period.from.FirstDay()) base.from = period.from;
  if (!base.to || base.to->LastDay() > period.to.LastDay()) base.to = period.to;
  return base;
}

}  // namespace

std::optional<std::size_t> RouteNetwork::FindNode(std::string_view id_or_name) const {
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].id == id_or_name) return i;
  }
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].name == id_or_name) return i;
  }
  return std::nullopt;
}

Result<RouteNetwork> BuildRouteNetwork(storage::SeizureStore& store,
                                       storage::SeizureFilter filter) {
  filter.offset = 0;
  filter.limit = 0;
  NetworkBuilder builder;
  ORDO_RETURN_IF_ERROR(store.ForEachSeizure(
      filter, [&builder](const Seizure& seizure) { return builder.Add(seizure); }));
  return std::move(builder).Finish();
}

Result<Period> ParsePeriod(std::string_view text) {
  auto invalid = [text](std::string_view why) {
    return InvalidArgument(fmt::format(
        "period '{}' {}; expected a partial date (2019, 2019-03) or FROM..TO (2015..2019)", text,
        why));
  };
  const std::size_t dots = text.find("..");
  const std::string_view first = text.substr(0, dots);
  const std::string_view last = dots == std::string_view::npos ? first : text.substr(dots + 2);
  Result<PartialDate> from = PartialDate::Parse(first);
  if (!from) return invalid("does not start with a date");
  Result<PartialDate> to = PartialDate::Parse(last);
  if (!to) return invalid("does not end with a date");
  if (to->LastDay() < from->FirstDay()) return invalid("ends before it starts");
  return Period{*from, *to, std::string(text)};
}

Result<RouteComparison> CompareRoutePeriods(storage::SeizureStore& store,
                                            const storage::SeizureFilter& base, const Period& first,
                                            const Period& second) {
  RouteComparison comparison;
  comparison.first_period = first;
  comparison.second_period = second;
  ORDO_TRY(first_network, BuildRouteNetwork(store, Narrow(base, first)));
  ORDO_TRY(second_network, BuildRouteNetwork(store, Narrow(base, second)));
  std::map<std::pair<std::string, std::string>, RouteEdgeChange> legs;
  auto leg = [&legs](const RouteNetwork& network, const RouteEdge& edge) -> RouteEdgeChange& {
    const std::string& from = network.nodes[edge.from].id;
    const std::string& to = network.nodes[edge.to].id;
    RouteEdgeChange& change = legs[{from, to}];
    change.from_id = from;
    change.to_id = to;
    return change;
  };
  for (const RouteEdge& edge : first_network.edges) {
    RouteEdgeChange& change = leg(first_network, edge);
    change.first_seizures = edge.seizures;
    change.first_kg = edge.kg;
    change.first_share = edge.seizure_share;
  }
  for (const RouteEdge& edge : second_network.edges) {
    RouteEdgeChange& change = leg(second_network, edge);
    change.second_seizures = edge.seizures;
    change.second_kg = edge.kg;
    change.second_share = edge.seizure_share;
  }
  for (auto& [ids, change] : legs) {
    change.change = change.second_share - change.first_share;
    comparison.changes.push_back(change);
  }
  std::stable_sort(comparison.changes.begin(), comparison.changes.end(),
                   [](const RouteEdgeChange& a, const RouteEdgeChange& b) {
                     // Changes within rounding of each other keep the order of their ids.
                     return std::fabs(a.change) > std::fabs(b.change) + 1e-12;
                   });
  comparison.first = std::move(first_network);
  comparison.second = std::move(second_network);
  return comparison;
}

}  // namespace ordo::analytics
