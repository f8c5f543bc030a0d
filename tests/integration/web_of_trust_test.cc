// The web of trust with six real parleyd processes on loopback, built
// entirely through the real parley client: the secretariat names the
// National Contact Points of Armenia and Georgia, they endorse experts of
// their states, and every member finds the endorsed ones -- until a contact
// point is suspended. Revocation, rotation and introductions run on the
// same six nodes (web_of_trust_fixture.h).
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "tests/integration/web_of_trust_fixture.h"

namespace parley::testing {
namespace {

using nlohmann::json;

TEST_F(WebOfTrust, EndorsementsFlowSuspensionHidesAndOnlyTheRightNodesMayDoEither) {
  // Only the anchor names contact points.
  auto not_anchor = armen_.Client({"contact-point", "add", "ani", "--state", "AM"});
  EXPECT_NE(not_anchor.exit_code, 0);
  EXPECT_NE(not_anchor.err.find("anchor"), std::string::npos) << not_anchor.err;

  auto armenia = secretariat_.Json({"contact-point", "add", "armen", "--state", "am"});
  EXPECT_EQ(armenia["state"], "AM");
  EXPECT_EQ(armenia["anchor"], anchor_);
  EXPECT_FALSE(armenia["suspended"]);
  EXPECT_EQ(secretariat_.Json({"contact-point", "add", "nino", "--state", "GE"})["state"], "GE");
  // Every member learns who the contact points are.
  for (TestNode* member : Members()) {
    ASSERT_TRUE(WaitUntil([&] {
      return member->Json({"contact-point", "list"}).size() == 2;
    })) << member->name()
        << member->DaemonLog();
  }
  EXPECT_EQ(armen_.Json({"profile", "show"})["contact_point_of"], "AM");

  // Before any endorsement, a profile reaches its owner's contacts only.
  EXPECT_TRUE(Finds(armen_, {"Hakobyan"}, "Ani Hakobyan"));
  EXPECT_FALSE(Finds(giorgi_, {"Hakobyan"}, "Ani Hakobyan"));

  auto endorsed = armen_.Json({"endorse", "ani", "--org", "Migration Service of Armenia"});
  EXPECT_EQ(endorsed["state"], "AM");
  EXPECT_EQ(endorsed["organisation"], "Migration Service of Armenia");
  EXPECT_FALSE(endorsed["endorser_is_anchor"]);
  EXPECT_EQ(endorsed["anchor"], anchor_);
  nino_.Json({"endorse", "giorgi", "--org", "Public Service Development Agency"});

  // A contact point endorses for its own state only; a plain member not at all.
  nino_.AddContact(davit_, "davit");
  davit_.AddContact(nino_, "nino");
  ASSERT_TRUE(WaitUntil([&] { return nino_.Client({"profile", "show", "davit"}).exit_code == 0; }));
  auto wrong_state = nino_.Client({"endorse", "davit", "--org", "Ministry"});
  EXPECT_NE(wrong_state.exit_code, 0);
  EXPECT_NE(wrong_state.err.find("GE"), std::string::npos) << wrong_state.err;
  EXPECT_NE(ani_.Client({"endorse", "armen", "--org", "Ministry"}).exit_code, 0);

  // Every member finds the endorsed experts by text, state, area and language.
  for (TestNode* member : Members()) {
    ASSERT_TRUE(WaitUntil([&] {
      return Finds(*member, {"Hakobyan"}, "Ani Hakobyan") &&
             Finds(*member, {"Beridze"}, "Giorgi Beridze");
    })) << member->name();
    EXPECT_TRUE(Finds(*member, {"--state", "AM"}, "Ani Hakobyan")) << member->name();
    EXPECT_TRUE(Finds(*member, {"--area", "return-reintegration"}, "Ani Hakobyan"));
    EXPECT_TRUE(Finds(*member, {"--lang", "ka", "--state", "GE"}, "Giorgi Beridze"));
    EXPECT_TRUE(Finds(*member, {"Берид"}, "Giorgi Beridze"));  // across scripts
    // The unendorsed expert: only his contacts find him.
    const bool davits_contact = member == &armen_ || member == &nino_ || member == &davit_;
    EXPECT_EQ(Finds(*member, {"Grigoryan"}, "Davit Grigoryan"), davits_contact) << member->name();
  }
  // The trust chain, up to the anchor, as a stranger to Ani sees it.
  auto seen = giorgi_.Json({"directory", "search", "Hakobyan"});
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0]["trust"], "endorsed");
  ASSERT_EQ(seen[0]["endorsements"].size(), 1u);
  EXPECT_EQ(seen[0]["endorsements"][0]["endorser_name"], "Armen Petrosyan");
  EXPECT_EQ(seen[0]["endorsements"][0]["anchor"], anchor_);
  EXPECT_EQ(seen[0]["endorsements"][0]["organisation"], "Migration Service of Armenia");
  // Her contact sees both: a contact, and endorsed.
  auto contacts = armen_.Json({"contacts", "list"});
  for (const auto& contact : contacts) {
    if (contact["alias"] == "ani") {
      EXPECT_EQ(contact["endorsements"].size(), 1u);
    }
    if (contact["alias"] == "davit") {
      EXPECT_TRUE(contact["endorsements"].empty());
    }
  }
  auto human = giorgi_.Client({"directory", "search", "Hakobyan"});
  EXPECT_NE(human.out.find("Armen Petrosyan"), std::string::npos) << human.out;

