// HTTPS (`ordo serve --tls-cert FILE --tls-key FILE`) over a real socket, with a throw-away
// self-signed certificate made here with OpenSSL: the API answers over TLS, the session cookie
// says Secure, plain HTTP on the TLS port gets nothing, and bad certificate or key files are
// named with a usage error before anything listens.

#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cstdio>
#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "http_client.h"
#include "ordo_runner.h"
#include "ordo_server.h"

namespace ordo::testing {
namespace {

using Json = nlohmann::json;

struct CertFiles {
  std::string cert;
  std::string key;
};

// A P-256 key and a self-signed certificate for 127.0.0.1 valid for an hour, as PEM files.
CertFiles MakeSelfSigned(const std::string& dir) {
  CertFiles files{dir + "/cert.pem", dir + "/key.pem"};
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_EC_gen("P-256"), EVP_PKEY_free);
  std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), X509_free);
  EXPECT_TRUE(key && cert);
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 3600);
  X509_set_pubkey(cert.get(), key.get());
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);
  EXPECT_GT(X509_sign(cert.get(), key.get(), EVP_sha256()), 0);
  FILE* cert_file = std::fopen(files.cert.c_str(), "w");
  FILE* key_file = std::fopen(files.key.c_str(), "w");
  EXPECT_TRUE(cert_file && key_file);
  PEM_write_X509(cert_file, cert.get());
  PEM_write_PrivateKey(key_file, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  std::fclose(cert_file);
  std::fclose(key_file);
  return files;
}

TEST(TlsHttpTest, TheApiAnswersOverTlsAndTheCookieIsSecure) {
  const CertFiles files = MakeSelfSigned(MakeTempDir());
  OrdoServer server({"--tls-cert", files.cert, "--tls-key", files.key});
  ASSERT_NE(server.port(), 0);
  EXPECT_EQ(server.url().rfind("https://127.0.0.1:", 0), 0u) << server.url();

  std::optional<HttpReply> health = HttpsRequest(server.port(), "GET", "/api/v1/health");
  ASSERT_TRUE(health.has_value());
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(health->Header("strict-transport-security"), "max-age=31536000");

  std::optional<HttpReply> summary = HttpsRequest(
      server.port(), "GET", "/api/v1/summary", {{"Authorization", "Bearer " + server.token()}});
  ASSERT_TRUE(summary.has_value());
  EXPECT_EQ(summary->status, 200);

  std::optional<HttpReply> signed_in = HttpsRequest(
      server.port(), "POST", "/api/v1/session", {{"Content-Type", "application/json"}},
      Json{{"account", "tester"}, {"password", kTesterPassword}}.dump());
  ASSERT_TRUE(signed_in.has_value());
  ASSERT_EQ(signed_in->status, 200) << signed_in->body;
  const std::string cookie = signed_in->Header("set-cookie");
  EXPECT_NE(cookie.find("; Secure"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("; HttpOnly"), std::string::npos) << cookie;

  // Plain HTTP on the TLS port: no answer, the connection is dropped.
  HttpConnection plain(server.port());
  EXPECT_FALSE(plain.Request("GET", "/api/v1/health").has_value());
}

TEST(TlsHttpTest, BadCertificateOrKeyFilesAreNamed) {
  const std::string dir = MakeTempDir();
  const CertFiles files = MakeSelfSigned(dir);
  const CertFiles other = MakeSelfSigned(MakeTempDir());
  const std::string db = dir + "/ordo.db";
  ASSERT_EQ(RunOrdo({"--db", db, "init"}).exit_code, 0);
  const std::string garbage = dir + "/garbage.pem";
  std::FILE* out = std::fopen(garbage.c_str(), "w");
  std::fputs("not a certificate\n", out);
  std::fclose(out);
  struct Case {
    std::vector<std::string> args;
    std::string named;
  };
  const std::vector<Case> cases = {
      {{"--tls-cert", dir + "/missing.pem", "--tls-key", files.key}, "--tls-cert " + dir + "/missing.pem"},
      {{"--tls-cert", files.cert, "--tls-key", dir + "/missing.pem"}, "--tls-key " + dir + "/missing.pem"},
      {{"--tls-cert", garbage, "--tls-key", files.key}, "--tls-cert " + garbage},
      {{"--tls-cert", files.cert, "--tls-key", garbage}, "--tls-key " + garbage},
      {{"--tls-cert", files.cert, "--tls-key", other.key}, "--tls-key " + other.key},
      {{"--tls-cert", files.cert}, "--tls-key go together"},
  };
  for (const Case& bad : cases) {
    std::vector<std::string> args = {"--db", db, "serve", "--listen", "127.0.0.1:0"};
    args.insert(args.end(), bad.args.begin(), bad.args.end());
    RunResult result = RunOrdo(args);
    EXPECT_EQ(result.exit_code, 2) << bad.named << ": " << result.err;
    EXPECT_NE(result.err.find(bad.named), std::string::npos) << result.err;
    EXPECT_EQ(result.out.find("Ordo is serving"), std::string::npos);
  }
}

}  // namespace
}  // namespace ordo::testing
