// Copied unchanged from /work/shared/anchors/ratchet/signal_bench.cpp (the project's reference harnesses).
// libsignal-protocol-c anchors: 1:1 Double Ratchet session (X3DH bundle -> session_cipher)
// and sender-key group cipher, both ends in one process. 256-byte plaintexts.
// Crypto provider written here: random/HMAC-SHA256/SHA-512 via libsodium, AES-CBC/CTR via OpenSSL EVP.
// Stores are in-memory std::map (the library (de)serializes the session record on every message,
// as it would with any real store).
#include <signal/signal_protocol.h>
#include <signal/curve.h>
#include <signal/group_cipher.h>
#include <signal/group_session_builder.h>
#include <signal/key_helper.h>
#include <signal/protocol.h>
#include <signal/ratchet.h>
#include <signal/session_builder.h>
#include <signal/session_cipher.h>
#include <signal/session_pre_key.h>
#include <openssl/evp.h>
#include <openssl/opensslv.h>
#include <sodium.h>
#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <tuple>
#include <vector>

using clk = std::chrono::steady_clock;
#define OK(x)                                                                    \
  do {                                                                           \
    int _r = (x);                                                                \
    if (_r < 0) {                                                                \
      fprintf(stderr, "%s:%d %s failed: %d\n", __FILE__, __LINE__, #x, _r);      \
      abort();                                                                   \
    }                                                                            \
  } while (0)

// ---------------- crypto provider ----------------
static int p_random(uint8_t *data, size_t len, void *) {
  randombytes_buf(data, len);
  return 0;
}
static int p_hmac_init(void **ctx, const uint8_t *key, size_t key_len, void *) {
  auto *st = (crypto_auth_hmacsha256_state *)malloc(sizeof(crypto_auth_hmacsha256_state));
  if (!st) return SG_ERR_NOMEM;
  crypto_auth_hmacsha256_init(st, key, key_len);
  *ctx = st;
  return 0;
}
static int p_hmac_update(void *ctx, const uint8_t *data, size_t len, void *) {
  crypto_auth_hmacsha256_update((crypto_auth_hmacsha256_state *)ctx, data, len);
  return 0;
}
static int p_hmac_final(void *ctx, signal_buffer **out, void *) {
  uint8_t mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final((crypto_auth_hmacsha256_state *)ctx, mac);
  *out = signal_buffer_create(mac, sizeof mac);
  return *out ? 0 : SG_ERR_NOMEM;
}
static void p_hmac_cleanup(void *ctx, void *) {
  if (ctx) {
    sodium_memzero(ctx, sizeof(crypto_auth_hmacsha256_state));
    free(ctx);
  }
}
static int p_sha512_init(void **ctx, void *) {
  auto *st = (crypto_hash_sha512_state *)malloc(sizeof(crypto_hash_sha512_state));
  if (!st) return SG_ERR_NOMEM;
  crypto_hash_sha512_init(st);
  *ctx = st;
  return 0;
}
static int p_sha512_update(void *ctx, const uint8_t *data, size_t len, void *) {
  crypto_hash_sha512_update((crypto_hash_sha512_state *)ctx, data, len);
  return 0;
}
static int p_sha512_final(void *ctx, signal_buffer **out, void *) {
  uint8_t h[crypto_hash_sha512_BYTES];
  crypto_hash_sha512_final((crypto_hash_sha512_state *)ctx, h);
  crypto_hash_sha512_init((crypto_hash_sha512_state *)ctx);  // reusable, like the reference provider
  *out = signal_buffer_create(h, sizeof h);
  return *out ? 0 : SG_ERR_NOMEM;
}
static void p_sha512_cleanup(void *ctx, void *) { free(ctx); }

static const EVP_CIPHER *aes(int cipher, size_t key_len) {
  if (cipher == SG_CIPHER_AES_CBC_PKCS5) {
    if (key_len == 16) return EVP_aes_128_cbc();
    if (key_len == 24) return EVP_aes_192_cbc();
    if (key_len == 32) return EVP_aes_256_cbc();
  } else if (cipher == SG_CIPHER_AES_CTR_NOPADDING) {
    if (key_len == 16) return EVP_aes_128_ctr();
    if (key_len == 24) return EVP_aes_192_ctr();
    if (key_len == 32) return EVP_aes_256_ctr();
  }
  return nullptr;
}
static int p_crypt(bool encrypt, signal_buffer **output, int cipher, const uint8_t *key, size_t key_len,
                   const uint8_t *iv, size_t iv_len, const uint8_t *in, size_t in_len) {
  const EVP_CIPHER *c = aes(cipher, key_len);
  if (!c || iv_len != 16 || in_len > (size_t)INT_MAX - 32) return SG_ERR_INVAL;
  EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
  if (!ctx) return SG_ERR_NOMEM;
  std::vector<uint8_t> out(in_len + EVP_CIPHER_block_size(c));
  int l1 = 0, l2 = 0, rc = SG_ERR_UNKNOWN;
  if (EVP_CipherInit_ex(ctx, c, nullptr, key, iv, encrypt ? 1 : 0) == 1 &&
      (cipher != SG_CIPHER_AES_CTR_NOPADDING || EVP_CIPHER_CTX_set_padding(ctx, 0) == 1) &&
      EVP_CipherUpdate(ctx, out.data(), &l1, in, (int)in_len) == 1 && EVP_CipherFinal_ex(ctx, out.data() + l1, &l2) == 1) {
    *output = signal_buffer_create(out.data(), l1 + l2);
    rc = *output ? 0 : SG_ERR_NOMEM;
  }
  EVP_CIPHER_CTX_free(ctx);
  return rc;
}
static int p_encrypt(signal_buffer **o, int c, const uint8_t *k, size_t kl, const uint8_t *iv, size_t ivl,
                     const uint8_t *p, size_t pl, void *) {
  return p_crypt(true, o, c, k, kl, iv, ivl, p, pl);
}
static int p_decrypt(signal_buffer **o, int c, const uint8_t *k, size_t kl, const uint8_t *iv, size_t ivl,
                     const uint8_t *p, size_t pl, void *) {
  return p_crypt(false, o, c, k, kl, iv, ivl, p, pl);
}

// ---------------- in-memory stores ----------------
using Bytes = std::vector<uint8_t>;
struct Store {
  std::map<std::pair<std::string, int32_t>, Bytes> sessions;
  std::map<uint32_t, Bytes> prekeys, signed_prekeys;
  std::map<std::string, Bytes> identities;
  std::map<std::tuple<std::string, std::string, int32_t>, Bytes> sender_keys;
  Bytes id_pub, id_priv;
  uint32_t reg_id = 0;
};
static signal_buffer *buf(const Bytes &b) { return signal_buffer_create(b.data(), b.size()); }
static std::string nm(const signal_protocol_address *a) { return std::string(a->name, a->name_len); }

static int s_load_session(signal_buffer **rec, signal_buffer **user_rec, const signal_protocol_address *a, void *u) {
  auto *s = (Store *)u;
  auto it = s->sessions.find({nm(a), a->device_id});
  if (it == s->sessions.end()) return 0;
  *rec = buf(it->second);
  return 1;
}
static int s_sub_devices(signal_int_list **sessions, const char *name, size_t name_len, void *u) {
  auto *s = (Store *)u;
  signal_int_list *l = signal_int_list_alloc();
  std::string n(name, name_len);
  for (auto &kv : s->sessions)
    if (kv.first.first == n) signal_int_list_push_back(l, kv.first.second);
  *sessions = l;
  return (int)signal_int_list_size(l);
}
static int s_store_session(const signal_protocol_address *a, uint8_t *rec, size_t len, uint8_t *, size_t, void *u) {
  ((Store *)u)->sessions[{nm(a), a->device_id}] = Bytes(rec, rec + len);
  return 0;
}
static int s_contains_session(const signal_protocol_address *a, void *u) {
  return ((Store *)u)->sessions.count({nm(a), a->device_id}) ? 1 : 0;
}
static int s_delete_session(const signal_protocol_address *a, void *u) {
  return ((Store *)u)->sessions.erase({nm(a), a->device_id}) ? 1 : 0;
}
static int s_delete_all(const char *name, size_t name_len, void *u) {
  auto *s = (Store *)u;
  std::string n(name, name_len);
  int c = 0;
  for (auto it = s->sessions.begin(); it != s->sessions.end();)
    if (it->first.first == n) { it = s->sessions.erase(it); c++; } else ++it;
  return c;
}
static int pk_load(signal_buffer **rec, uint32_t id, void *u) {
  auto &m = ((Store *)u)->prekeys;
  auto it = m.find(id);
  if (it == m.end()) return SG_ERR_INVALID_KEY_ID;
  *rec = buf(it->second);
  return SG_SUCCESS;
}
static int pk_store(uint32_t id, uint8_t *rec, size_t len, void *u) {
  ((Store *)u)->prekeys[id] = Bytes(rec, rec + len);
  return 0;
}
static int pk_contains(uint32_t id, void *u) { return ((Store *)u)->prekeys.count(id) ? 1 : 0; }
static int pk_remove(uint32_t id, void *u) { return ((Store *)u)->prekeys.erase(id) ? 0 : 0; }
static int spk_load(signal_buffer **rec, uint32_t id, void *u) {
  auto &m = ((Store *)u)->signed_prekeys;
  auto it = m.find(id);
  if (it == m.end()) return SG_ERR_INVALID_KEY_ID;
  *rec = buf(it->second);
  return SG_SUCCESS;
}
static int spk_store(uint32_t id, uint8_t *rec, size_t len, void *u) {
  ((Store *)u)->signed_prekeys[id] = Bytes(rec, rec + len);
  return 0;
}
static int spk_contains(uint32_t id, void *u) { return ((Store *)u)->signed_prekeys.count(id) ? 1 : 0; }
static int spk_remove(uint32_t id, void *u) { return ((Store *)u)->signed_prekeys.erase(id) ? 0 : 0; }
static int id_get_pair(signal_buffer **pub, signal_buffer **priv, void *u) {
  auto *s = (Store *)u;
  *pub = buf(s->id_pub);
  *priv = buf(s->id_priv);
  return 0;
}
static int id_get_reg(void *u, uint32_t *r) {
  *r = ((Store *)u)->reg_id;
  return 0;
}
static int id_save(const signal_protocol_address *a, uint8_t *key, size_t len, void *u) {
  ((Store *)u)->identities[nm(a)] = Bytes(key, key + len);
  return 0;
}
static int id_trusted(const signal_protocol_address *a, uint8_t *key, size_t len, void *u) {
  auto &m = ((Store *)u)->identities;
  auto it = m.find(nm(a));
  if (it == m.end()) return 1;  // trust on first use
  return it->second == Bytes(key, key + len) ? 1 : 0;
}
static std::tuple<std::string, std::string, int32_t> skn(const signal_protocol_sender_key_name *n) {
  return {std::string(n->group_id, n->group_id_len), nm(&n->sender), n->sender.device_id};
}
static int sk_store(const signal_protocol_sender_key_name *n, uint8_t *rec, size_t len, uint8_t *, size_t, void *u) {
  ((Store *)u)->sender_keys[skn(n)] = Bytes(rec, rec + len);
  return 0;
}
static int sk_load(signal_buffer **rec, signal_buffer **, const signal_protocol_sender_key_name *n, void *u) {
  auto &m = ((Store *)u)->sender_keys;
  auto it = m.find(skn(n));
  if (it == m.end()) return 0;
  *rec = buf(it->second);
  return 1;
}

static signal_context *g_ctx;

struct Party {
  Store st;
  signal_protocol_store_context *sc = nullptr;
  explicit Party() {
    OK(signal_protocol_store_context_create(&sc, g_ctx));
    ratchet_identity_key_pair *ikp;
    OK(signal_protocol_key_helper_generate_identity_key_pair(&ikp, g_ctx));
    signal_buffer *b;
    OK(ec_public_key_serialize(&b, ratchet_identity_key_pair_get_public(ikp)));
    st.id_pub.assign(signal_buffer_data(b), signal_buffer_data(b) + signal_buffer_len(b));
    signal_buffer_free(b);
    OK(ec_private_key_serialize(&b, ratchet_identity_key_pair_get_private(ikp)));
    st.id_priv.assign(signal_buffer_data(b), signal_buffer_data(b) + signal_buffer_len(b));
    signal_buffer_bzero_free(b);
    SIGNAL_UNREF(ikp);
    OK(signal_protocol_key_helper_generate_registration_id(&st.reg_id, 0, g_ctx));
    signal_protocol_session_store ss = {s_load_session, s_sub_devices, s_store_session, s_contains_session,
                                        s_delete_session, s_delete_all, nullptr, &st};
    signal_protocol_pre_key_store ps = {pk_load, pk_store, pk_contains, pk_remove, nullptr, &st};
    signal_protocol_signed_pre_key_store sps = {spk_load, spk_store, spk_contains, spk_remove, nullptr, &st};
    signal_protocol_identity_key_store is = {id_get_pair, id_get_reg, id_save, id_trusted, nullptr, &st};
    signal_protocol_sender_key_store sks = {sk_store, sk_load, nullptr, &st};
    OK(signal_protocol_store_context_set_session_store(sc, &ss));
    OK(signal_protocol_store_context_set_pre_key_store(sc, &ps));
    OK(signal_protocol_store_context_set_signed_pre_key_store(sc, &sps));
    OK(signal_protocol_store_context_set_identity_key_store(sc, &is));
    OK(signal_protocol_store_context_set_sender_key_store(sc, &sks));
  }
  ~Party() { signal_protocol_store_context_destroy(sc); }
};

static signal_protocol_address ALICE = {"alice", 5, 1}, BOB = {"bob", 3, 1};

// Bob publishes a bundle; Alice processes it; A->B prekey msg; B->A reply. Returns ciphers.
static void establish(Party &a, Party &b, session_cipher **ca, session_cipher **cb) {
  static uint32_t next_pk = 1;
  uint32_t pk_id = next_pk++, spk_id = next_pk++;
  ec_key_pair *pk, *spk;
  OK(curve_generate_key_pair(g_ctx, &pk));
  OK(curve_generate_key_pair(g_ctx, &spk));
  ratchet_identity_key_pair *bik;
  OK(signal_protocol_identity_get_key_pair(b.sc, &bik));
  signal_buffer *spk_pub, *sig;
  OK(ec_public_key_serialize(&spk_pub, ec_key_pair_get_public(spk)));
  OK(curve_calculate_signature(g_ctx, &sig, ratchet_identity_key_pair_get_private(bik), signal_buffer_data(spk_pub),
                               signal_buffer_len(spk_pub)));
  session_pre_key_bundle *bundle;
  OK(session_pre_key_bundle_create(&bundle, b.st.reg_id, 1, pk_id, ec_key_pair_get_public(pk), spk_id,
                                   ec_key_pair_get_public(spk), signal_buffer_data(sig), signal_buffer_len(sig),
                                   ratchet_identity_key_pair_get_public(bik)));
  session_pre_key *pkr;
  OK(session_pre_key_create(&pkr, pk_id, pk));
  OK(signal_protocol_pre_key_store_key(b.sc, pkr));
  session_signed_pre_key *spkr;
  OK(session_signed_pre_key_create(&spkr, spk_id, time(nullptr), spk, signal_buffer_data(sig), signal_buffer_len(sig)));
  OK(signal_protocol_signed_pre_key_store_key(b.sc, spkr));

  session_builder *sb;
  OK(session_builder_create(&sb, a.sc, &BOB, g_ctx));
  OK(session_builder_process_pre_key_bundle(sb, bundle));
  OK(session_cipher_create(ca, a.sc, &BOB, g_ctx));
  OK(session_cipher_create(cb, b.sc, &ALICE, g_ctx));
  const uint8_t hello[] = "hello";
  ciphertext_message *m;
  OK(session_cipher_encrypt(*ca, hello, 5, &m));
  if (ciphertext_message_get_type(m) != CIPHERTEXT_PREKEY_TYPE) abort();
  signal_buffer *ser = ciphertext_message_get_serialized(m);
  pre_key_signal_message *pm;
  OK(pre_key_signal_message_deserialize(&pm, signal_buffer_data(ser), signal_buffer_len(ser), g_ctx));
  signal_buffer *pt;
  OK(session_cipher_decrypt_pre_key_signal_message(*cb, pm, nullptr, &pt));
  signal_buffer_free(pt);
  SIGNAL_UNREF(pm);
  SIGNAL_UNREF(m);
  OK(session_cipher_encrypt(*cb, hello, 5, &m));
  ser = ciphertext_message_get_serialized(m);
  signal_message *sm;
  OK(signal_message_deserialize(&sm, signal_buffer_data(ser), signal_buffer_len(ser), g_ctx));
  OK(session_cipher_decrypt_signal_message(*ca, sm, nullptr, &pt));
  signal_buffer_free(pt);
  SIGNAL_UNREF(sm);
  SIGNAL_UNREF(m);
  session_builder_free(sb);
  SIGNAL_UNREF(bundle);
  SIGNAL_UNREF(pkr);
  SIGNAL_UNREF(spkr);
  signal_buffer_free(spk_pub);
  signal_buffer_free(sig);
  SIGNAL_UNREF(bik);
  SIGNAL_UNREF(pk);
  SIGNAL_UNREF(spk);
}

static size_t g_ct_len = 0;
// encrypt with `snd`, serialize, deserialize, decrypt with `rcv`; accumulates timing
static void one(session_cipher *snd, session_cipher *rcv, const Bytes &pt, double &te, double &td) {
  auto e0 = clk::now();
  ciphertext_message *m;
  OK(session_cipher_encrypt(snd, pt.data(), pt.size(), &m));
  signal_buffer *ser = ciphertext_message_get_serialized(m);
  Bytes wire(signal_buffer_data(ser), signal_buffer_data(ser) + signal_buffer_len(ser));
  SIGNAL_UNREF(m);
  auto e1 = clk::now();
  signal_message *sm;
  OK(signal_message_deserialize(&sm, wire.data(), wire.size(), g_ctx));
  signal_buffer *out;
  OK(session_cipher_decrypt_signal_message(rcv, sm, nullptr, &out));
  auto e2 = clk::now();
  if (signal_buffer_len(out) != pt.size() || signal_buffer_data(out)[0] != pt[0]) abort();
  signal_buffer_free(out);
  SIGNAL_UNREF(sm);
  g_ct_len = wire.size();
  te += std::chrono::duration<double, std::micro>(e1 - e0).count();
  td += std::chrono::duration<double, std::micro>(e2 - e1).count();
}

static void summary(const std::string &name, std::vector<double> v, const char *unit) {
  std::sort(v.begin(), v.end());
  printf("SUMMARY %-44s median=%9.2f min=%9.2f max=%9.2f %s (N=%zu)\n", name.c_str(), v[v.size() / 2], v.front(),
         v.back(), unit, v.size());
  fflush(stdout);
}

int main(int argc, char **argv) {
  int reps = argc > 1 ? atoi(argv[1]) : 5;
  long N = argc > 2 ? atol(argv[2]) : 20000;
  if (sodium_init() < 0) return 1;
  OK(signal_context_create(&g_ctx, nullptr));
  signal_crypto_provider prov = {p_random,       p_hmac_init,     p_hmac_update,    p_hmac_final,
                                 p_hmac_cleanup, p_sha512_init,   p_sha512_update,  p_sha512_final,
                                 p_sha512_cleanup, p_encrypt,     p_decrypt,        nullptr};
  OK(signal_context_set_crypto_provider(g_ctx, &prov));
  printf("libsignal-protocol-c 2.3.3 (Debian pkg), provider: libsodium %s + %s\n", sodium_version_string(),
         OPENSSL_VERSION_TEXT);

  Bytes pt(256);
  randombytes_buf(pt.data(), pt.size());
  {
    std::vector<double> us;
    for (int r = 0; r < reps; r++) {
      const int K = 200;
      auto t0 = clk::now();
      for (int i = 0; i < K; i++) {
        Party a, b;
        session_cipher *ca, *cb;
        establish(a, b, &ca, &cb);
        session_cipher_free(ca);
        session_cipher_free(cb);
      }
      us.push_back(std::chrono::duration<double, std::micro>(clk::now() - t0).count() / K);
    }
    summary("signal establish (2 identities+bundle+X3DH+2 msgs)", us, "us/session");
  }

  std::vector<double> st_tot, st_enc, st_dec, pp_tot, pp_enc, pp_dec, g_tot, g_enc, g_dec;
  size_t st_len = 0, pp_len = 0, g_len = 0, rec_len = 0;
  for (int r = 0; r < reps; r++) {
    Party a, b;
    session_cipher *ca, *cb;
    establish(a, b, &ca, &cb);
    {
      double te = 0, td = 0;
      auto t0 = clk::now();
      for (long i = 0; i < N; i++) {
        pt[0] = (uint8_t)i;
        one(ca, cb, pt, te, td);
      }
      double tot = std::chrono::duration<double, std::micro>(clk::now() - t0).count();
      st_tot.push_back(tot / N);
      st_enc.push_back(te / N);
      st_dec.push_back(td / N);
      st_len = g_ct_len;
    }
    {
      long M = N / 4;
      double te = 0, td = 0;
      auto t0 = clk::now();
      for (long i = 0; i < M; i++) {
        pt[0] = (uint8_t)i;
        if (i & 1) one(cb, ca, pt, te, td);
        else one(ca, cb, pt, te, td);
      }
      double tot = std::chrono::duration<double, std::micro>(clk::now() - t0).count();
      pp_tot.push_back(tot / M);
      pp_enc.push_back(te / M);
      pp_dec.push_back(td / M);
      pp_len = g_ct_len;
      rec_len = a.st.sessions.begin()->second.size();
    }
    session_cipher_free(ca);
    session_cipher_free(cb);
    // sender keys (group): Alice is the sender, Bob a recipient
    {
      const char *gid = "group-1";
      signal_protocol_sender_key_name name = {gid, strlen(gid), ALICE};
      group_session_builder *ga, *gb;
      OK(group_session_builder_create(&ga, a.sc, g_ctx));
      OK(group_session_builder_create(&gb, b.sc, g_ctx));
      sender_key_distribution_message *dist;
      OK(group_session_builder_create_session(ga, &dist, &name));
      signal_buffer *ser = ciphertext_message_get_serialized((ciphertext_message *)dist);
      sender_key_distribution_message *dist2;
      OK(sender_key_distribution_message_deserialize(&dist2, signal_buffer_data(ser), signal_buffer_len(ser), g_ctx));
      OK(group_session_builder_process_session(gb, &name, dist2));
      group_cipher *gca, *gcb;
      OK(group_cipher_create(&gca, a.sc, &name, g_ctx));
      OK(group_cipher_create(&gcb, b.sc, &name, g_ctx));
      double te = 0, td = 0;
      auto t0 = clk::now();
      for (long i = 0; i < N; i++) {
        pt[0] = (uint8_t)i;
        auto e0 = clk::now();
        ciphertext_message *m;
        OK(group_cipher_encrypt(gca, pt.data(), pt.size(), &m));
        signal_buffer *s = ciphertext_message_get_serialized(m);
        Bytes wire(signal_buffer_data(s), signal_buffer_data(s) + signal_buffer_len(s));
        SIGNAL_UNREF(m);
        auto e1 = clk::now();
        sender_key_message *skm;
        OK(sender_key_message_deserialize(&skm, wire.data(), wire.size(), g_ctx));
        signal_buffer *out;
        OK(group_cipher_decrypt(gcb, skm, nullptr, &out));
        auto e2 = clk::now();
        if (signal_buffer_len(out) != pt.size() || signal_buffer_data(out)[0] != pt[0]) abort();
        signal_buffer_free(out);
        SIGNAL_UNREF(skm);
        te += std::chrono::duration<double, std::micro>(e1 - e0).count();
        td += std::chrono::duration<double, std::micro>(e2 - e1).count();
        g_len = wire.size();
      }
      double tot = std::chrono::duration<double, std::micro>(clk::now() - t0).count();
      g_tot.push_back(tot / N);
      g_enc.push_back(te / N);
      g_dec.push_back(td / N);
      group_cipher_free(gca);
      group_cipher_free(gcb);
      group_session_builder_free(ga);
      group_session_builder_free(gb);
      SIGNAL_UNREF(dist);
      SIGNAL_UNREF(dist2);
    }
    printf("run=%d stream %.2f us/msg (enc %.2f dec %.2f) | pingpong %.2f us/msg (enc %.2f dec %.2f) | senderkey "
           "%.2f us/msg (enc %.2f dec %.2f)\n",
           r, st_tot.back(), st_enc.back(), st_dec.back(), pp_tot.back(), pp_enc.back(), pp_dec.back(), g_tot.back(),
           g_enc.back(), g_dec.back());
    fflush(stdout);
  }
  printf("wire sizes for 256B plaintext (binary protobuf): stream %zu, pingpong %zu, senderkey %zu; serialized session "
         "record after pingpong %zu B\n",
         st_len, pp_len, g_len, rec_len);
  summary("signal stream enc+dec", st_tot, "us/msg");
  summary("signal stream enc", st_enc, "us/msg");
  summary("signal stream dec", st_dec, "us/msg");
  summary("signal pingpong enc+dec (DH ratchet each msg)", pp_tot, "us/msg");
  summary("signal pingpong enc", pp_enc, "us/msg");
  summary("signal pingpong dec", pp_dec, "us/msg");
  summary("signal sender-key group enc+dec", g_tot, "us/msg");
  summary("signal sender-key group enc", g_enc, "us/msg");
  summary("signal sender-key group dec", g_dec, "us/msg");
  std::vector<double> rs, rp, rg, ratio;
  for (double x : st_tot) rs.push_back(1e6 / x);
  for (double x : pp_tot) rp.push_back(1e6 / x);
  for (double x : g_tot) rg.push_back(1e6 / x);
  for (size_t i = 0; i < pp_tot.size(); i++) ratio.push_back(pp_tot[i] / st_tot[i]);
  summary("signal stream", rs, "msgs/s");
  summary("signal pingpong", rp, "msgs/s");
  summary("signal sender-key group", rg, "msgs/s");
  summary("signal pingpong/stream cost ratio", ratio, "x");
  signal_context_destroy(g_ctx);
  return 0;
}
