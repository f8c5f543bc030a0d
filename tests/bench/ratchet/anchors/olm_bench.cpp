// Copied unchanged from /work/shared/anchors/ratchet/olm_bench.cpp (the project's reference harnesses).
// libolm anchors: Olm (Double Ratchet) 1:1 session and Megolm group session,
// both ends in one process. 256-byte plaintexts.
//  - stream:   A->B only (symmetric chain steps only), encrypt then decrypt each
//  - pingpong: direction alternates every message (a DH ratchet step each time)
//  - megolm:   outbound group encrypt -> inbound group decrypt (Ed25519 sig per msg)
#include <olm/olm.h>
#include <olm/inbound_group_session.h>
#include <olm/outbound_group_session.h>
#include <sodium.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using clk = std::chrono::steady_clock;
#define OLM_FAIL(x) (x == olm_error())

struct Rand {
  std::vector<uint8_t> b;
  void *get(size_t n) {
    b.resize(n ? n : 1);
    if (n) randombytes_buf(b.data(), n);
    return b.data();
  }
};
static Rand R;

static std::string json_str_after(const std::string &js, const std::string &key) {
  size_t p = js.find("\"" + key + "\"");
  if (p == std::string::npos) abort();
  p = js.find(':', p);
  p = js.find('"', p);
  size_t e = js.find('"', p + 1);
  return js.substr(p + 1, e - p - 1);
}

struct Account {
  std::vector<uint8_t> mem;
  OlmAccount *acc;
  Account() {
    mem.resize(olm_account_size());
    acc = olm_account(mem.data());
    size_t rl = olm_create_account_random_length(acc);
    if (OLM_FAIL(olm_create_account(acc, R.get(rl), rl))) abort();
  }
  std::string curve_key() {
    std::string s(olm_account_identity_keys_length(acc), '\0');
    olm_account_identity_keys(acc, s.data(), s.size());
    return json_str_after(s, "curve25519");
  }
  std::string one_time_key() {
    size_t rl = olm_account_generate_one_time_keys_random_length(acc, 1);
    olm_account_generate_one_time_keys(acc, 1, R.get(rl), rl);
    std::string s(olm_account_one_time_keys_length(acc), '\0');
    olm_account_one_time_keys(acc, s.data(), s.size());
    // {"curve25519":{"AAAAAQ":"KEY"}}
    size_t p = s.find('{', 1);
    p = s.find(':', p);
    p = s.find('"', p);
    size_t e = s.find('"', p + 1);
    olm_account_mark_keys_as_published(acc);
    return s.substr(p + 1, e - p - 1);
  }
};

struct Session {
  std::vector<uint8_t> mem;
  OlmSession *s;
  Session() {
    mem.resize(olm_session_size());
    s = olm_session(mem.data());
  }
};

struct Msg {
  size_t type;
  std::string body;
};

static Msg enc(Session &S, const uint8_t *pt, size_t n) {
  Msg m;
  m.type = olm_encrypt_message_type(S.s);
  size_t rl = olm_encrypt_random_length(S.s);
  m.body.resize(olm_encrypt_message_length(S.s, n));
  if (OLM_FAIL(olm_encrypt(S.s, pt, n, R.get(rl), rl, m.body.data(), m.body.size()))) {
    fprintf(stderr, "encrypt: %s\n", olm_session_last_error(S.s));
    abort();
  }
  return m;
}
static std::vector<uint8_t> g_pt_out(4096);
static size_t dec(Session &S, Msg &m) {
  // olm_decrypt destroys its input; olm_decrypt_max_plaintext_length too -> use a copy for sizing.
  // We size generously instead (plaintext <= ciphertext length) to avoid an extra base64 decode.
  if (g_pt_out.size() < m.body.size()) g_pt_out.resize(m.body.size());
  size_t r = olm_decrypt(S.s, m.type, m.body.data(), m.body.size(), g_pt_out.data(), g_pt_out.size());
  if (OLM_FAIL(r)) {
    fprintf(stderr, "decrypt: %s\n", olm_session_last_error(S.s));
    abort();
  }
  return r;
}

static void summary(const std::string &name, std::vector<double> v, const char *unit) {
  std::sort(v.begin(), v.end());
  printf("SUMMARY %-44s median=%9.2f min=%9.2f max=%9.2f %s (N=%zu)\n", name.c_str(), v[v.size() / 2], v.front(),
         v.back(), unit, v.size());
  fflush(stdout);
}

