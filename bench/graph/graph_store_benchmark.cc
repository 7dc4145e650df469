// Building the link-analysis graph from a store snapshot (issue #5: "build from the store"): the
// R-MAT graph of graph_benchmark (synthetic entities and links) is written into a fresh SQLite
// store (setup, timed apart), then analytics::BuildLinkGraph reads it back into the CSR graph with
// its id maps. Peers, in the same run on the same file: the sqlite3 C API stepping the same rows
// and columns through the two SELECTs Ordo's reader runs (entities; links joined to their ends'
// ids), and igraph_create from the edge vector already in memory. Prints each median, rows/s and
// Ordo / peer.
//
//   graph_store_benchmark --db=FILE [--scale=20] [--edges=10000000] [--seed=20261201]
//                         [--repetitions=3]

#include <igraph.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

#include "analytics/link_graph.h"
#include "bench/graph/rmat.h"
#include "core/entity.h"
#include "storage/sqlite/sqlite_store.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 == 1 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "graph_store_benchmark: %s\n", what.c_str());
  std::exit(1);
}

// Steps every row of `sql`, reading every column as Ordo's reader would (text as text, integers
// as integers); returns the rows.
std::size_t StepAll(sqlite3* db, const char* sql) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK) Fail(sqlite3_errmsg(db));
  std::size_t rows = 0;
  std::size_t bytes = 0;
  while (sqlite3_step(statement) == SQLITE_ROW) {
    const int columns = sqlite3_column_count(statement);
    for (int c = 0; c < columns; ++c) {
      if (sqlite3_column_type(statement, c) == SQLITE_INTEGER) {
        bytes += static_cast<std::size_t>(sqlite3_column_int64(statement, c) & 1);
      } else {
        const unsigned char* text = sqlite3_column_text(statement, c);
        bytes += static_cast<std::size_t>(sqlite3_column_bytes(statement, c)) + (text ? 1 : 0);
      }
    }
    ++rows;
  }
  sqlite3_finalize(statement);
  if (bytes == 0) Fail("read nothing");
  return rows;
}

}  // namespace