  // Suspending Armenia's contact point hides the experts it endorsed, everywhere.
  auto suspended = secretariat_.Json({"contact-point", "suspend", "armen"});
  EXPECT_TRUE(suspended["suspended"]);
  EXPECT_NE(secretariat_.Client({"contact-point", "suspend", "armen"}).exit_code, 0);
  for (TestNode* member : {&secretariat_, &nino_, &giorgi_, &davit_}) {
    ASSERT_TRUE(WaitUntil([&] { return !Finds(*member, {"Hakobyan"}, "Ani Hakobyan"); }))
        << member->name();
  }
  // Her contact still finds her, as a contact, endorsed by no one now.
  ASSERT_TRUE(WaitUntil([&] {
    auto found = armen_.Json({"directory", "search", "Hakobyan"});
    return found.size() == 1 && found[0]["endorsements"].empty();
  }));
  EXPECT_EQ(armen_.Json({"directory", "search", "Hakobyan"})[0]["trust"], "contact");
  // Georgia's endorsements stand.
  EXPECT_TRUE(Finds(ani_, {"Beridze"}, "Giorgi Beridze"));
  // A suspended contact point endorses no more.
  EXPECT_NE(armen_.Client({"endorse", "davit", "--org", "Ministry"}).exit_code, 0);

  // A restarted member remembers all of it.
  giorgi_.Stop();
  giorgi_.Start();
  EXPECT_FALSE(Finds(giorgi_, {"Hakobyan"}, "Ani Hakobyan"));
  EXPECT_TRUE(Finds(giorgi_, {"Beridze"}, "Giorgi Beridze"));
  auto points = giorgi_.Json({"contact-point", "list"});
  ASSERT_EQ(points.size(), 2u);
  for (const auto& point : points) EXPECT_EQ(point["suspended"], point["state"] == "AM");
}

