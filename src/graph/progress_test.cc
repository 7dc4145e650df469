#include "graph/progress.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "graph/betweenness_centrality.h"
#include "graph/louvain.h"
#include "graph/pagerank.h"

namespace ordo::graph {
namespace {

Graph RandomTestGraph(std::uint64_t seed, std::size_t nodes) {
  std::mt19937_64 random(seed);
  GraphBuilder builder(nodes);
  for (std::size_t i = 0; i < nodes * 4; ++i) {
    builder.AddEdge({.source = static_cast<NodeId>(random() % nodes),
                     .target = static_cast<NodeId>(random() % nodes)});
  }
  return *builder.Build();
}

TEST(ProgressTest, ReportsGrowingFractionsAndOneAtTheEnd) {
  std::vector<double> seen;
  Progress progress([&](double fraction) { seen.push_back(fraction); });
  progress.Report(0, 10);  // 0 is not progress
  progress.Report(3, 10);
  progress.Report(2, 10);  // never backwards
  progress.Report(3, 10);  // nor the same again
  progress.Report(10, 10);
  EXPECT_EQ(seen, (std::vector<double>{0.3, 1.0}));
  EXPECT_EQ(progress.Fraction(), 1.0);
}

TEST(ProgressTest, CallsBackOnlyEveryStep) {
  int calls = 0;
  Progress progress([&](double) { ++calls; });
  for (std::uint64_t i = 1; i <= 1'000'000; ++i) progress.Report(i, 1'000'000);
  EXPECT_LE(calls, 1001);
  EXPECT_GE(calls, 900);
}

TEST(ProgressTest, WithoutCallbackOnlyCancels) {
  Progress progress;
  progress.Report(5, 10);
  EXPECT_FALSE(progress.Cancelled());
  progress.Cancel();
  EXPECT_TRUE(progress.Cancelled());
}

TEST(ProgressTest, BetweennessReportsEverySourceAndReachesOne) {
  const Graph graph = RandomTestGraph(3, 300);
  double last = 0;
  int calls = 0;
  Progress progress([&](double fraction) {
    EXPECT_GT(fraction, last);
    last = fraction;
    ++calls;
  });
  BetweennessOptions options;
  options.progress = &progress;
  const BetweennessResult with = Betweenness(graph, options);
  EXPECT_FALSE(progress.Cancelled());
  EXPECT_GT(calls, 100);
  EXPECT_EQ(with.score, Betweenness(graph).score);  // the hook changes nothing
}

TEST(ProgressTest, CancelledBetweennessStopsAtOnce) {
  const Graph graph = RandomTestGraph(4, 300);
  Progress* self = nullptr;
  int calls = 0;
  Progress progress([&](double) {
    if (++calls == 5) self->Cancel();
  });
  self = &progress;
  BetweennessOptions options;
  options.progress = &progress;
  options.threads = 2;
  const BetweennessResult result = Betweenness(graph, options);
  EXPECT_TRUE(progress.Cancelled());
  EXPECT_LT(progress.Fraction(), 0.1);
  EXPECT_EQ(result.score.size(), graph.NodeCount());
  EXPECT_NE(result.score, Betweenness(graph).score);
}

TEST(ProgressTest, CancelledBeforeStartLouvainGivesAValidPartition) {
  const Graph graph = RandomTestGraph(5, 200);
  Progress progress;
  progress.Cancel();
  CommunityOptions options;
  options.progress = &progress;
  const Communities result = FindCommunities(graph, options);
  EXPECT_EQ(result.levels, 0u);  // no level ran
  ASSERT_EQ(result.community.size(), graph.NodeCount());
  for (std::uint32_t c : result.community) EXPECT_LT(c, result.count);
}

TEST(ProgressTest, LouvainReachesOneAndIsUnchangedByTheHook) {
  const Graph graph = RandomTestGraph(6, 200);
  std::vector<double> seen;
  Progress progress([&](double fraction) { seen.push_back(fraction); });
  CommunityOptions options;
  options.progress = &progress;
  const Communities with = FindCommunities(graph, options);
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.back(), 1.0);
  EXPECT_EQ(with.community, FindCommunities(graph).community);
}

TEST(ProgressTest, CancelledPageRankStopsAtTheNextIteration) {
  const Graph graph = RandomTestGraph(7, 200);
  Progress* self = nullptr;
  Progress progress([&](double) { self->Cancel(); });
  self = &progress;
  PageRankOptions options;
  options.progress = &progress;
  const PageRankResult cancelled = PageRank(graph, options);
  EXPECT_TRUE(progress.Cancelled());
  EXPECT_LE(cancelled.iterations, 2u);
  EXPECT_GT(PageRank(graph).iterations, 10u);
}

TEST(ProgressTest, PageRankReachesOne) {
  const Graph graph = RandomTestGraph(8, 200);
  double last = 0;
  Progress progress([&](double fraction) { last = fraction; });
  PageRankOptions options;
  options.progress = &progress;
  const PageRankResult with = PageRank(graph, options);
  EXPECT_EQ(last, 1.0);
  EXPECT_EQ(with.rank, PageRank(graph).rank);
}

}  // namespace
}  // namespace ordo::graph