int main(int argc, char** argv) {
  ordo::bench::RmatParameters rmat;
  std::string db_path;
  int repetitions = 3;
  for (int index = 1; index < argc; ++index) {
    const std::string_view arg = argv[index];
    auto value = [&](std::string_view flag) { return std::string(arg.substr(flag.size())); };
    if (arg.starts_with("--scale=")) {
      rmat.scale = std::stoi(value("--scale="));
    } else if (arg.starts_with("--edges=")) {
      rmat.edge_count = std::stoull(value("--edges="));
    } else if (arg.starts_with("--seed=")) {
      rmat.seed = std::stoull(value("--seed="));
    } else if (arg.starts_with("--db=")) {
      db_path = value("--db=");
    } else if (arg.starts_with("--repetitions=")) {
      repetitions = std::stoi(value("--repetitions="));
    } else {
      Fail("unknown argument '" + std::string(arg) + "'");
    }
  }
  if (db_path.empty() || rmat.scale < 4 || rmat.scale > 30 || repetitions < 1) {
    Fail("--db=FILE is required; --scale in [4, 30]; --repetitions >= 1");
  }
  if (access(db_path.c_str(), F_OK) == 0) Fail(db_path + " exists; give a new file");

  const std::size_t n = std::size_t{1} << rmat.scale;
  const auto edges = ordo::bench::GenerateRmat(rmat);
  std::printf("store: R-MAT scale %d (%zu entities), %zu links, seed %llu, into %s\n", rmat.scale,
              n, edges.size(), static_cast<unsigned long long>(rmat.seed), db_path.c_str());

  // Write: every entity, then the links in batches of a million (each batch one transaction).
  Clock::time_point start = Clock::now();
  {
    auto opened = ordo::storage::SqliteStore::Open(db_path, ordo::storage::SqliteOpenMode::kCreateIfMissing);
    if (!opened) Fail(opened.error().message());
    ordo::storage::SqliteStore& store = **opened;
    ordo::bench::SplitMix64 random(rmat.seed + 2);
    ordo::storage::GraphBatch batch;
    batch.entities.reserve(n);
    for (std::size_t v = 0; v < n; ++v) {
      ordo::Entity entity;
      entity.entity_id = "e" + std::to_string(v);
      entity.type = static_cast<ordo::EntityType>(random.Below(7));
      entity.name = "synthetic entity " + std::to_string(v);
      entity.source = "bench/graph R-MAT (synthetic)";
      entity.synthetic = true;
      batch.entities.push_back(std::move(entity));
    }
    if (auto written = store.AppendGraph(batch); !written) Fail(written.error().message());
    batch.entities.clear();
    constexpr std::size_t kBatch = 1'000'000;
    for (std::size_t first = 0; first < edges.size(); first += kBatch) {
      batch.links.clear();
      for (std::size_t i = first; i < std::min(edges.size(), first + kBatch); ++i) {
        ordo::Link link;
        link.link_id = "l" + std::to_string(i);
        link.type = static_cast<ordo::LinkType>(random.Below(11));
        link.from_entity = "e" + std::to_string(edges[i].first);
        link.to_entity = "e" + std::to_string(edges[i].second);
        const int year = 2000 + static_cast<int>(random.Below(20));
        if (random.Below(4) != 0) link.start = ordo::PartialDate::Year(year);
        if (random.Below(2) != 0) link.end = ordo::PartialDate::Year(year + 1);
        link.source = "bench/graph R-MAT (synthetic)";
        link.synthetic = true;
        batch.links.push_back(std::move(link));
      }
      if (auto written = store.AppendGraph(batch); !written) Fail(written.error().message());
    }
  }
  const double write_seconds = Seconds(start);
  std::printf("written in %.1f s (%.0f rows/s; setup, not compared)\n", write_seconds,
              static_cast<double>(n + edges.size()) / write_seconds);
  const double rows = static_cast<double>(n + edges.size());

  std::vector<double> ordo_times, sqlite_times, igraph_times;
  std::size_t ordo_edges = 0, sqlite_rows = 0;
  for (int r = 0; r < repetitions; ++r) {
    {
      start = Clock::now();
      auto opened = ordo::storage::SqliteStore::Open(db_path, ordo::storage::SqliteOpenMode::kMustExist);
      if (!opened) Fail(opened.error().message());
      auto built = ordo::analytics::BuildLinkGraph(**opened);
      if (!built) Fail(built.error().message());
      ordo_times.push_back(Seconds(start));
      ordo_edges = built->graph.EdgeCount();
    }
    {
      start = Clock::now();
      sqlite3* db = nullptr;
      if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        Fail("sqlite3_open_v2 failed");
      }
      sqlite_rows =
          StepAll(db, "SELECT id, entity_id, type, name, schema, case_id, source, synthetic FROM "
                      "entities") +
          StepAll(db, "SELECT l.link_id, l.type, f.entity_id, t.entity_id, l.directed, "
                      "l.start_date, l.end_date, l.source, l.grade, l.case_id, l.synthetic, "
                      "l.schema, l.id FROM links l JOIN entities f ON f.id = l.from_entity JOIN "
                      "entities t ON t.id = l.to_entity ORDER BY l.id");
      sqlite3_close(db);
      sqlite_times.push_back(Seconds(start));
    }
    {
      igraph_vector_int_t pairs;
      igraph_vector_int_init(&pairs, static_cast<igraph_integer_t>(2 * edges.size()));
      for (std::size_t i = 0; i < edges.size(); ++i) {
        VECTOR(pairs)[2 * i] = edges[i].first;
        VECTOR(pairs)[2 * i + 1] = edges[i].second;
      }
      start = Clock::now();
      igraph_t graph;
      if (igraph_create(&graph, &pairs, static_cast<igraph_integer_t>(n), IGRAPH_DIRECTED) !=
          IGRAPH_SUCCESS) {
        Fail("igraph_create failed");
      }
      igraph_times.push_back(Seconds(start));
      igraph_destroy(&graph);
      igraph_vector_int_destroy(&pairs);
    }
  }
  if (ordo_edges != edges.size() || sqlite_rows != n + edges.size()) {
    Fail("the store did not give back every row");
  }
  const double ordo = Median(ordo_times);
  const double sqlite = Median(sqlite_times);
  const double igraph = Median(igraph_times);
  std::printf("\nmedian of %d, s                 time      rows/s   Ordo/peer\n", repetitions);
  std::printf("Ordo BuildLinkGraph          %8.2f  %10.0f\n", ordo, rows / ordo);
  std::printf("sqlite3 stepping the rows    %8.2f  %10.0f  %10.2f\n", sqlite, rows / sqlite,
              ordo / sqlite);
  std::printf("igraph_create (from memory)  %8.2f  %10.0f  %10.2f\n", igraph, rows / igraph,
              ordo / igraph);
  std::printf("(no target in the issue; shown for the record)\n");
  return 0;
}