TEST_F(WebOfTrust, ARevokedKeyIsDistrustedEverywhereAndItsMessagesRefused) {
  secretariat_.Json({"contact-point", "add", "armen", "--state", "AM"});
  ASSERT_TRUE(WaitUntil([&] {
    return armen_.Client({"endorse", "ani", "--org", "MFA"}).exit_code == 0;
  }));
  ASSERT_TRUE(WaitUntil([&] { return Finds(giorgi_, {"Hakobyan"}, "Ani Hakobyan"); }));

  // Ani makes a revocation certificate the day she sets up, and keeps it offline.
  const std::string certificate = files_.path() + "/ani-revocation.txt";
  auto exported = ani_.Json({"revoke", "--export", certificate});
  const std::string ani_fingerprint = ani_.Json({"status"})["fingerprint"];
  EXPECT_EQ(exported["fingerprint"], ani_fingerprint);
  EXPECT_NE(ani_.Client({"revoke", "--export", certificate}).exit_code, 0);  // never overwritten
  EXPECT_NE(ani_.Client({"revoke"}).exit_code, 0);  // revoking oneself needs --yes
  ASSERT_EQ(ani_.Json({"send", "armen", "before"}).size(), 1u);
  ASSERT_TRUE(WaitUntil([&] { return armen_.Json({"messages", "ani"}).size() == 1; }));

  // Her laptop is stolen while a message of hers waits for Armen, who is away.
  armen_.Stop();
  ani_.Json({"send", "armen", "after the theft"});
  // Giorgi, who is not even her contact, publishes the certificate for her.
  auto published = giorgi_.Json({"revoke", "--publish", certificate});
  EXPECT_EQ(published["fingerprint"], ani_fingerprint);
  // The secretariat learns it (the endorsed profile disappears); Armen learns
  // it from the secretariat before Ani's node (in the thief's hands) can reach him.
  ASSERT_TRUE(WaitUntil([&] { return !Finds(secretariat_, {"Hakobyan"}, "Ani Hakobyan"); }));
  ani_.Stop();
  armen_.Start();
  ASSERT_TRUE(WaitUntil([&] { return ContactOf(armen_, "ani")["revoked"] == true; }))
      << armen_.DaemonLog();
  ani_.Start();
  // Everyone stops trusting her key: it is refused both ways.
  auto to_ani = armen_.Client({"send", "ani", "are you there?"});
  EXPECT_NE(to_ani.exit_code, 0);
  EXPECT_NE(to_ani.err.find("ani"), std::string::npos) << to_ani.err;
  std::this_thread::sleep_for(std::chrono::seconds(2));  // Ani's node retries its message
  auto history = armen_.Json({"messages", "ani"});
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0]["text"], "before");
  for (TestNode* member : {&secretariat_, &nino_, &giorgi_, &armen_, &davit_}) {
    ASSERT_TRUE(WaitUntil([&] { return !Finds(*member, {"Hakobyan"}, "Ani Hakobyan"); }))
        << member->name();
  }
  EXPECT_EQ(armen_.Json({"profile", "show", "ani"})["trust"], "revoked");
}

