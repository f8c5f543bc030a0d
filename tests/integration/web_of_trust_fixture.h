// WebOfTrust: six real parleyd processes on loopback, set up through the
// real parley client, that the web-of-trust integration tests share.
//
//   ani ─┐                 ┌─ nino (contact point, GE) ── giorgi
//        ├─ armen (contact point, AM) ── secretariat ─┘
//  davit ┘
//
// Every member has a profile; the secretariat is the anchor. Nobody is a
// contact point or endorsed yet: each test does what it needs.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/support/test_node.h"

namespace parley::testing {

class WebOfTrust : public ::testing::Test {
 protected:
  void SetUp() override {
    secretariat_.Init();
    CreateNetwork(secretariat_, charter_path_);
    if (HasFatalFailure()) return;
    for (TestNode* member : Members()) {
      if (member != &secretariat_) member->Init({"--charter", charter_path_});
      member->Start();
    }
    SetProfile(secretariat_, "Prague Process Secretariat", "CZ", "legal-migration", "en");
    SetProfile(armen_, "Armen Petrosyan", "AM", "legal-migration", "hy,ru");
    SetProfile(nino_, "Nino Kapanadze", "GE", "asylum-protection", "ka,en");
    SetProfile(ani_, "Ani Hakobyan", "AM", "return-reintegration", "hy,ru,en");
    SetProfile(davit_, "Davit Grigoryan", "AM", "irregular-migration", "hy");
    SetProfile(giorgi_, "Giorgi Beridze", "GE", "legal-migration", "ka,ru");
    Befriend(secretariat_, "armen", armen_, "secretariat");
    Befriend(secretariat_, "nino", nino_, "secretariat");
    Befriend(armen_, "ani", ani_, "armen");
    Befriend(armen_, "davit", davit_, "armen");
    Befriend(nino_, "giorgi", giorgi_, "nino");
    anchor_ = secretariat_.Json({"network"})["charter_fingerprint"];
  }

  std::vector<TestNode*> Members() {
    return {&secretariat_, &armen_, &nino_, &ani_, &davit_, &giorgi_};
  }

  static void SetProfile(TestNode& node, const std::string& name, const std::string& state,
                         const std::string& areas, const std::string& languages) {
    node.Json({"profile", "set", "--name-latin", name, "--state", state, "--areas", areas,
               "--languages", languages, "--org", "Ministry", "--role", "Expert"});
  }

  static void Befriend(TestNode& a, const std::string& a_calls_b, TestNode& b,
                       const std::string& b_calls_a) {
    a.AddContact(b, a_calls_b);
    b.AddContact(a, b_calls_a);
  }

  // The names `node` finds for a search.
  static std::vector<std::string> Found(const TestNode& node, std::vector<std::string> args) {
    args.insert(args.begin(), {"directory", "search"});
    std::vector<std::string> names;
    for (const auto& entry : node.Json(args)) names.push_back(entry["name_latin"]);
    return names;
  }
  static bool Finds(const TestNode& node, const std::vector<std::string>& args,
                    const std::string& name) {
    auto names = Found(node, args);
    return std::find(names.begin(), names.end(), name) != names.end();
  }

  TempDir files_;
  std::string charter_path_ = files_.path() + "/charter.parley";
  TestNode secretariat_{"Secretariat"};
  TestNode armen_{"Armen"};
  TestNode nino_{"Nino"};
  TestNode ani_{"Ani"};
  TestNode davit_{"Davit"};
  TestNode giorgi_{"Giorgi"};
  std::string anchor_;
};

}  // namespace parley::testing
