#include "api/static_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace ordo::api {
namespace {

namespace fs = std::filesystem;

void WriteFile(const fs::path& path, const std::string& contents) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << contents;
}

std::string Header(const HttpResponse& response, const std::string& name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return value;
  }
  return "";
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::path(::testing::TempDir()) /
            ("ordo_static_" + std::to_string(getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(base_);
    root_ = base_ / "dist";
    WriteFile(root_ / "index.html", "<!doctype html><title>Ordo</title>");
    WriteFile(root_ / "assets" / "app-1234.js", "console.log(1)");
    WriteFile(root_ / "favicon.svg", "<svg/>");
    WriteFile(base_ / "secret.txt", "do not serve");
    fs::create_symlink(base_ / "secret.txt", root_ / "link.txt");
  }
  void TearDown() override { fs::remove_all(base_); }

  fs::path base_;
  fs::path root_;
};

TEST_F(StaticFilesTest, RootServesIndexHtml) {
  HttpResponse response = StaticFiles(root_.string()).Serve("/");

  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(*response.body, "<!doctype html><title>Ordo</title>");
}

TEST_F(StaticFilesTest, FilesComeWithTheirContentType) {
  StaticFiles files(root_.string());

  HttpResponse script = files.Serve("/assets/app-1234.js");
  HttpResponse icon = files.Serve("/favicon.svg");

  EXPECT_EQ(script.status, 200);
  EXPECT_EQ(script.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(*script.body, "console.log(1)");
  EXPECT_EQ(Header(script, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(icon.content_type, "image/svg+xml");
  EXPECT_EQ(Header(icon, "Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, ClientRoutesGetIndexHtmlAndMissingFilesGet404) {
  StaticFiles files(root_.string());

  EXPECT_EQ(*files.Serve("/countries/TUR").body, "<!doctype html><title>Ordo</title>");
  EXPECT_EQ(files.Serve("/assets/missing.js").status, 404);
}

TEST_F(StaticFilesTest, TraversalIsRefusedEncodedOrNot) {
  StaticFiles files(root_.string());

  for (const char* path :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2fsecret.txt",
        "/assets/%2E%2E/%2E%2E/secret.txt", "/..", "/.%2e/etc/passwd",
        "/assets%2f..%2f..%2fsecret.txt", "/a\\..\\secret.txt", "/./index.html"}) {
    HttpResponse response = files.Serve(path);
    EXPECT_EQ(response.status, 400) << path;
    EXPECT_EQ(response.body->find("do not serve"), std::string::npos) << path;
  }
}

TEST_F(StaticFilesTest, SymbolicLinksLeadingOutsideAreNotFollowed) {
  HttpResponse response = StaticFiles(root_.string()).Serve("/link.txt");

  EXPECT_EQ(response.status, 404);
}

TEST_F(StaticFilesTest, BadEscapesAndNulAreRefused) {
  StaticFiles files(root_.string());

  EXPECT_EQ(files.Serve("/index.html%00.js").status, 400);
  EXPECT_EQ(files.Serve("/%zz").status, 400);
}

TEST_F(StaticFilesTest, MissingWebRootSaysHowToBuildTheWebApp) {
  HttpResponse response = StaticFiles((base_ / "nowhere").string()).Serve("/");

  EXPECT_EQ(response.status, 503);
  EXPECT_EQ(response.content_type, "text/html; charset=utf-8");
  EXPECT_NE(response.body->find("not built"), std::string::npos);
  EXPECT_NE(response.body->find("make web"), std::string::npos);
}

TEST(StaticFilesContentTypeTest, KnownExtensionsHaveTheirTypes) {
  EXPECT_EQ(StaticFiles::ContentTypeFor("a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(StaticFiles::ContentTypeFor("a.json"), "application/json");
  EXPECT_EQ(StaticFiles::ContentTypeFor("a.woff2"), "font/woff2");
  EXPECT_EQ(StaticFiles::ContentTypeFor("a.html"), "text/html; charset=utf-8");
  EXPECT_EQ(StaticFiles::ContentTypeFor("a.bin"), "application/octet-stream");
}

}  // namespace
}  // namespace ordo::api