TEST_F(WebOfTrust, RotatedKeysKeepContactsConversationsAndEndorsements) {
  secretariat_.Json({"contact-point", "add", "armen", "--state", "AM"});
  ASSERT_TRUE(WaitUntil([&] {
    return armen_.Client({"endorse", "ani", "--org", "MFA"}).exit_code == 0;
  }));
  ASSERT_TRUE(WaitUntil([&] { return Finds(giorgi_, {"Hakobyan"}, "Ani Hakobyan"); }));
  ani_.Json({"send", "armen", "before"});
  ASSERT_TRUE(WaitUntil([&] { return armen_.Json({"messages", "ani"}).size() == 1; }));
  const std::string old_fingerprint = ani_.Json({"status"})["fingerprint"];

  // While Ani rotates her keys, Armen writes to her (to her old key, in
  // their session of before).
  ani_.Stop();
  armen_.Json({"send", "ani", "while you rotate"});
  EXPECT_NE(ani_.Parleyd({"rotate-keys", "--charter", charter_path_}).exit_code, 0);  // usage
  auto rotated = ani_.Parleyd({"rotate-keys"});
  ASSERT_EQ(rotated.exit_code, 0) << rotated.out << rotated.err;
  EXPECT_NE(rotated.out.find(old_fingerprint), std::string::npos) << rotated.out;
  ani_.Start();
  const std::string new_fingerprint = ani_.Json({"status"})["fingerprint"];
  EXPECT_NE(new_fingerprint, old_fingerprint);
  EXPECT_NE(rotated.out.find(new_fingerprint), std::string::npos) << rotated.out;

  // Her contact follows her to the new key, and the conversation goes on both ways.
  ASSERT_TRUE(WaitUntil([&] { return ContactOf(armen_, "ani")["fingerprint"] == new_fingerprint; }))
      << armen_.DaemonLog() << ani_.DaemonLog();
  // Her key changed: nothing goes to her until Armen compares the new
  // safety number -- not even what waited.
  EXPECT_EQ(ContactOf(armen_, "ani")["trust"], "key-changed");
  auto held = armen_.Client({"send", "ani", "are you there?"});
  EXPECT_NE(held.exit_code, 0);
  EXPECT_NE(held.err.find("parley contacts verify ani"), std::string::npos) << held.err;
  auto number = armen_.Client({"contacts", "verify", "ani"});
  EXPECT_NE(number.out.find("--confirm"), std::string::npos) << number.out;
  EXPECT_EQ(armen_.Json({"contacts", "verify", "ani"})["trust"], "key-changed");
  // The directory says so too, wherever it shows her.
  ASSERT_TRUE(WaitUntil([&] {
    auto found = armen_.Json({"directory", "search", "Hakobyan"});
    return found.size() == 1 && found[0]["fingerprint"] == new_fingerprint &&
           found[0]["trust"] == "key-changed";
  })) << armen_.Json({"directory", "search", "Hakobyan"}).dump();
  EXPECT_EQ(armen_.Json({"profile", "show", "ani"})["trust"], "key-changed");
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(ani_.Json({"messages", "armen"}).size(), 1u) << "sent before confirmation";
  EXPECT_EQ(ani_.Json({"contacts", "verify", "armen"})["safety_number"],
            armen_.Json({"contacts", "verify", "ani"})["safety_number"]);
  EXPECT_EQ(armen_.Json({"contacts", "verify", "ani", "--confirm"})["trust"], "verified");
  ASSERT_TRUE(WaitUntil([&] {
    auto history = ani_.Json({"messages", "armen"});
    return !history.empty() && history.back()["text"] == "while you rotate";
  })) << ani_.DaemonLog();
  ani_.Json({"send", "armen", "after"});
  ASSERT_TRUE(WaitUntil([&] {
    auto history = armen_.Json({"messages", "ani"});
    return !history.empty() && history.back()["text"] == "after" &&
           history.back()["direction"] == "in";
  })) << armen_.DaemonLog();
  ASSERT_TRUE(WaitUntil([&] {
    for (const auto& message : armen_.Json({"messages", "ani"})) {
      if (message["text"] == "while you rotate") return message["state"] == "delivered";
    }
    return false;
  }));

  // Every member sees her under her new key, still endorsed; the old key's
  // profile is gone.
  for (TestNode* member : {&secretariat_, &nino_, &giorgi_, &davit_}) {
    ASSERT_TRUE(WaitUntil([&] {
      auto found = member->Json({"directory", "search", "Hakobyan"});
      return found.size() == 1 && found[0]["fingerprint"] == new_fingerprint &&
             found[0]["endorsements"].size() == 1;
    })) << member->name()
        << member->DaemonLog();
  }

  // A contact point that rotates keeps speaking for its state: its earlier
  // endorsement stands, and its new key endorses.
  armen_.Stop();
  ASSERT_EQ(armen_.Parleyd({"rotate-keys"}).exit_code, 0);
  armen_.Start();
  ASSERT_TRUE(WaitUntil([&] {
    return armen_.Client({"endorse", "davit", "--org", "Border Guard"}).exit_code == 0;
  })) << armen_.DaemonLog();
  for (TestNode* member : {&secretariat_, &giorgi_}) {
    ASSERT_TRUE(WaitUntil([&] {
      return Finds(*member, {"Grigoryan"}, "Davit Grigoryan") &&
             Finds(*member, {"Hakobyan"}, "Ani Hakobyan");
    })) << member->name()
        << member->DaemonLog();
  }
  // The chain up to the anchor still holds, and the contact point is listed
  // by its new key.
  const std::string armen_fingerprint = armen_.Json({"status"})["fingerprint"];
  auto ani_seen = giorgi_.Json({"directory", "search", "Hakobyan"});
  ASSERT_EQ(ani_seen.size(), 1u);
  ASSERT_EQ(ani_seen[0]["endorsements"].size(), 1u);
  EXPECT_EQ(ani_seen[0]["endorsements"][0]["anchor"], anchor_);
  ASSERT_TRUE(WaitUntil([&] {
    auto points = secretariat_.Json({"contact-point", "list"});
    return points.size() == 1 && points[0]["fingerprint"] == armen_fingerprint &&
           points[0]["alias"] == "armen";
  })) << secretariat_.DaemonLog();
  // Suspending it by the alias of its new key voids both endorsements.
  ASSERT_TRUE(WaitUntil([&] {
    return secretariat_.Client({"contact-point", "suspend", "armen"}).exit_code == 0;
  })) << secretariat_.DaemonLog();
  ASSERT_TRUE(WaitUntil([&] {
    return !Finds(giorgi_, {"Grigoryan"}, "Davit Grigoryan") &&
           !Finds(giorgi_, {"Hakobyan"}, "Ani Hakobyan");
  })) << giorgi_.DaemonLog();

  // A contact away while she rotates twice follows her to the last keys.
  armen_.Stop();
  ani_.Stop();
  ASSERT_EQ(ani_.Parleyd({"rotate-keys"}).exit_code, 0);
  ASSERT_EQ(ani_.Parleyd({"rotate-keys"}).exit_code, 0);
  ani_.Start();
  armen_.Start();
  const std::string last_fingerprint = ani_.Json({"status"})["fingerprint"];
  ASSERT_TRUE(WaitUntil([&] {
    return ContactOf(armen_, "ani")["fingerprint"] == last_fingerprint;
  })) << armen_.DaemonLog();
  // (Armen rotated too: Ani confirms his new key before she writes.)
  ASSERT_TRUE(WaitUntil([&] { return ContactOf(ani_, "armen")["trust"] == "key-changed"; }))
      << ani_.DaemonLog();
  // Confirming a number she was not shown is refused, in one line saying how.
  auto unseen = ani_.Client({"contacts", "verify", "armen", "--confirm"});
  EXPECT_NE(unseen.exit_code, 0);
  EXPECT_NE(unseen.err.find("parley contacts verify armen"), std::string::npos) << unseen.err;
  ani_.Json({"contacts", "verify", "armen"});
  EXPECT_EQ(ani_.Json({"contacts", "verify", "armen", "--confirm"})["trust"], "verified");
  ani_.Json({"send", "armen", "twice rotated"});
  ASSERT_TRUE(WaitUntil([&] {
    auto history = armen_.Json({"messages", "ani"});
    return !history.empty() && history.back()["text"] == "twice rotated";
  })) << armen_.DaemonLog();
}

