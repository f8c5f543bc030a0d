#include "daemon/messenger/one_time_prekeys.h"

#include <algorithm>

namespace parley::messenger {

Status OneTimePrekeys::Load() {
  auto rows = table_.LoadOneTime();
  if (!rows.ok()) return rows.status();
  keys_.clear();
  by_requester_.clear();
  minted_order_.clear();
  for (const auto& row : rows.value()) {
    auto key = crypto::DhKeyPair::FromSecret(row.secret.view());
    crypto::PublicKey requester{};
    if (!key || row.id == 0 || row.requester.size() != requester.size()) {
      return Status::Corrupt("a stored one-time prekey is malformed");
    }
    std::copy(row.requester.begin(), row.requester.end(), requester.begin());
    keys_.emplace(row.id, Handed{crypto::OneTimePrekey{row.id, std::move(*key)}, requester});
    by_requester_[requester] = row.id;
    minted_order_.push_back(row.id);
  }
  return Status::Ok();
}

const crypto::OneTimePrekey* OneTimePrekeys::HandedTo(const crypto::PublicKey& requester) const {
  auto it = by_requester_.find(requester);
  return it == by_requester_.end() ? nullptr : Find(it->second);
}

Result<const crypto::OneTimePrekey*> OneTimePrekeys::Mint(const crypto::PublicKey& requester,
                                                          crypto::Random& random,
                                                          std::int64_t now_ms) {
  while (keys_.size() >= kMaxOneTimePrekeys && !minted_order_.empty()) {
    const std::uint32_t oldest = minted_order_.front();
    minted_order_.pop_front();
    PARLEY_RETURN_IF_ERROR(Consume(oldest));
  }
  // Random ids: nothing to persist between runs, and an id is not reused
  // after its prekey was consumed (a replayed first message cannot meet a
  // new prekey under an old id, except by a 2^-32 chance that then fails DH4).
  std::uint32_t id = 0;
  do {
    std::array<std::uint8_t, 4> raw{};
    random.Fill(raw);
    id = static_cast<std::uint32_t>(raw[0]) << 24 | static_cast<std::uint32_t>(raw[1]) << 16 |
         static_cast<std::uint32_t>(raw[2]) << 8 | raw[3];
  } while (id == 0 || keys_.count(id) != 0);
  crypto::OneTimePrekey prekey = crypto::OneTimePrekey::Generate(id, random);
  PARLEY_RETURN_IF_ERROR(table_.InsertOneTime(
      store::OneTimePrekeyRow{id, crypto::SecureBuffer::CopyOf(prekey.key.secret()), now_ms,
                              crypto::Bytes(requester.begin(), requester.end())}));
  minted_order_.push_back(id);
  by_requester_[requester] = id;
  return &keys_.emplace(id, Handed{std::move(prekey), requester}).first->second.prekey;
}

const crypto::OneTimePrekey* OneTimePrekeys::Find(std::uint32_t id) const {
  auto it = keys_.find(id);
  return it == keys_.end() ? nullptr : &it->second.prekey;
}

Status OneTimePrekeys::Consume(std::uint32_t id) {
  auto it = keys_.find(id);
  if (it == keys_.end()) return Status::Ok();
  if (auto held = by_requester_.find(it->second.requester);
      held != by_requester_.end() && held->second == id) {
    by_requester_.erase(held);
  }
  keys_.erase(it);
  PARLEY_RETURN_IF_ERROR(table_.DeleteOneTime(id));
  // Consumed ids left in minted_order_ are skipped by Mint's eviction; keep
  // the deque from growing without bound when most keys are used.
  if (minted_order_.size() > 2 * kMaxOneTimePrekeys) {
    minted_order_.erase(std::remove_if(minted_order_.begin(), minted_order_.end(),
                                       [this](std::uint32_t kept) { return !keys_.count(kept); }),
                        minted_order_.end());
  }
  return Status::Ok();
}

}  // namespace parley::messenger
