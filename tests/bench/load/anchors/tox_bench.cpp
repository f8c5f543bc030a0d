// Copied unchanged from ../shared/anchors/tox/tox_bench.cpp (the project's reference harness), built by tests/bench/load.
// c-toxcore anchor: two Tox instances in one process on 127.0.0.1 (UDP, IPv4,
// LAN discovery off, hole punching off, DHT announcements off), B bootstraps to A,
// they become friends, then:
//   burst:  A sends N 256-byte friend messages as fast as the send queue allows
//   serial: A sends one message, waits until B receives it, repeat (unloaded latency)
// Each instance runs its own loop in its own thread; it sleeps tox_iteration_interval()
// between iterations ("paced", what a daemon would do) or 0.5 ms ("fast").
#include <tox/tox.h>
#include <algorithm>
#include <atomic>
#include <mutex>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

using clk = std::chrono::steady_clock;
static double now_us() {
  return std::chrono::duration<double, std::micro>(clk::now().time_since_epoch()).count();
}

struct Ctx {
  bool connected = false;
  long received = 0;
  std::vector<double> lat_us;
  double last_rx_us = 0;
  uint32_t friend_no = UINT32_MAX;
  std::mutex *lat = nullptr;
  std::atomic<long> *rx = nullptr;
  std::atomic<double> *last_rx = nullptr;
};

static void on_request(Tox *t, const uint8_t *pk, const uint8_t *, size_t, void *ud) {
  Ctx *c = (Ctx *)ud;
  TOX_ERR_FRIEND_ADD e;
  c->friend_no = tox_friend_add_norequest(t, pk, &e);
  if (e != TOX_ERR_FRIEND_ADD_OK) fprintf(stderr, "friend_add_norequest err %d\n", e);
}
static void on_conn(Tox *, uint32_t, TOX_CONNECTION s, void *ud) { ((Ctx *)ud)->connected = s != TOX_CONNECTION_NONE; }
static void on_msg(Tox *, uint32_t, TOX_MESSAGE_TYPE, const uint8_t *m, size_t len, void *ud) {
  Ctx *c = (Ctx *)ud;
  double t = now_us(), sent;
  if (len < sizeof(double)) return;
  memcpy(&sent, m, sizeof sent);
  {
    std::lock_guard<std::mutex> g(*c->lat);
    c->lat_us.push_back(t - sent);
  }
  c->last_rx->store(t);
  c->rx->fetch_add(1);
}
static void on_log(Tox *, TOX_LOG_LEVEL lvl, const char *file, uint32_t line, const char *, const char *msg, void *) {
  if (lvl >= TOX_LOG_LEVEL_WARNING) fprintf(stderr, "[toxlog %d] %s:%u %s\n", lvl, file, line, msg);
}

static Tox *make(uint16_t port) {
  Tox_Options *o = tox_options_new(nullptr);
  tox_options_set_ipv6_enabled(o, false);
  tox_options_set_udp_enabled(o, true);
  tox_options_set_local_discovery_enabled(o, false);
  tox_options_set_hole_punching_enabled(o, false);
  tox_options_set_dht_announcements_enabled(o, false);
  tox_options_set_start_port(o, port);
  tox_options_set_end_port(o, port + 50);
  tox_options_set_tcp_port(o, 0);
  tox_options_set_log_callback(o, on_log);
  TOX_ERR_NEW e;
  Tox *t = tox_new(o, &e);
  tox_options_free(o);
  if (!t) {
    fprintf(stderr, "tox_new err %d\n", e);
    exit(1);
  }
  return t;
}

static double pct(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[(size_t)(p * (v.size() - 1))];
}

