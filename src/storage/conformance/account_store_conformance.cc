#include "storage/conformance/account_store_conformance.h"

#include <stdlib.h>

#include <filesystem>
#include <ostream>
#include <vector>

#include "core/sha256.h"

namespace ordo::storage::conformance {

std::string AccountBackendName(const ::testing::TestParamInfo<AccountStoreBackend>& info) {
  return info.param.name;
}

void PrintTo(const AccountStoreBackend& backend, std::ostream* out) { *out << backend.name; }

void AccountStoreConformanceTest::SetUp() {
  std::string pattern = ::testing::TempDir() + "ordo_account_conformance_XXXXXX";
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  scratch_dir_ = pattern;
  Result<std::shared_ptr<AccountStore>> store = GetParam().make_store(scratch_dir_);
  ASSERT_TRUE(store.has_value()) << store.error().ToString();
  store_ = std::move(store).value();
}

void AccountStoreConformanceTest::TearDown() {
  store_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(scratch_dir_, ignored);
}

namespace {

StoredAccount Analyst(const std::string& name) {
  StoredAccount stored;
  stored.account.name = name;
  stored.account.role = Role::kAnalyst;
  stored.account.created_at = "2026-12-01T10:00:00.000Z";
  stored.account.compartments = {"case-b", "case-a", "case-b"};
  stored.password_hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g";  // not real
  return stored;
}

ApiToken Token(const std::string& secret, const std::string& account, const std::string& at) {
  return {Sha256Hex(secret), account, "nightly import", at, false};
}

TEST_P(AccountStoreConformanceTest, AddFindAndList) {
  ASSERT_TRUE(Store().AddAccount(Analyst("zhyldyz")));
  ASSERT_TRUE(Store().AddAccount(Analyst("aidai")));
  std::optional<StoredAccount> found = Store().FindAccount("aidai").value();
  ASSERT_TRUE(found.has_value());
  StoredAccount expected = Analyst("aidai");
  expected.account.compartments = {"case-a", "case-b"};  // sorted, no repeats
  EXPECT_EQ(*found, expected);
  EXPECT_FALSE(Store().FindAccount("nobody").value().has_value());
  std::vector<Account> accounts = Store().ListAccounts().value();
  ASSERT_EQ(accounts.size(), 2u);
  EXPECT_EQ(accounts[0].name, "aidai");
  EXPECT_EQ(accounts[1].name, "zhyldyz");
}

TEST_P(AccountStoreConformanceTest, AddRefusesRepeatsAndBadNames) {
  ASSERT_TRUE(Store().AddAccount(Analyst("aidai")));
  Status again = Store().AddAccount(Analyst("aidai"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(again.error().message(), "account 'aidai' already exists");

  Status bad_name = Store().AddAccount(Analyst("Aidai"));
  ASSERT_FALSE(bad_name);
  EXPECT_EQ(bad_name.error().code(), ErrorCode::kInvalidArgument);
  StoredAccount bad_compartment = Analyst("bolot");
  bad_compartment.account.compartments = {"case a"};
  EXPECT_EQ(Store().AddAccount(bad_compartment).error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(Store().ListAccounts().value().size(), 1u);
}

TEST_P(AccountStoreConformanceTest, UpdateReplacesEverything) {
  ASSERT_TRUE(Store().AddAccount(Analyst("aidai")));
  StoredAccount changed = Analyst("aidai");
  changed.account.role = Role::kViewer;
  changed.account.disabled = true;
  changed.account.compartments = {"case-c"};
  changed.password_hash = "$argon2id$other";
  changed.failed_logins = 3;
  changed.locked_until = "2026-12-01T10:15:00.000Z";
  ASSERT_TRUE(Store().UpdateAccount(changed));
  EXPECT_EQ(Store().FindAccount("aidai").value(), changed);

  changed.account.compartments.clear();
  ASSERT_TRUE(Store().UpdateAccount(changed));
  EXPECT_TRUE(Store().FindAccount("aidai").value()->account.compartments.empty());

  Status missing = Store().UpdateAccount(Analyst("nobody"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().message(), "no account 'nobody'");
}

TEST_P(AccountStoreConformanceTest, TokensAreKeptByHash) {
  ASSERT_TRUE(Store().AddAccount(Analyst("aidai")));
  ApiToken first = Token("secret-1", "aidai", "2026-12-01T10:00:00.000Z");
  ApiToken second = Token("secret-2", "aidai", "2026-12-01T09:00:00.000Z");
  ASSERT_TRUE(Store().AddApiToken(first));
  ASSERT_TRUE(Store().AddApiToken(second));
  EXPECT_EQ(Store().FindApiToken(first.token_hash).value(), first);
  EXPECT_FALSE(Store().FindApiToken(Sha256Hex("guess")).value().has_value());
  EXPECT_EQ(Store().ListApiTokens("aidai").value(), (std::vector<ApiToken>{second, first}));
  EXPECT_TRUE(Store().ListApiTokens("nobody").value().empty());

  ASSERT_TRUE(Store().RevokeApiToken(first.token_hash));
  EXPECT_TRUE(Store().FindApiToken(first.token_hash).value()->revoked);
  EXPECT_FALSE(Store().FindApiToken(second.token_hash).value()->revoked);
}

TEST_P(AccountStoreConformanceTest, TokenRefusals) {
  ASSERT_TRUE(Store().AddAccount(Analyst("aidai")));
  ApiToken token = Token("secret-1", "aidai", "2026-12-01T10:00:00.000Z");
  ASSERT_TRUE(Store().AddApiToken(token));
  EXPECT_EQ(Store().AddApiToken(token).error().message(), "token already exists");
  ApiToken orphan = Token("secret-2", "nobody", "2026-12-01T10:00:00.000Z");
  EXPECT_EQ(Store().AddApiToken(orphan).error().message(), "no account 'nobody'");
  ApiToken malformed = token;
  malformed.token_hash = "secret-1";  // the token itself, never to be stored
  EXPECT_EQ(Store().AddApiToken(malformed).error().message(),
            "token hash must be 64 lowercase hex digits");
  EXPECT_EQ(Store().RevokeApiToken(Sha256Hex("guess")).error().message(), "no such token");
  EXPECT_EQ(Store().ListApiTokens("aidai").value().size(), 1u);
}

TEST_P(AccountStoreConformanceTest, AChangeIsSeenByTheNextReader) {
  if (!GetParam().open_again) GTEST_SKIP() << "the backend has no second connection";
  ASSERT_TRUE(Store().AddAccount(Analyst("aidai")));
  Result<std::shared_ptr<AccountStore>> other = GetParam().open_again(ScratchDir());
  ASSERT_TRUE(other.has_value()) << other.error().ToString();
  StoredAccount disabled = Analyst("aidai");
  disabled.account.disabled = true;
  ASSERT_TRUE(Store().UpdateAccount(disabled));
  EXPECT_TRUE((*other)->FindAccount("aidai").value()->account.disabled);
}

}  // namespace
}  // namespace ordo::storage::conformance
