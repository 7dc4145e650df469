// Signing in over HTTP against the real `ordo serve` on a real SQLite database (docs/accounts.md):
// every refusal of a sign-in answers the same bytes, the cookie's attributes, CSRF, tokens, the
// lockout, changes made by the CLI counting from the next request, the one-time sign-in link, and
// nothing under /api/ answering (not even from the response cache) without credentials.

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "http_client.h"
#include "ordo_runner.h"
#include "ordo_server.h"

namespace ordo::testing {
namespace {

using Json = nlohmann::json;
using Headers = std::vector<std::pair<std::string, std::string>>;

HttpReply Send(std::uint16_t port, const std::string& method, const std::string& target,
               const Headers& headers = {}, const std::string& body = "") {
  HttpConnection connection(port, Credentials::kNone);
  std::optional<HttpReply> reply = connection.Request(method, target, headers, body);
  EXPECT_TRUE(reply.has_value()) << method << " " << target;
  return reply.value_or(HttpReply{});
}

HttpReply PostSession(std::uint16_t port, const Json& body) {
  return Send(port, "POST", "/api/v1/session", {{"Content-Type", "application/json"}}, body.dump());
}

// "ordo_session=VALUE" from a Set-Cookie header, for a Cookie header.
std::string CookieOf(const HttpReply& reply) {
  const std::string set = reply.Header("set-cookie");
  return set.substr(0, set.find(';'));
}

void AddAccount(const std::string& db, const std::string& name, const std::string& role) {
  RunResult added = RunOrdoWithInput({"--db", db, "user", "add", name, "--role", role},
                                     std::string(kTesterPassword) + "\n");
  ASSERT_EQ(added.exit_code, 0) << added.err;
}

class AuthHttpTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new OrdoServer({}, [](const std::string& db) {
      AddAccount(db, "vera", "viewer");
      AddAccount(db, "dora", "analyst");
      RunResult disabled = RunOrdo({"--db", db, "user", "disable", "dora"});
      ASSERT_EQ(disabled.exit_code, 0) << disabled.err;
    });
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static std::uint16_t port() { return server_->port(); }