// A thief of Ani's laptop rotates her key to his before she can: the
// earliest rotation wins, so her contacts follow him. Her revocation
// certificate, published from anyone's node, voids that rotation: every
// contact cuts him off -- nothing more from him is taken, nothing queued for
// her goes to him -- and his key inherits none of her endorsements.
TEST_F(WebOfTrust, TheOwnersRevocationVoidsAThiefsRotationAndHerContactsCutHimOff) {
  secretariat_.Json({"contact-point", "add", "armen", "--state", "AM"});
  ASSERT_TRUE(WaitUntil([&] {
    return armen_.Client({"endorse", "ani", "--org", "MFA"}).exit_code == 0;
  }));
  ASSERT_TRUE(WaitUntil([&] { return Finds(giorgi_, {"Hakobyan"}, "Ani Hakobyan"); }));
  const std::string certificate = files_.path() + "/ani-revocation.txt";
  ani_.Json({"revoke", "--export", certificate});

  // The thief rotates on her machine; Armen follows the new key, as he must.
  ani_.Stop();
  ASSERT_EQ(ani_.Parleyd({"rotate-keys"}).exit_code, 0);
  ani_.Start();
  const std::string thief_fingerprint = ani_.Json({"status"})["fingerprint"];
  ASSERT_TRUE(WaitUntil([&] {
    return ContactOf(armen_, "ani")["fingerprint"] == thief_fingerprint;
  })) << armen_.DaemonLog();
  EXPECT_EQ(ContactOf(armen_, "ani")["trust"], "key-changed");
  ani_.Json({"send", "armen", "new laptop, same me"});
  // Fooled by a voice on the phone, Armen confirms the thief's key.
  armen_.Json({"contacts", "verify", "ani"});
  armen_.Json({"contacts", "verify", "ani", "--confirm"});
  ASSERT_TRUE(WaitUntil([&] { return armen_.Json({"messages", "ani"}).size() == 1; }));

  // While the thief is offline, Armen writes to "her".
  ani_.Stop();
  armen_.Json({"send", "ani", "the Vienna list"});
  // Ani, from Giorgi's node, publishes the certificate she kept.
  giorgi_.Json({"revoke", "--publish", certificate});
  ASSERT_TRUE(WaitUntil([&] { return ContactOf(armen_, "ani")["revoked"] == true; }))
      << armen_.DaemonLog();
  EXPECT_EQ(ContactOf(armen_, "ani")["fingerprint"], thief_fingerprint);
  EXPECT_EQ(armen_.Json({"profile", "show", "ani"})["trust"], "revoked");
  auto to_thief = armen_.Client({"send", "ani", "are you there?"});
  EXPECT_NE(to_thief.exit_code, 0);
  EXPECT_NE(to_thief.err.find("ani"), std::string::npos) << to_thief.err;

  // The thief comes back: the queued message does not reach him, and what
  // he sends is not taken.
  ani_.Start();
  ani_.Json({"send", "armen", "send me the list again"});
  std::this_thread::sleep_for(std::chrono::seconds(3));  // his node dials and retries
  for (const auto& message : ani_.Json({"messages", "armen"})) {
    EXPECT_NE(message["text"], "the Vienna list") << ani_.DaemonLog();
  }
  auto history = armen_.Json({"messages", "ani"});
  ASSERT_EQ(history.size(), 2u) << armen_.DaemonLog();
  EXPECT_EQ(history[0]["text"], "new laptop, same me");
  EXPECT_EQ(history[1]["text"], "the Vienna list");
  EXPECT_EQ(history[1]["state"], "queued");
  // Nobody finds an endorsed Ani any more: his key inherits nothing.
  for (TestNode* member : {&secretariat_, &nino_, &giorgi_, &davit_}) {
    ASSERT_TRUE(WaitUntil([&] { return !Finds(*member, {"Hakobyan"}, "Ani Hakobyan"); }))
        << member->name() << member->DaemonLog();
  }
  EXPECT_FALSE(Finds(armen_, {"Hakobyan"}, "Ani Hakobyan"));
}

