#include "api/request_handler.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "storage/memory/memory_store.h"

namespace ordo::api {
namespace {

using Json = nlohmann::json;

Country MakeCountry(const std::string& iso3, const std::string& name_en,
                    const std::string& name_ky) {
  Country country;
  country.iso3 = CountryCode::Parse(iso3).value();
  country.iso2 = iso3.substr(0, 2);
  country.name_en = name_en;
  country.name_ky = name_ky;
  country.region = "Asia";
  country.subregion = "Western Asia";
  country.un_member = true;
  return country;
}

storage::RegistryBatch SmallRegistry() {
  storage::RegistryBatch batch;
  batch.countries = {MakeCountry("KGZ", "Kyrgyzstan", "Кыргызстан"),
                     MakeCountry("TUR", "Türkiye", "Түркия"), MakeCountry("RUS", "Russia", "")};
  batch.countries[1].land_neighbours = {CountryCode::Parse("RUS").value()};
  Relation relation;
  relation.iso3 = CountryCode::Parse("TUR").value();
  relation.established = PartialDate::Parse("1992-01-29").value();
  relation.source_url = "https://example.org/relations";
  batch.relations = {relation};
  TradeFlow flow;
  flow.partner = relation.iso3;
  flow.year = 2019;
  flow.value_usd = 519000000;
  flow.period = "full year";
  flow.reporter = "Turkish MFA";
  flow.source_url = "https://example.org/trade";
  batch.trade_flows = {flow};
  batch.trade_bloc_members = {{"turkey", "Turkey", relation.iso3, "https://example.org/blocs", ""}};
  return batch;
}

class RequestHandlerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    watched_ = ::testing::TempDir() + "/ordo_handler_" + std::to_string(getpid()) + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::ofstream(watched_) << "1";
    SnapshotSource source;
    source.open_store = [this]() -> Result<std::unique_ptr<storage::RegistryStore>> {
      ++loads_;
      auto store = std::make_unique<storage::MemoryStore>();
      storage::RegistryBatch batch = SmallRegistry();
      if (loads_ > 1) batch.trade_flows.front().value_usd = 1;
      if (auto written = store->Write(batch); !written) return written.error();
      return std::unique_ptr<storage::RegistryStore>(std::move(store));
    };
    source.watched_files = {watched_};
    SnapshotProviderOptions options;
    options.check_interval = CheckInterval();
    auto provider = SnapshotProvider::Create(std::move(source), std::move(options));
    ASSERT_TRUE(provider.has_value()) << provider.error().ToString();
    handler_ = std::make_unique<RequestHandler>(std::move(*provider), watched_ + "_no_web_root");
  }
  void TearDown() override { std::filesystem::remove(watched_); }
  // Every request checks the file unless a test says otherwise.
  virtual std::chrono::milliseconds CheckInterval() const { return std::chrono::milliseconds(0); }

  HttpResponse Get(const std::string& target, HttpMethod method = HttpMethod::kGet) {
    return handler_->Handle({method, method == HttpMethod::kOther ? "DELETE" : "GET", target});
  }
  Json GetJson(const std::string& target) {
    HttpResponse response = Get(target);
    EXPECT_EQ(response.status, 200) << target << ": " << *response.body;
    return Json::parse(*response.body);
  }

  std::string watched_;
  std::atomic<int> loads_{0};
  std::unique_ptr<RequestHandler> handler_;
};

TEST_F(RequestHandlerTest, HealthSaysOk) {
  HttpResponse response = Get("/api/v1/health");

  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, "application/json");
  const Json health = Json::parse(*response.body);
  EXPECT_EQ(health["status"], "ok");
  EXPECT_TRUE(health["graph_builds"].is_number_unsigned()) << health.dump();
}

TEST_F(RequestHandlerTest, ProfileUsesTheRequestedLanguageAndKeepsTheReporter) {
  Json profile = GetJson("/api/v1/countries/TUR?lang=ky");

  EXPECT_EQ(profile["country"]["name"], "Түркия");
  EXPECT_EQ(profile["relation"]["date_established"], "1992-01-29");
  EXPECT_EQ(profile["relation"]["precision"], "day");
  EXPECT_EQ(profile["trade"][0]["value_usd"], 519000000);
  EXPECT_EQ(profile["trade"][0]["reporter"], "Turkish MFA");
  EXPECT_EQ(profile["neighbours"][0]["iso3"], "RUS");
  EXPECT_TRUE(profile["missing_relation"].is_null());
}