  static OrdoServer* server_;
};

OrdoServer* AuthHttpTest::server_ = nullptr;

TEST_F(AuthHttpTest, EveryRefusedSignInAnswersTheSameBytes) {
  const HttpReply unknown = PostSession(port(), {{"account", "nobody"}, {"password", "whatever it is"}});
  const HttpReply wrong = PostSession(port(), {{"account", "vera"}, {"password", "not the password"}});
  const HttpReply disabled = PostSession(port(), {{"account", "dora"}, {"password", kTesterPassword}});
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(unknown.Header("content-type"), "application/problem+json");
  EXPECT_EQ(unknown.Header("set-cookie"), "");
  for (const HttpReply* other : {&wrong, &disabled}) {
    EXPECT_EQ(other->status, unknown.status);
    EXPECT_EQ(other->headers, unknown.headers);
    EXPECT_EQ(other->body, unknown.body);
  }
}

TEST_F(AuthHttpTest, ASignedInSessionIsAStrictHttpOnlyCookie) {
  const HttpReply signed_in = PostSession(port(), {{"account", "vera"}, {"password", kTesterPassword}});
  ASSERT_EQ(signed_in.status, 200) << signed_in.body;
  const std::string cookie = signed_in.Header("set-cookie");
  EXPECT_EQ(cookie.rfind("ordo_session=ordo_", 0), 0u) << cookie;
  EXPECT_NE(cookie.find("; Path=/"), std::string::npos);
  EXPECT_NE(cookie.find("; HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("; SameSite=Strict"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);  // no TLS here
  const Json who = Json::parse(signed_in.body);
  EXPECT_EQ(who["account"], "vera");
  EXPECT_EQ(who["role"], "viewer");
  EXPECT_EQ(who["every_compartment"], false);
  ASSERT_TRUE(who["csrf_token"].is_string());

  const HttpReply summary = Send(port(), "GET", "/api/v1/summary", {{"Cookie", CookieOf(signed_in)}});
  EXPECT_EQ(summary.status, 200) << summary.body;
  const HttpReply session = Send(port(), "GET", "/api/v1/session", {{"Cookie", CookieOf(signed_in)}});
  ASSERT_EQ(session.status, 200);
  EXPECT_EQ(Json::parse(session.body)["csrf_token"], who["csrf_token"]);

  // Signing out needs the CSRF token too; then the cookie is worthless.
  EXPECT_EQ(Send(port(), "DELETE", "/api/v1/session", {{"Cookie", CookieOf(signed_in)}}).status, 403);
  const HttpReply out = Send(port(), "DELETE", "/api/v1/session",
                             {{"Cookie", CookieOf(signed_in)},
                              {"X-CSRF-Token", who["csrf_token"].get<std::string>()}});
  EXPECT_EQ(out.status, 200);
  EXPECT_NE(out.Header("set-cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(Send(port(), "GET", "/api/v1/summary", {{"Cookie", CookieOf(signed_in)}}).status, 401);
}

TEST_F(AuthHttpTest, ACookieSessionChangesNothingWithoutItsCsrfToken) {
  const HttpReply signed_in = PostSession(port(), {{"account", "tester"}, {"password", kTesterPassword}});
  ASSERT_EQ(signed_in.status, 200);
  const std::string csrf = Json::parse(signed_in.body)["csrf_token"];
  const std::string job = R"({"kind":"components"})";
  const Headers base = {{"Cookie", CookieOf(signed_in)}, {"Content-Type", "application/json"}};
  HttpReply none = Send(port(), "POST", "/api/v1/graph/jobs", base, job);
  EXPECT_EQ(none.status, 403) << none.body;
  EXPECT_EQ(none.Header("content-type"), "application/problem+json");
  Headers wrong = base;
  wrong.emplace_back("X-CSRF-Token", csrf + "x");
  EXPECT_EQ(Send(port(), "POST", "/api/v1/graph/jobs", wrong, job).status, 403);
  Headers right = base;
  right.emplace_back("X-CSRF-Token", csrf);
  EXPECT_NE(Send(port(), "POST", "/api/v1/graph/jobs", right, job).status, 403);
  // A token needs no CSRF header: a script is no browser a site can borrow.
  EXPECT_NE(Send(port(), "POST", "/api/v1/graph/jobs",
                 {{"Authorization", "Bearer " + server_->token()},
                  {"Content-Type", "application/json"}},
                 job)
                .status,
            403);
}

TEST_F(AuthHttpTest, NothingUnderApiAnswersWithoutCredentialsButThePublicRoutes) {
  // Asked with credentials first, so that the answer is in the response cache.
  ASSERT_EQ(Fetch(port(), "/api/v1/countries?page_size=2").status, 200);
  ASSERT_EQ(Fetch(port(), "/api/v1/countries?page_size=2").status, 200);
  for (const char* target : {"/api/v1/countries?page_size=2", "/api/v1/summary",
                             "/api/v1/narcotics/seizures", "/api/v1/graph/summary",
                             "/api/v1/session"}) {
    const HttpReply reply = Fetch(port(), target, "GET", Credentials::kNone);
    EXPECT_EQ(reply.status, 401) << target;
    EXPECT_EQ(reply.Header("content-type"), "application/problem+json") << target;
    EXPECT_EQ(reply.Header("www-authenticate"), "Bearer realm=\"ordo\"") << target;
  }
  EXPECT_EQ(Send(port(), "GET", "/api/v1/summary", {{"Authorization", "Bearer ordo_madeup"}}).status,
            401);
  EXPECT_EQ(Send(port(), "GET", "/api/v1/summary", {{"Cookie", "ordo_session=ordo_madeup"}}).status,
            401);
  EXPECT_EQ(Fetch(port(), "/api/v1/health", "GET", Credentials::kNone).status, 200);
  EXPECT_EQ(Fetch(port(), "/api/v1/openapi.json", "GET", Credentials::kNone).status, 200);
  EXPECT_EQ(Fetch(port(), "/", "GET", Credentials::kNone).status, 200);  // the sign-in screen
}

// Its own server: the lockout and the disable change accounts the other tests use.
TEST(AuthHttpChangesTest, TheCliChangesCountFromTheNextRequest) {
  OrdoServer server({}, [](const std::string& db) { AddAccount(db, "ana", "analyst"); });
  const std::string db = server.db_path();
  const HttpReply signed_in =
      PostSession(server.port(), {{"account", "ana"}, {"password", kTesterPassword}});
  ASSERT_EQ(signed_in.status, 200);
  RunResult token = RunOrdo({"--db", db, "user", "token", "ana"});
  ASSERT_EQ(token.exit_code, 0);
  const Headers by_cookie = {{"Cookie", CookieOf(signed_in)}};
  const Headers by_token = {{"Authorization", "Bearer " + token.out.substr(0, token.out.find('\n'))}};
  ASSERT_EQ(Send(server.port(), "GET", "/api/v1/summary", by_cookie).status, 200);
  ASSERT_EQ(Send(server.port(), "GET", "/api/v1/summary", by_token).status, 200);

  ASSERT_EQ(RunOrdo({"--db", db, "user", "grant", "ana", "case-7"}).exit_code, 0);
  EXPECT_EQ(Json::parse(Send(server.port(), "GET", "/api/v1/session", by_token).body)["compartments"],
            Json::array({"case-7"}));
  ASSERT_EQ(RunOrdo({"--db", db, "user", "revoke", "ana", "case-7"}).exit_code, 0);
  EXPECT_EQ(Json::parse(Send(server.port(), "GET", "/api/v1/session", by_cookie).body)["compartments"],
            Json::array());

  ASSERT_EQ(RunOrdo({"--db", db, "user", "disable", "ana"}).exit_code, 0);
  EXPECT_EQ(Send(server.port(), "GET", "/api/v1/summary", by_cookie).status, 401);
  EXPECT_EQ(Send(server.port(), "GET", "/api/v1/summary", by_token).status, 401);
  ASSERT_EQ(RunOrdo({"--db", db, "user", "enable", "ana"}).exit_code, 0);
  EXPECT_EQ(Send(server.port(), "GET", "/api/v1/summary", by_token).status, 200);
  EXPECT_EQ(Send(server.port(), "GET", "/api/v1/summary", by_cookie).status, 401)
      << "a disable ends the session for good";

  // A new password ends the sessions opened with the old one.
  const HttpReply again =
      PostSession(server.port(), {{"account", "ana"}, {"password", kTesterPassword}});
  ASSERT_EQ(again.status, 200);
  ASSERT_EQ(RunOrdoWithInput({"--db", db, "user", "password", "ana"}, "another long password\n")
                .exit_code,
            0);
  EXPECT_EQ(Send(server.port(), "GET", "/api/v1/summary", {{"Cookie", CookieOf(again)}}).status, 401);
}

TEST(AuthHttpChangesTest, FiveWrongPasswordsLockTheAccountWithTheSameAnswer) {
  OrdoServer server({}, [](const std::string& db) { AddAccount(db, "lena", "viewer"); });
  const HttpReply first =
      PostSession(server.port(), {{"account", "lena"}, {"password", "not the password"}});
  for (int attempt = 2; attempt <= 5; ++attempt) {
    PostSession(server.port(), {{"account", "lena"}, {"password", "not the password"}});
  }
  const HttpReply locked =
      PostSession(server.port(), {{"account", "lena"}, {"password", kTesterPassword}});
  EXPECT_EQ(locked.status, 401);
  EXPECT_EQ(locked.body, first.body);
  EXPECT_EQ(locked.headers, first.headers);
  // `ordo user enable` clears the lock.
  ASSERT_EQ(RunOrdo({"--db", server.db_path(), "user", "enable", "lena"}).exit_code, 0);
  EXPECT_EQ(PostSession(server.port(), {{"account", "lena"}, {"password", kTesterPassword}}).status,
            200);
}

// Sessions live in the database: a restarted server takes the cookie and its CSRF token, a second
// server on the same file takes it too, and a sign-out on one ends it on the other.
TEST(AuthHttpSessionsTest, ASessionOutlivesARestartAndIsSharedOnOneSqliteFile) {
  auto first = std::make_unique<OrdoServer>(
      std::vector<std::string>{},
      [](const std::string& db) { AddAccount(db, "ana", "analyst"); });
  const std::string db = first->db_path();
  const HttpReply signed_in =
      PostSession(first->port(), {{"account", "ana"}, {"password", kTesterPassword}});
  ASSERT_EQ(signed_in.status, 200) << signed_in.body;
  const std::string csrf = Json::parse(signed_in.body)["csrf_token"];
  const Headers by_cookie = {{"Cookie", CookieOf(signed_in)}};
  ASSERT_EQ(Send(first->port(), "GET", "/api/v1/summary", by_cookie).status, 200);
  EXPECT_EQ(first->Terminate(), 0);
  first.reset();

  OrdoServer restarted(OrdoServer::Existing{}, db, "");
  OrdoServer second(OrdoServer::Existing{}, db, "");
  ASSERT_NE(restarted.port(), 0);
  ASSERT_NE(second.port(), 0);
  const HttpReply who = Send(restarted.port(), "GET", "/api/v1/session", by_cookie);
  ASSERT_EQ(who.status, 200) << who.body;
  EXPECT_EQ(Json::parse(who.body)["account"], "ana");
  EXPECT_EQ(Json::parse(who.body)["csrf_token"], csrf);
  EXPECT_EQ(Send(second.port(), "GET", "/api/v1/summary", by_cookie).status, 200);
  // Only the cookie's SHA-256 is in the file, never the cookie or the CSRF token.
  const std::string cookie_value = CookieOf(signed_in).substr(CookieOf(signed_in).find('=') + 1);
  const std::string rows = RunProgram({"/usr/bin/sqlite3", db, "SELECT * FROM sessions"});
  EXPECT_NE(rows.find("|ana|"), std::string::npos) << rows;
  EXPECT_EQ(rows.find(cookie_value), std::string::npos);
  EXPECT_EQ(rows.find(csrf), std::string::npos);

  Headers sign_out = by_cookie;
  sign_out.emplace_back("X-CSRF-Token", csrf);
  ASSERT_EQ(Send(second.port(), "DELETE", "/api/v1/session", sign_out).status, 200);
  EXPECT_EQ(Send(restarted.port(), "GET", "/api/v1/summary", by_cookie).status, 401);
  EXPECT_EQ(RunProgram({"/usr/bin/sqlite3", db, "SELECT count(*) FROM sessions"}), "0\n");
}

TEST(AuthHttpLinkTest, TheOneTimeLinkSignsInOnceAsTheLocalAdministrator) {
  OrdoServer server({}, {}, OrdoServer::Accounts::kNone);
  ASSERT_NE(server.signin_link(), "") << server.Stdout();
  const std::string link = server.signin_link();
  EXPECT_EQ(link.rfind(server.url() + "?signin=ordo_", 0), 0u) << link;
  const std::string token = link.substr(link.find("?signin=") + 8);
  const HttpReply first = PostSession(server.port(), {{"signin", token}});
  ASSERT_EQ(first.status, 200) << first.body;
  const Json who = Json::parse(first.body);
  EXPECT_EQ(who["account"], "local-admin");
  EXPECT_EQ(who["role"], "admin");
  EXPECT_EQ(who["every_compartment"], true);
  EXPECT_EQ(Send(server.port(), "GET", "/api/v1/summary", {{"Cookie", CookieOf(first)}}).status, 200);
  const HttpReply second = PostSession(server.port(), {{"signin", token}});
  EXPECT_EQ(second.status, 401);
  // The same refusal as a wrong password's.
  EXPECT_EQ(second.body,
            PostSession(server.port(), {{"account", "x"}, {"password", "y"}}).body);
}

TEST(AuthHttpLinkTest, NoLinkOffLoopbackNorOnceAnAccountExists) {
  OrdoServer open({"--listen", "0.0.0.0:0"}, {}, OrdoServer::Accounts::kNone);
  ASSERT_NE(open.port(), 0);
  EXPECT_EQ(open.signin_link(), "");
  EXPECT_EQ(open.Stdout().find("signin="), std::string::npos) << open.Stdout();
  OrdoServer with_account;
  EXPECT_EQ(with_account.Stdout().find("signin="), std::string::npos) << with_account.Stdout();
}

TEST(AuthHttpLinkTest, BadSignInBodiesAreNamed) {
  OrdoServer server;
  const HttpReply not_json = Send(server.port(), "POST", "/api/v1/session",
                                  {{"Content-Type", "application/json"}}, "{");
  EXPECT_EQ(not_json.status, 400);
  const HttpReply unknown_field = PostSession(server.port(), {{"user", "x"}});
  EXPECT_EQ(unknown_field.status, 400);
  EXPECT_EQ(Json::parse(unknown_field.body)["parameter"], "user");
  const HttpReply missing = PostSession(server.port(), {{"account", "x"}});
  EXPECT_EQ(Json::parse(missing.body)["parameter"], "password");
  const HttpReply form = Send(server.port(), "POST", "/api/v1/session",
                              {{"Content-Type", "application/x-www-form-urlencoded"}},
                              "account=x&password=y");
  EXPECT_EQ(form.status, 415);
}

TEST(AuthHttpLimitsTest, ATokenOverItsRateGets429WithRetryAfter) {
  // 1 request a second on average, bursts of 4.
  OrdoServer server({"--rate-limit", "1"});
  for (int request = 0; request < 4; ++request) {
    ASSERT_EQ(Fetch(server.port(), "/api/v1/summary").status, 200) << request;
  }
  const HttpReply limited = Fetch(server.port(), "/api/v1/summary");
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.Header("retry-after"), "1");
  EXPECT_EQ(limited.Header("content-type"), "application/problem+json");
  // Another credential has its own allowance.
  const HttpReply signed_in =
      PostSession(server.port(), {{"account", "tester"}, {"password", kTesterPassword}});
  EXPECT_EQ(Send(server.port(), "GET", "/api/v1/summary", {{"Cookie", CookieOf(signed_in)}}).status,
            200);
}

// Sign-ins, sign-outs, reads of case data and writes leave audit records (docs/audit.md) naming
// who, what, from where and the status; a session cookie, a token or a password never does; and
// the chain still verifies after the server ran.
TEST(AuthHttpAuditTest, TheServerRecordsWhoDidWhatAndNoSecret) {
  OrdoServer server({}, [](const std::string& db) { AddAccount(db, "ana", "analyst"); });
  const std::uint16_t port = server.port();
  PostSession(port, {{"account", "nobody"}, {"password", "the secret password"}});
  const HttpReply signed_in = PostSession(port, {{"account", "ana"}, {"password", kTesterPassword}});
  ASSERT_EQ(signed_in.status, 200);
  const std::string cookie = CookieOf(signed_in);
  const std::string csrf = Json::parse(signed_in.body)["csrf_token"];
  ASSERT_EQ(Send(port, "GET", "/api/v1/graph/summary", {{"Cookie", cookie}}).status, 200);
  ASSERT_EQ(Send(port, "GET", "/api/v1/countries/TUR", {{"Cookie", cookie}}).status, 200);
  EXPECT_EQ(Send(port, "GET", "/api/v1/narcotics/stats").status, 401);
  ASSERT_EQ(Fetch(port, "/api/v1/narcotics/stats").status, 200);  // the tester's token
  ASSERT_EQ(Send(port, "DELETE", "/api/v1/session", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}})
                .status,
            200);

  const std::string records = RunProgram(
      {"/usr/bin/sqlite3", "-separator", "|", server.db_path(),
       "SELECT actor, action, object, origin, outcome, detail FROM audit_log WHERE origin LIKE "
       "'http@%' ORDER BY seq"});
  EXPECT_EQ(records,
            "nobody|login_failed|POST /api/v1/session|http@127.0.0.1|401|password: unknown account\n"
            "ana|login|POST /api/v1/session|http@127.0.0.1|200|password\n"
            "ana|http GET|GET /api/v1/graph/summary|http@127.0.0.1|200|via session\n"
            "anonymous|http GET|GET /api/v1/narcotics/stats|http@127.0.0.1|401|\n"
            "tester|http GET|GET /api/v1/narcotics/stats|http@127.0.0.1|200|via token\n"
            "ana|logout|DELETE /api/v1/session|http@127.0.0.1|200|\n");
  // The registry read (countries) is not case data: no record. No secret anywhere in the log.
  const std::string everything = RunProgram({"/usr/bin/sqlite3", server.db_path(), "SELECT * FROM audit_log"});
  ASSERT_NE(everything.find("login_failed"), std::string::npos) << everything;
  const std::string cookie_value = cookie.substr(cookie.find('=') + 1);
  EXPECT_EQ(everything.find(cookie_value), std::string::npos);
  EXPECT_EQ(everything.find(csrf), std::string::npos);
  EXPECT_EQ(everything.find(server.token()), std::string::npos);
  EXPECT_EQ(everything.find("the secret password"), std::string::npos);
  EXPECT_EQ(everything.find(kTesterPassword), std::string::npos);

  EXPECT_EQ(server.Terminate(), 0);
  RunResult verified = RunOrdo({"--db", server.db_path(), "audit", "verify"});
  EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;
  EXPECT_NE(verified.out.find("audit log intact"), std::string::npos) << verified.out;
}

}  // namespace
}  // namespace ordo::testing