int main(int argc, char **argv) {
  long N = argc > 1 ? atol(argv[1]) : 2000;
  const char *mode = argc > 2 ? argv[2] : "paced";
  long serialN = argc > 3 ? atol(argv[3]) : 200;
  bool paced = strcmp(mode, "paced") == 0;
  printf("toxcore %u.%u.%u mode=%s\n", tox_version_major(), tox_version_minor(), tox_version_patch(), mode);
  Tox *a = make(33445), *b = make(33545);
  Ctx ca, cb;
  tox_callback_friend_request(b, on_request);
  tox_callback_friend_connection_status(a, on_conn);
  tox_callback_friend_connection_status(b, on_conn);
  tox_callback_friend_message(b, on_msg);

  uint8_t dht[TOX_PUBLIC_KEY_SIZE], addr_b[TOX_ADDRESS_SIZE];
  tox_self_get_dht_id(a, dht);
  TOX_ERR_GET_PORT pe;
  uint16_t pa = tox_self_get_udp_port(a, &pe);
  TOX_ERR_BOOTSTRAP be;
  tox_bootstrap(b, "127.0.0.1", pa, dht, &be);
  if (be != TOX_ERR_BOOTSTRAP_OK) { fprintf(stderr, "bootstrap err %d\n", be); return 1; }
  tox_self_get_dht_id(b, dht);
  tox_bootstrap(a, "127.0.0.1", tox_self_get_udp_port(b, &pe), dht, &be);
  tox_self_get_address(b, addr_b);
  TOX_ERR_FRIEND_ADD fe;
  ca.friend_no = tox_friend_add(a, addr_b, (const uint8_t *)"hi", 2, &fe);
  if (fe != TOX_ERR_FRIEND_ADD_OK) { fprintf(stderr, "friend_add err %d\n", fe); return 1; }

  // Each instance gets its own thread and loop, like two daemons: iterate, then sleep
  // tox_iteration_interval() ("paced") or 0.5 ms ("fast"). Only the owning thread touches its Tox.
  auto nap = [&](Tox *t) {
    if (paced) std::this_thread::sleep_for(std::chrono::milliseconds(tox_iteration_interval(t)));
    else std::this_thread::sleep_for(std::chrono::microseconds(500));
  };
  std::atomic<bool> stop{false};
  std::atomic<long> rx{0};
  std::atomic<double> last_rx{0};
  std::mutex lat_mu;
  cb.lat = &lat_mu;
  cb.rx = &rx;
  cb.last_rx = &last_rx;
  std::thread tb([&] {
    while (!stop) {
      tox_iterate(b, &cb);
      nap(b);
    }
  });
  double t0 = now_us();
  while (!(ca.connected && cb.connected)) {
    tox_iterate(a, &ca);
    nap(a);
    if (now_us() - t0 > 60e6) { fprintf(stderr, "timeout waiting for friend connection\n"); exit(2); }
  }
  double t_conn = (now_us() - t0) / 1e3;
  printf("friend connection established after %.0f ms (from bootstrap/friend_add); iteration_interval=%u ms\n",
         t_conn, tox_iteration_interval(a));
  double ts = now_us();
  while (now_us() - ts < 1e6) { tox_iterate(a, &ca); nap(a); }

  uint8_t msg[256];
  memset(msg, 'm', sizeof msg);
  auto send1 = [&]() -> int {
    double t = now_us();
    memcpy(msg, &t, sizeof t);
    TOX_ERR_FRIEND_SEND_MESSAGE se;
    tox_friend_send_message(a, ca.friend_no, TOX_MESSAGE_TYPE_NORMAL, msg, sizeof msg, &se);
    return se;
  };
  // serial (unloaded) latency: next message only after the previous one arrived (+ random gap if paced)
  {
    { std::lock_guard<std::mutex> g(lat_mu); cb.lat_us.clear(); }
    rx = 0;
    long sent = 0;
    double tstart = now_us();
    while (rx < serialN) {
      if (sent == rx && sent < serialN) {
        // random 0..49 ms gap so the send phase is not locked to the receiver's loop period
        if (paced && sent > 0) {
          double until = now_us() + (rand() % 50000);
          while (now_us() < until) { tox_iterate(a, &ca); std::this_thread::sleep_for(std::chrono::milliseconds(1)); }
        }
        int se = send1();
        if (se != TOX_ERR_FRIEND_SEND_MESSAGE_OK) { fprintf(stderr, "send err %d\n", se); exit(3); }
        sent++;
      }
      tox_iterate(a, &ca);
      // short poll so the sender notices delivery quickly; receiver keeps its own pacing
      std::this_thread::sleep_for(std::chrono::microseconds(200));
      if (now_us() - tstart > 120e6) { fprintf(stderr, "serial timeout\n"); exit(4); }
    }
    std::lock_guard<std::mutex> g(lat_mu);
    printf("SERIAL n=%ld latency p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms\n", serialN, pct(cb.lat_us, .5) / 1e3,
           pct(cb.lat_us, .9) / 1e3, pct(cb.lat_us, .99) / 1e3, pct(cb.lat_us, 1) / 1e3);
  }
  // burst: push N messages as fast as the send queue accepts
  {
    { std::lock_guard<std::mutex> g(lat_mu); cb.lat_us.clear(); }
    rx = 0;
    long sent = 0, sendq_full = 0;
    double tstart = now_us();
    while (rx < N) {
      while (sent < N) {
        int se = send1();
        if (se == TOX_ERR_FRIEND_SEND_MESSAGE_SENDQ) { sendq_full++; break; }
        if (se != TOX_ERR_FRIEND_SEND_MESSAGE_OK) { fprintf(stderr, "send err %d\n", se); exit(3); }
        sent++;
      }
      tox_iterate(a, &ca);
      nap(a);
      if (now_us() - tstart > 120e6) { fprintf(stderr, "burst timeout: received %ld/%ld\n", rx.load(), N); exit(4); }
    }
    double secs = (last_rx.load() - tstart) / 1e6;
    std::lock_guard<std::mutex> g(lat_mu);
    printf("BURST n=%ld delivered in %.3f s = %.0f msgs/s (%.1f KB/s payload); sendq-full events %ld; latency p50=%.1f "
           "ms p99=%.1f ms max=%.1f ms\n",
           N, secs, N / secs, N * 256 / secs / 1e3, sendq_full, pct(cb.lat_us, .5) / 1e3, pct(cb.lat_us, .99) / 1e3,
           pct(cb.lat_us, 1) / 1e3);
  }
  stop = true;
  tb.join();
  tox_kill(a);
  tox_kill(b);
  return 0;
}
