#include "api/internal/answer_marking.h"

#include <gtest/gtest.h>

namespace ordo::api::internal {
namespace {

std::string HeaderOf(const HttpResponse& response) {
  std::string found;
  int count = 0;
  for (const auto& [name, value] : response.headers) {
    if (name == kMarkingHeader) {
      found = value;
      ++count;
    }
  }
  EXPECT_LE(count, 1) << "the header is set once";
  return found;
}

TEST(AnswerMarkingTest, TheBodyAndTheHeaderSayTheSame) {
  const HttpResponse response = MarkedJsonResponse({{"entities", 2}}, Marking::kOfficialUse);
  EXPECT_EQ(*response.body, R"({"entities":2,"marking":"official-use"})");
  EXPECT_EQ(HeaderOf(response), "official-use");
  EXPECT_EQ(response.content_type, kJsonContentType);
}

TEST(AnswerMarkingTest, SettingTheHeaderAgainReplacesIt) {
  HttpResponse response = JsonResponse(Json::object());
  SetMarkingHeader(response, Marking::kSecret);
  SetMarkingHeader(response, Marking::kTopSecret);
  EXPECT_EQ(HeaderOf(response), "top-secret");
}

// Hands out fixed rows; counts without handing any.
class FixedSeizures final : public storage::SeizureStore {
 public:
  explicit FixedSeizures(std::vector<Seizure> rows) : rows_(std::move(rows)) {}
  Status AppendSeizures(const std::vector<Seizure>&) override { return OkStatus(); }
  Status AppendSeizuresFrom(const storage::SeizureProducer&) override { return OkStatus(); }
  Result<std::vector<Seizure>> ListSeizures(const storage::SeizureFilter&) override {
    return rows_;
  }
  Result<std::size_t> CountSeizures(const storage::SeizureFilter&) override {
    return rows_.size();
  }
  Status ForEachSeizure(const storage::SeizureFilter&,
                        const storage::SeizureVisitor& visit) override {
    for (const Seizure& row : rows_) {
      if (Status visited = visit(row); !visited.has_value()) return visited;
    }
    return OkStatus();
  }
  Result<std::optional<std::string>> FindCaseCompartment(const std::string&) override {
    return std::optional<std::string>();
  }

 private:
  std::vector<Seizure> rows_;
};

Seizure Marked(const std::string& id, Marking marking) {
  Seizure seizure;
  seizure.seizure_id = id;
  seizure.marking = marking;
  return seizure;
}

TEST(AnswerMarkingTest, TheSeizureStoreKeepsTheHighestOfTheRowsItHandedOut) {
  // The secret row first: a marking taken from the last row would say unmarked.
  FixedSeizures rows({Marked("a", Marking::kSecret), Marked("b", Marking::kUnmarked),
                      Marked("c", Marking::kOfficialUse)});
  MarkingSeizureStore counted(rows);
  ASSERT_TRUE(counted.CountSeizures({}).has_value());
  EXPECT_EQ(counted.highest(), Marking::kUnmarked) << "a count hands out no row";

  MarkingSeizureStore walked(rows);
  int visited = 0;
  ASSERT_TRUE(walked.ForEachSeizure({}, [&](const Seizure&) {
    ++visited;
    return OkStatus();
  }).has_value());
  EXPECT_EQ(visited, 3);
  EXPECT_EQ(walked.highest(), Marking::kSecret);

  MarkingSeizureStore listed(rows);
  ASSERT_TRUE(listed.ListSeizures({}).has_value());
  EXPECT_EQ(listed.highest(), Marking::kSecret);
}

TEST(AnswerMarkingTest, NothingHandedOutIsUnmarked) {
  FixedSeizures none({});
  MarkingSeizureStore store(none);
  ASSERT_TRUE(store.ForEachSeizure({}, [](const Seizure&) { return OkStatus(); }).has_value());
  EXPECT_EQ(store.highest(), Marking::kUnmarked);
}

}  // namespace
}  // namespace ordo::api::internal
