// The hostile-request half of the bad-input corpus: every tests/bad-input/requests/<case>.http is
// sent byte for byte to the real server over a socket and must get exactly the answer its
// <case>.expected names:
//
//   status: 400                    the HTTP status (required)
//   parameter: year                the problem document's "parameter" (required when present in it)
//   detail: year: '...' is ...     the problem document's "detail", exactly
//
// Every answer of 400 and above must be a problem document (application/problem+json), and the
// server must still answer /api/v1/health after each case.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "http_client.h"
#include "ordo_server.h"

namespace ordo::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

const std::string kRequests = ORDO_SOURCE_DIR "/tests/bad-input/requests/";

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// "key: value" lines of a .expected file.
std::map<std::string, std::string> Expectations(const std::string& path) {
  std::map<std::string, std::string> expected;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    const std::size_t colon = line.find(": ");
    if (line.empty() || colon == std::string::npos) continue;
    expected[line.substr(0, colon)] = line.substr(colon + 2);
  }
  return expected;
}

std::vector<std::string> Cases() {
  std::vector<std::string> cases;
  for (const auto& entry : fs::directory_iterator(kRequests)) {
    if (entry.path().extension() == ".http") cases.push_back(entry.path().stem().string());
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

class BadInputRequestTest : public ::testing::TestWithParam<std::string> {
 protected:
  static void SetUpTestSuite() { server_ = new OrdoServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static OrdoServer* server_;
};

OrdoServer* BadInputRequestTest::server_ = nullptr;

TEST_P(BadInputRequestTest, GetsExactlyItsExpectedAnswer) {
  const std::string name = GetParam();
  const std::string expected_path = kRequests + name + ".expected";
  ASSERT_TRUE(fs::exists(expected_path)) << "every request needs a .expected file";
  const auto expected = Expectations(expected_path);
  ASSERT_EQ(expected.count("status"), 1u) << expected_path << " names no status";

  HttpConnection connection(server_->port());
  const std::optional<HttpReply> reply = connection.Raw(ReadBytes(kRequests + name + ".http"));

  ASSERT_TRUE(reply.has_value()) << "no answer; the server closed the connection";
  EXPECT_EQ(std::to_string(reply->status), expected.at("status")) << reply->body;
  if (reply->status >= 400) {
    EXPECT_EQ(reply->Header("content-type"), "application/problem+json");
    const Json problem = Json::parse(reply->body, nullptr, /*allow_exceptions=*/false);
    ASSERT_TRUE(problem.is_object()) << reply->body;
    EXPECT_EQ(problem.value("status", 0), reply->status);
    const std::string parameter = problem.value("parameter", "");
    EXPECT_EQ(parameter, expected.count("parameter") ? expected.at("parameter") : "");
    if (expected.count("detail")) {
      EXPECT_EQ(problem.value("detail", ""), expected.at("detail"));
    }
  }
  ASSERT_TRUE(server_->Running()) << server_->Stderr();
  EXPECT_EQ(Fetch(server_->port(), "/api/v1/health").status, 200);
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInputRequestTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string id;
                           for (char c : param.param) {
                             id += std::isalnum(static_cast<unsigned char>(c)) ? c : 'X';
                           }
                           return id;
                         });

}  // namespace
}  // namespace ordo::testing
