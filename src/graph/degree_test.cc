#include "graph/degree.h"

#include <gtest/gtest.h>

namespace ordo::graph {
namespace {

Graph Triangle() {
  GraphBuilder builder(3);
  builder.AddEdge({.source = 0, .target = 1, .type = 1, .valid_from = 0, .valid_to = 10});
  builder.AddEdge({.source = 0, .target = 2, .type = 2});
  builder.AddEdge({.source = 2, .target = 2, .type = 1});
  return *builder.Build();
}

TEST(DegreeTest, CountsOutInAndBoth) {
  const Graph graph = Triangle();

  EXPECT_EQ(Degrees(graph, Direction::kOut), (std::vector<std::uint32_t>{2, 0, 1}));
  EXPECT_EQ(Degrees(graph, Direction::kIn), (std::vector<std::uint32_t>{0, 1, 2}));
}

TEST(DegreeTest, ASelfLoopCountsTwiceInBoth) {
  const Graph graph = Triangle();

  EXPECT_EQ(Degrees(graph, Direction::kBoth), (std::vector<std::uint32_t>{2, 1, 3}));
}

TEST(DegreeTest, CountsOnlyTheLinksTheFilterAccepts) {
  const Graph graph = Triangle();
  LinkFilter filter;
  filter.link_types = TypeSet::Of({1});
  filter.as_of = 20;

  EXPECT_EQ(Degrees(graph, Direction::kBoth, filter), (std::vector<std::uint32_t>{0, 0, 2}));
}

}  // namespace
}  // namespace ordo::graph
