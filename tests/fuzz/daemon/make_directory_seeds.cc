// Writes valid seed inputs for charter_fuzz and profile_fuzz into
// <dir>/<target>/: real charters (bytes and text) and real profiles signed
// against the fixed network of fuzz_directory.h.
//   directory_fuzz_seeds tests/fuzz/seeds
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "crypto/identity.h"
#include "crypto/prekey.h"
#include "daemon/directory/profile.h"
#include "daemon/identity/card.h"
#include "daemon/util/proto_bytes.h"
#include "proto/directory.pb.h"
#include "tests/fuzz/daemon/fuzz_directory.h"

using namespace parley;

namespace {

std::string g_dir;

void Write(const std::string& target, const std::string& name, crypto::ByteView bytes) {
  const std::string path = g_dir + "/" + target + "/" + name;
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
  if (!out) {
    std::fprintf(stderr, "cannot write %s\n", path.c_str());
    std::exit(1);
  }
}

void Check(const Status& status, const char* what) {
  if (!status.ok()) {
    std::fprintf(stderr, "%s: %s\n", what, status.message().c_str());
    std::exit(1);
  }
}

// A charter with every anchor slot used, signed by the last anchor, with a
// one-area Cyrillic taxonomy: the paths the default charter does not take.
crypto::Bytes ManyAnchorCharter(crypto::Random& random) {
  std::vector<crypto::SigningKeyPair> anchors;
  for (std::size_t i = 0; i < directory::kMaxAnchors; ++i) {
    anchors.push_back(crypto::SigningKeyPair::Generate(random));
  }
  wire::CharterBody body;
  body.set_format(1);
  body.set_network_id(std::string(directory::kNetworkIdSize, '\x5a'));
  body.set_version(3);
  body.set_name("Пражский процесс");
  for (const auto& anchor : anchors) body.add_anchor_keys(AsString(anchor.public_key()));
  auto* area = body.add_areas();
  area->set_slug("asylum-protection");
  area->set_name_en("Asylum and international protection");
  area->set_name_ru("Убежище и международная защита");
  area->set_priority(true);
  auto* topic = area->add_topics();
  topic->set_slug("reception");
  topic->set_name_en("Reception conditions");
  topic->set_name_ru("Условия приёма");
  body.set_created_at_ms(fuzzing::kFuzzCharterCreatedMs);
  wire::Signed signed_charter;
  signed_charter.set_body(body.SerializeAsString());
  signed_charter.set_signer(AsString(anchors.back().public_key()));
  signed_charter.set_signature(AsString(
      anchors.back().Sign(crypto::SignContext::kCharter, crypto::AsBytes(signed_charter.body()))));
  std::string encoded = signed_charter.SerializeAsString();
  auto parsed = directory::ParseCharterBytes(crypto::AsBytes(encoded));
  Check(parsed.status(), "many-anchor charter");
  return parsed->encoded;
}

crypto::Bytes SignedProfile(crypto::Random& random, const directory::Charter& charter,
                            const std::string& card_name, const directory::ProfileFields& fields,
                            std::uint64_t version) {
  auto identity = crypto::Identity::Generate(random);
  auto prekey = crypto::SignedPrekey::Generate(identity.signing(), 1, random);
  const std::uint64_t signed_at = fuzzing::kFuzzNowMs - 24ULL * 3600 * 1000;
  auto card =
      identity::MakeCard(identity, prekey, card_name, {"tcp://198.51.100.7:7470"}, signed_at);
  directory::ProfileFields normal = fields;
  Check(directory::NormaliseProfileFields(normal, charter), "profile fields");
  auto profile =
      directory::SignProfile(identity.signing(), normal, charter, version, signed_at, card.encoded);
  Check(profile.status(), "profile");
  Check(directory::ParseProfile(profile->encoded, charter, fuzzing::kFuzzNowMs).status(),
        "profile at the fuzzing time");
  return profile->encoded;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s SEEDS_DIR\n", argv[0]);
    return 2;
  }
  g_dir = argv[1];
  const fuzzing::FixedNetwork network;

  // charter_fuzz: the fixed charter as bytes and as text, a minimal one and
  // one with every anchor slot used.
  {
    Write("charter_fuzz", "default-bytes", network.charter.encoded);
    const std::string text = network.charter.Text();
    Write("charter_fuzz", "default-text", crypto::AsBytes(text));
    crypto::DeterministicRandom random(0xC4A8);
    auto anchor = crypto::SigningKeyPair::Generate(random);
    auto minimal = directory::CreateCharter(anchor, "N", {{"a", "A", "А", false, {}}},
                                            fuzzing::kFuzzCharterCreatedMs, random);
    Check(minimal.status(), "minimal charter");
    Write("charter_fuzz", "minimal-bytes", minimal->encoded);
    const std::string minimal_text = "  " + minimal->Text() + "\n";
    Write("charter_fuzz", "minimal-text", crypto::AsBytes(minimal_text));
    Write("charter_fuzz", "many-anchors-bytes", ManyAnchorCharter(random));
  }

  // profile_fuzz: profiles of the fixed network, full and minimal.
  {
    crypto::DeterministicRandom random(0x9F0F);
    directory::ProfileFields full;
    full.name_latin = "Anna Ivanova";
    full.name_cyrillic = "Анна Иванова";
    full.state = "UZ";
    full.organisation = "Агентство внешней трудовой миграции";
    full.role = "Head of Unit";
    full.bio = "Labour mobility schemes.\nReintegration of returning migrants.";
    full.areas = {"legal-migration", "return-reintegration", "asylum-protection"};
    full.languages = {"uz", "ru", "en"};
    Write("profile_fuzz", "full", SignedProfile(random, network.charter, "Анна Иванова", full, 3));

    directory::ProfileFields latin_only;
    latin_only.name_latin = "Boris Petrov";
    Write("profile_fuzz", "latin-only",
          SignedProfile(random, network.charter, "Boris Petrov", latin_only, 1));

    directory::ProfileFields cyrillic;
    cyrillic.name_cyrillic = "Жанна Петровић";
    cyrillic.state = "RS";
    cyrillic.areas = {"integration"};
    cyrillic.languages = {"sr"};
    Write("profile_fuzz", "cyrillic",
          SignedProfile(random, network.charter, "Жанна", cyrillic, 12));
  }
  return 0;
}