TEST_F(WebOfTrust, AnIntroductionLeadsToAWorkingConversation) {
  // Armen knows Ani and Davit; they do not know each other.
  EXPECT_NE(armen_.Client({"introduce", "ani", "ani"}).exit_code, 0);
  EXPECT_NE(armen_.Client({"introduce", "ani", "nobody"}).exit_code, 0);
  auto sent =
      armen_.Json({"introduce", "ani", "davit", "--note", "Вы оба работаете над реинтеграцией"});
  EXPECT_EQ(sent["id1"].get<std::string>().size(), 32u);
  json at_ani, at_davit;
  ASSERT_TRUE(WaitUntil([&] {
    at_ani = ani_.Json({"introductions"});
    at_davit = davit_.Json({"introductions"});
    return at_ani.size() == 1 && at_davit.size() == 1;
  })) << armen_.DaemonLog();
  EXPECT_EQ(at_ani[0]["introducer"], "armen");
  EXPECT_EQ(at_ani[0]["name"], "Davit");
  EXPECT_EQ(at_ani[0]["note"], "Вы оба работаете над реинтеграцией");
  EXPECT_EQ(at_ani[0]["fingerprint"], davit_.Json({"status"})["fingerprint"]);

  auto davit = ani_.Json(
      {"introductions", "accept", std::to_string(at_ani[0]["id"].get<int>()), "--alias", "davit"});
  EXPECT_EQ(davit["alias"], "davit");
  EXPECT_EQ(davit["introduced_by"], "armen");
  EXPECT_TRUE(ani_.Json({"introductions"}).empty());
  davit_.Json(
      {"introductions", "accept", std::to_string(at_davit[0]["id"].get<int>()), "--alias", "ani"});
  EXPECT_NE(davit_.Client({"introductions", "accept", "999"}).exit_code, 0);

  // They talk, both ways, as any contacts do.
  ani_.Json({"send", "davit", "Здравствуйте, Давит!"});
  ASSERT_TRUE(WaitUntil([&] {
    auto history = davit_.Json({"messages", "ani"});
    return history.size() == 1 && history[0]["text"] == "Здравствуйте, Давит!";
  })) << davit_.DaemonLog();
  davit_.Json({"send", "ani", "Hello, Ani"});
  ASSERT_TRUE(WaitUntil([&] {
    for (const auto& message : ani_.Json({"messages", "davit"})) {
      if (message["text"] == "Hello, Ani") return true;
    }
    return false;
  }));
  EXPECT_EQ(ContactOf(davit_, "ani")["introduced_by"], "armen");
  // The introducer's conversations show what was sent.
  auto with_ani = armen_.Json({"messages", "ani"});
  ASSERT_FALSE(with_ani.empty());
  EXPECT_NE(with_ani.back()["text"].get<std::string>().find("Davit"), std::string::npos);
}

}  // namespace
}  // namespace parley::testing