TEST_F(RequestHandlerTest, ListsArePaged) {
  Json page = GetJson("/api/v1/countries?page=2&page_size=2");

  EXPECT_EQ(page["total"], 3);
  EXPECT_EQ(page["page"], 2);
  EXPECT_EQ(page["page_size"], 2);
  ASSERT_EQ(page["items"].size(), 1u);
  EXPECT_EQ(page["items"][0]["iso3"], "RUS");
  EXPECT_TRUE(page["items"][0]["name_ru"].is_null());
}

TEST_F(RequestHandlerTest, BadParametersAreProblemsThatNameThem) {
  HttpResponse response = Get("/api/v1/relations?before=1992-02-30");

  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.content_type, "application/problem+json");
  EXPECT_EQ(Json::parse(*response.body)["parameter"], "before");
  EXPECT_EQ(Json::parse(*Get("/api/v1/health?verbose=1").body)["parameter"], "verbose");
}

TEST_F(RequestHandlerTest, UnknownCountryAndRouteAreNotFound) {
  EXPECT_EQ(Get("/api/v1/countries/Atlantis").status, 404);
  EXPECT_EQ(Get("/api/v1/nothing").status, 404);
  EXPECT_EQ(Get("/api/v1/nothing").content_type, "application/problem+json");
}

TEST_F(RequestHandlerTest, OtherMethodsAreNotAllowed) {
  HttpResponse response = Get("/api/v1/health", HttpMethod::kOther);

  EXPECT_EQ(response.status, 405);
}

TEST_F(RequestHandlerTest, RepeatedQuestionsAreAnsweredFromTheCache) {
  HttpResponse first = Get("/api/v1/trade?year=2019&partner=TUR");
  HttpResponse second = Get("/api/v1/trade?partner=TUR&year=2019");

  EXPECT_EQ(first.body.get(), second.body.get());
}

TEST_F(RequestHandlerTest, NoCachedAnswerWhileTheDatabaseCheckIsDue) {
  Get("/api/v1/trade?year=2019");

  EXPECT_FALSE(handler_->CachedAnswer({HttpMethod::kGet, "GET", "/api/v1/trade?year=2019"}));
}

class CachedAnswerTest : public RequestHandlerTest {
 protected:
  std::chrono::milliseconds CheckInterval() const override { return std::chrono::hours(1); }
};

TEST_F(CachedAnswerTest, ExactTargetIsAnsweredWithoutTheRoute) {
  const HttpRequest request{HttpMethod::kGet, "GET", "/api/v1/trade?year=2019"};
  EXPECT_FALSE(handler_->CachedAnswer(request));

  HttpResponse computed = handler_->Handle(request);
  std::optional<HttpResponse> cached = handler_->CachedAnswer(request);

  ASSERT_TRUE(cached.has_value());
  EXPECT_EQ(cached->body.get(), computed.body.get());
  EXPECT_FALSE(handler_->CachedAnswer({HttpMethod::kOther, "DELETE", "/api/v1/trade?year=2019"}));
  EXPECT_FALSE(handler_->CachedAnswer({HttpMethod::kGet, "GET", "/index.html"}));
}

TEST_F(CachedAnswerTest, ErrorsAreNotCached) {
  const HttpRequest request{HttpMethod::kGet, "GET", "/api/v1/trade?year=abc"};

  EXPECT_EQ(handler_->Handle(request).status, 400);
  EXPECT_FALSE(handler_->CachedAnswer(request));
}

TEST_F(RequestHandlerTest, ChangedDatabaseFileIsReloaded) {
  EXPECT_EQ(GetJson("/api/v1/trade")["items"][0]["value_usd"], 519000000);

  std::ofstream(watched_) << "changed";
  Json after = GetJson("/api/v1/trade");

  EXPECT_EQ(after["items"][0]["value_usd"], 1);
  EXPECT_EQ(loads_, 2);
}

TEST_F(RequestHandlerTest, BalanceSumsOneReportersFullYearFiguresPerBloc) {
  Json balance = GetJson("/api/v1/trade/balance");

  EXPECT_EQ(balance["blocs"][0]["id"], "turkey");
  EXPECT_EQ(balance["series"][0]["value_usd"], 519000000);
  EXPECT_EQ(balance["series"][0]["reporter"], "Turkish MFA");
  EXPECT_EQ(balance["series"][0]["partners"], Json::array({"TUR"}));
}

TEST_F(RequestHandlerTest, PagesOutsideTheApiComeFromTheWebRoot) {
  HttpResponse response = Get("/");

  EXPECT_EQ(response.status, 503);
  EXPECT_NE(response.body->find("not built"), std::string::npos);
}

}  // namespace
}  // namespace ordo::api
