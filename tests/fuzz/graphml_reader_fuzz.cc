// Fuzz target: the GraphML reader (ReadGraphml, expat underneath), with small depth, value and
// problem limits. Every node handed on has a non-empty id seen on no earlier node, every edge a
// source and a target and, when it has an id, one seen on no earlier edge; elements come in file
// order; every id, name, value and label is valid UTF-8 and within the value limit.
// Built with libFuzzer by scripts/fuzz.sh; replayed on tests/fuzz/corpus/graphml_reader and
// crashes/graphml_reader by ctest.

#include <cstdint>
#include <set>
#include <sstream>
#include <string>
#include <utility>

#include "fuzz_checks.h"
#include "ingest/graphml_reader.h"

namespace {

void CheckValues(const std::vector<ordo::ingest::GraphmlValue>& values, std::size_t limit) {
  using ordo::fuzz::Require;
  for (const auto& value : values) {
    Require(!value.name.empty(), "a value without a name");
    Require(ordo::fuzz::IsValidUtf8(value.name), "a value name that is not UTF-8");
    Require(ordo::fuzz::IsValidUtf8(value.value), "a value that is not UTF-8");
    Require(value.value.size() <= limit, "a value over the limit");
    Require(value.line >= 1, "a value without a line");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using ordo::fuzz::Require;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  ordo::ingest::GraphmlReadOptions options;
  options.chunk_bytes = 97;  // odd chunks: elements and characters cut across reads
  options.max_depth = 12;
  options.max_value_bytes = 256;
  options.max_problems = 16;
  std::set<std::string> node_ids;
  std::set<std::string> edge_ids;
  std::pair<int, int> last{0, 0};
  auto in_order = [&](int line, int column) {
    Require(std::pair(line, column) > last, "elements out of file order");
    last = {line, column};
  };
  ordo::ingest::GraphmlSink sink;
  sink.node = [&](ordo::ingest::GraphmlNode&& node) {
    in_order(node.line, node.column);
    Require(!node.id.empty() && node_ids.insert(node.id).second, "an empty or repeated node id");
    Require(ordo::fuzz::IsValidUtf8(node.id), "a node id that is not UTF-8");
    Require(ordo::fuzz::IsValidUtf8(node.label), "a label that is not UTF-8");
    CheckValues(node.values, options.max_value_bytes);
  };
  sink.edge = [&](ordo::ingest::GraphmlEdge&& edge) {
    in_order(edge.line, edge.column);
    Require(!edge.source.empty() && !edge.target.empty(), "an edge without both ends");
    Require(edge.id.empty() || edge_ids.insert(edge.id).second, "a repeated edge id");
    Require(ordo::fuzz::IsValidUtf8(edge.source) && ordo::fuzz::IsValidUtf8(edge.target) &&
                ordo::fuzz::IsValidUtf8(edge.id),
            "an edge id or end that is not UTF-8");
    CheckValues(edge.values, options.max_value_bytes);
  };
  const auto problems = ordo::ingest::ReadGraphml(in, "fuzz.graphml", options, sink);
  ordo::fuzz::CheckProblems(problems);
  return 0;
}