// Sets up a fully established pair (A sent prekey msg, B replied).
static void establish(Account &a, Account &b, Session &sa, Session &sb) {
  std::string bid = b.curve_key(), botk = b.one_time_key();
  size_t rl = olm_create_outbound_session_random_length(sa.s);
  if (OLM_FAIL(olm_create_outbound_session(sa.s, a.acc, bid.data(), bid.size(), botk.data(), botk.size(), R.get(rl), rl)))
    abort();
  uint8_t pt[16] = "hello";
  Msg m = enc(sa, pt, 5);
  if (m.type != OLM_MESSAGE_TYPE_PRE_KEY) abort();
  std::string copy = m.body;
  if (OLM_FAIL(olm_create_inbound_session(sb.s, b.acc, copy.data(), copy.size()))) abort();
  olm_remove_one_time_keys(b.acc, sb.s);
  dec(sb, m);
  Msg r = enc(sb, pt, 5);
  dec(sa, r);
}

int main(int argc, char **argv) {
  int reps = argc > 1 ? atoi(argv[1]) : 5;
  long N = argc > 2 ? atol(argv[2]) : 20000;
  if (sodium_init() < 0) return 1;
  uint8_t maj, min, pat;
  olm_get_library_version(&maj, &min, &pat);
  printf("libolm %u.%u.%u\n", maj, min, pat);
  std::vector<uint8_t> pt(256);
  randombytes_buf(pt.data(), pt.size());

  // Session setup cost (outbound create + first prekey msg + inbound create + decrypt)
  {
    std::vector<double> us;
    for (int r = 0; r < reps; r++) {
      Account a, b;
      auto t0 = clk::now();
      const int K = 200;
      for (int i = 0; i < K; i++) {
        Session sa, sb;
        establish(a, b, sa, sb);
      }
      us.push_back(std::chrono::duration<double, std::micro>(clk::now() - t0).count() / K);
    }
    summary("olm establish (otk gen+outbound+inbound+2 msgs)", us, "us/session");
  }

  std::vector<double> st_tot, st_enc, st_dec, pp_tot, pp_enc, pp_dec, mg_tot, mg_enc, mg_dec;
  size_t st_ct_len = 0, pp_ct_len = 0, mg_ct_len = 0;
  for (int r = 0; r < reps; r++) {
    Account a, b;
    Session sa, sb;
    establish(a, b, sa, sb);
    // stream A->B
    {
      double te = 0, td = 0;
      auto t0 = clk::now();
      for (long i = 0; i < N; i++) {
        pt[0] = (uint8_t)i;
        auto e0 = clk::now();
        Msg m = enc(sa, pt.data(), pt.size());
        auto e1 = clk::now();
        size_t n = dec(sb, m);
        auto e2 = clk::now();
        if (n != 256 || g_pt_out[0] != (uint8_t)i) abort();
        te += std::chrono::duration<double, std::micro>(e1 - e0).count();
        td += std::chrono::duration<double, std::micro>(e2 - e1).count();
        st_ct_len = m.body.size();
      }
      double tot = std::chrono::duration<double, std::micro>(clk::now() - t0).count();
      st_tot.push_back(tot / N);
      st_enc.push_back(te / N);
      st_dec.push_back(td / N);
    }
    // ping-pong: alternate every message
    {
      long M = N / 4;
      double te = 0, td = 0;
      auto t0 = clk::now();
      for (long i = 0; i < M; i++) {
        Session &snd = (i & 1) ? sb : sa;
        Session &rcv = (i & 1) ? sa : sb;
        pt[0] = (uint8_t)i;
        auto e0 = clk::now();
        Msg m = enc(snd, pt.data(), pt.size());
        auto e1 = clk::now();
        size_t n = dec(rcv, m);
        auto e2 = clk::now();
        if (n != 256 || g_pt_out[0] != (uint8_t)i) abort();
        te += std::chrono::duration<double, std::micro>(e1 - e0).count();
        td += std::chrono::duration<double, std::micro>(e2 - e1).count();
        pp_ct_len = m.body.size();
      }
      double tot = std::chrono::duration<double, std::micro>(clk::now() - t0).count();
      pp_tot.push_back(tot / M);
      pp_enc.push_back(te / M);
      pp_dec.push_back(td / M);
    }
    // megolm
    {
      std::vector<uint8_t> om(olm_outbound_group_session_size()), im(olm_inbound_group_session_size());
      OlmOutboundGroupSession *out = olm_outbound_group_session(om.data());
      size_t rl = olm_init_outbound_group_session_random_length(out);
      if (OLM_FAIL(olm_init_outbound_group_session(out, (uint8_t *)R.get(rl), rl))) abort();
      std::string key(olm_outbound_group_session_key_length(out), '\0');
      olm_outbound_group_session_key(out, (uint8_t *)key.data(), key.size());
      OlmInboundGroupSession *in = olm_inbound_group_session(im.data());
      if (OLM_FAIL(olm_init_inbound_group_session(in, (uint8_t *)key.data(), key.size()))) abort();
      double te = 0, td = 0;
      std::string msg(olm_group_encrypt_message_length(out, pt.size()), '\0');
      std::vector<uint8_t> outpt(msg.size());
      auto t0 = clk::now();
      for (long i = 0; i < N; i++) {
        pt[0] = (uint8_t)i;
        auto e0 = clk::now();
        // length grows with the message index varint: ask each time
        msg.resize(olm_group_encrypt_message_length(out, pt.size()));
        if (outpt.size() < msg.size()) outpt.resize(msg.size());
        size_t ml = olm_group_encrypt(out, pt.data(), pt.size(), (uint8_t *)msg.data(), msg.size());
        if (OLM_FAIL(ml)) abort();
        auto e1 = clk::now();
        uint32_t idx;
        size_t n = olm_group_decrypt(in, (uint8_t *)msg.data(), ml, outpt.data(), outpt.size(), &idx);
        auto e2 = clk::now();
        if (OLM_FAIL(n)) {
          fprintf(stderr, "group decrypt: %s\n", olm_inbound_group_session_last_error(in));
          abort();
        }
        if (n != 256 || outpt[0] != (uint8_t)i) abort();
        te += std::chrono::duration<double, std::micro>(e1 - e0).count();
        td += std::chrono::duration<double, std::micro>(e2 - e1).count();
        mg_ct_len = ml;
      }
      double tot = std::chrono::duration<double, std::micro>(clk::now() - t0).count();
      mg_tot.push_back(tot / N);
      mg_enc.push_back(te / N);
      mg_dec.push_back(td / N);
    }
    printf("run=%d stream %.2f us/msg (enc %.2f dec %.2f) | pingpong %.2f us/msg (enc %.2f dec %.2f) | megolm %.2f "
           "us/msg (enc %.2f dec %.2f)\n",
           r, st_tot.back(), st_enc.back(), st_dec.back(), pp_tot.back(), pp_enc.back(), pp_dec.back(), mg_tot.back(),
           mg_enc.back(), mg_dec.back());
    fflush(stdout);
  }
  printf("ciphertext sizes for 256B plaintext (base64): olm stream %zu, olm pingpong %zu, megolm %zu\n", st_ct_len,
         pp_ct_len, mg_ct_len);
  summary("olm stream enc+dec", st_tot, "us/msg");
  summary("olm stream enc", st_enc, "us/msg");
  summary("olm stream dec", st_dec, "us/msg");
  summary("olm pingpong enc+dec (DH ratchet each msg)", pp_tot, "us/msg");
  summary("olm pingpong enc", pp_enc, "us/msg");
  summary("olm pingpong dec", pp_dec, "us/msg");
  summary("megolm group enc+dec", mg_tot, "us/msg");
  summary("megolm group enc", mg_enc, "us/msg");
  summary("megolm group dec", mg_dec, "us/msg");
  std::vector<double> rs, rp, rm;
  for (double x : st_tot) rs.push_back(1e6 / x);
  for (double x : pp_tot) rp.push_back(1e6 / x);
  for (double x : mg_tot) rm.push_back(1e6 / x);
  summary("olm stream", rs, "msgs/s");
  summary("olm pingpong", rp, "msgs/s");
  summary("megolm", rm, "msgs/s");
  std::vector<double> ratio;
  for (size_t i = 0; i < pp_tot.size(); i++) ratio.push_back(pp_tot[i] / st_tot[i]);
  summary("olm pingpong/stream cost ratio", ratio, "x");
  return 0;
}
