// Copied unchanged from ../shared/anchors/zmq/zmq_bench.cpp (the project's reference harness), built by tests/bench/load.
// ZeroMQ raw limits over tcp://127.0.0.1 (libzmq C API).
// - one-way throughput DEALER -> ROUTER, 256 B and 4 KiB, plain vs CURVE (interleaved in one process)
// - round-trip latency DEALER <-> ROUTER echo, 256 B, CURVE (and plain for reference)
// Sender and receiver live in separate threads with separate zmq contexts
// (each with 1 I/O thread) to mimic two daemons on one host.
#include <zmq.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

using clk = std::chrono::steady_clock;

#define CHK(x)                                                                 \
  do {                                                                         \
    if ((x) < 0) {                                                             \
      fprintf(stderr, "%s:%d %s: %s\n", __FILE__, __LINE__, #x,                \
              zmq_strerror(zmq_errno()));                                      \
      exit(1);                                                                 \
    }                                                                          \
  } while (0)

struct Keys {
  char spub[41], ssec[41], cpub[41], csec[41];
};

static void setup_server(void *s, bool curve, const Keys &k) {
  int hwm = 0;
  CHK(zmq_setsockopt(s, ZMQ_RCVHWM, &hwm, sizeof hwm));
  CHK(zmq_setsockopt(s, ZMQ_SNDHWM, &hwm, sizeof hwm));
  if (curve) {
    int one = 1;
    CHK(zmq_setsockopt(s, ZMQ_CURVE_SERVER, &one, sizeof one));
    CHK(zmq_setsockopt(s, ZMQ_CURVE_SECRETKEY, k.ssec, 40));
  }
}
static void setup_client(void *s, bool curve, const Keys &k) {
  int hwm = 0;
  CHK(zmq_setsockopt(s, ZMQ_RCVHWM, &hwm, sizeof hwm));
  CHK(zmq_setsockopt(s, ZMQ_SNDHWM, &hwm, sizeof hwm));
  if (curve) {
    CHK(zmq_setsockopt(s, ZMQ_CURVE_SERVERKEY, k.spub, 40));
    CHK(zmq_setsockopt(s, ZMQ_CURVE_PUBLICKEY, k.cpub, 40));
    CHK(zmq_setsockopt(s, ZMQ_CURVE_SECRETKEY, k.csec, 40));
  }
}

static int g_port = 47000;

// Returns seconds from first received message to last (like zmq local_thr).
static double run_thr(bool curve, size_t msg_size, long n, const Keys &k) {
  std::string ep = "tcp://127.0.0.1:" + std::to_string(++g_port);
  void *sctx = zmq_ctx_new();
  void *cctx = zmq_ctx_new();
  void *router = zmq_socket(sctx, ZMQ_ROUTER);
  setup_server(router, curve, k);
  CHK(zmq_bind(router, ep.c_str()));
  double secs = 0;
  std::thread rx([&] {
    zmq_msg_t id, m;
    zmq_msg_init(&id);
    zmq_msg_init(&m);
    clk::time_point t0;
    for (long i = 0; i < n; i++) {
      CHK(zmq_msg_recv(&id, router, 0));
      CHK(zmq_msg_recv(&m, router, 0));
      if (i == 0) t0 = clk::now();
      if (zmq_msg_size(&m) != msg_size) { fprintf(stderr, "bad size\n"); exit(1); }
    }
    secs = std::chrono::duration<double>(clk::now() - t0).count();
    zmq_msg_close(&id);
    zmq_msg_close(&m);
  });
  void *dealer = zmq_socket(cctx, ZMQ_DEALER);
  setup_client(dealer, curve, k);
  CHK(zmq_connect(dealer, ep.c_str()));
  std::vector<char> buf(msg_size, 'x');
  for (long i = 0; i < n; i++) CHK(zmq_send(dealer, buf.data(), msg_size, 0));
  rx.join();
  int linger = 0;
  zmq_setsockopt(dealer, ZMQ_LINGER, &linger, sizeof linger);
  zmq_setsockopt(router, ZMQ_LINGER, &linger, sizeof linger);
  zmq_close(dealer);
  zmq_close(router);
  zmq_ctx_term(cctx);
  zmq_ctx_term(sctx);
  // (n-1) messages after the first one timed
  return secs * (double)n / (double)(n - 1);
}

static void run_lat(bool curve, size_t msg_size, long n, const Keys &k,
                    std::vector<double> &rtts_us) {
  std::string ep = "tcp://127.0.0.1:" + std::to_string(++g_port);
  void *sctx = zmq_ctx_new();
  void *cctx = zmq_ctx_new();
  void *router = zmq_socket(sctx, ZMQ_ROUTER);
  setup_server(router, curve, k);
  CHK(zmq_bind(router, ep.c_str()));
  const long warm = 1000;
  std::thread srv([&] {
    zmq_msg_t id, m;
    zmq_msg_init(&id);
    zmq_msg_init(&m);
    for (long i = 0; i < n + warm; i++) {
      CHK(zmq_msg_recv(&id, router, 0));
      CHK(zmq_msg_recv(&m, router, 0));
      CHK(zmq_msg_send(&id, router, ZMQ_SNDMORE));
      CHK(zmq_msg_send(&m, router, 0));
    }
    zmq_msg_close(&id);
    zmq_msg_close(&m);
  });
  void *dealer = zmq_socket(cctx, ZMQ_DEALER);
  setup_client(dealer, curve, k);
  CHK(zmq_connect(dealer, ep.c_str()));
  std::vector<char> buf(msg_size, 'x'), rb(msg_size + 16);
  rtts_us.clear();
  for (long i = 0; i < n + warm; i++) {
    auto t0 = clk::now();
    CHK(zmq_send(dealer, buf.data(), msg_size, 0));
    CHK(zmq_recv(dealer, rb.data(), rb.size(), 0));
    auto t1 = clk::now();
    if (i >= warm) rtts_us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
  }
  srv.join();
  int linger = 0;
  zmq_setsockopt(dealer, ZMQ_LINGER, &linger, sizeof linger);
  zmq_setsockopt(router, ZMQ_LINGER, &linger, sizeof linger);
  zmq_close(dealer);
  zmq_close(router);
  zmq_ctx_term(cctx);
  zmq_ctx_term(sctx);
}

static double pct(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  size_t i = (size_t)(p * (v.size() - 1));
  return v[i];
}

int main(int argc, char **argv) {
  int reps = argc > 1 ? atoi(argv[1]) : 5;
  int maj, min, pat;
  zmq_version(&maj, &min, &pat);
  printf("libzmq %d.%d.%d  zmq_has(curve)=%d\n", maj, min, pat, zmq_has("curve"));
  if (!zmq_has("curve")) { fprintf(stderr, "no CURVE support\n"); return 1; }
  Keys k;
  CHK(zmq_curve_keypair(k.spub, k.ssec));
  CHK(zmq_curve_keypair(k.cpub, k.csec));

  struct Case { size_t sz; long n; };
  Case cases[] = {{256, 1000000}, {4096, 200000}};
  for (auto c : cases) {
    std::vector<double> plain_mps, curve_mps, ratio;
    for (int r = 0; r < reps; r++) {
      // interleave plain / curve in the same run
      double tp = run_thr(false, c.sz, c.n, k);
      double tc = run_thr(true, c.sz, c.n, k);
      double mp = c.n / tp, mc = c.n / tc;
      plain_mps.push_back(mp);
      curve_mps.push_back(mc);
      ratio.push_back(mp / mc);
      printf("THR run=%d size=%zu n=%ld plain=%.0f msg/s (%.1f MB/s) curve=%.0f msg/s (%.1f MB/s) plain/curve=%.2f\n",
             r, c.sz, c.n, mp, mp * c.sz / 1e6, mc, mc * c.sz / 1e6, mp / mc);
      fflush(stdout);
    }
    auto summ = [&](const char *name, std::vector<double> v, double scale, const char *unit) {
      std::sort(v.begin(), v.end());
      printf("SUMMARY THR size=%zu %s median=%.1f min=%.1f max=%.1f %s (N=%zu)\n", c.sz, name,
             v[v.size() / 2] * scale, v.front() * scale, v.back() * scale, unit, v.size());
    };
    summ("plain", plain_mps, 1, "msg/s");
    summ("plain", plain_mps, c.sz / 1e6, "MB/s");
    summ("curve", curve_mps, 1, "msg/s");
    summ("curve", curve_mps, c.sz / 1e6, "MB/s");
    summ("plain/curve", ratio, 1, "x");
  }

  for (int curve = 1; curve >= 0; curve--) {
    std::vector<double> p50s, p99s, rtts;
    for (int r = 0; r < reps; r++) {
      run_lat(curve, 256, 20000, k, rtts);
      double p50 = pct(rtts, 0.50), p99 = pct(rtts, 0.99);
      p50s.push_back(p50);
      p99s.push_back(p99);
      printf("LAT run=%d curve=%d 256B n=20000 p50=%.1f us p99=%.1f us max=%.1f us\n", r, curve, p50, p99,
             pct(rtts, 1.0));
      fflush(stdout);
    }
    std::sort(p50s.begin(), p50s.end());
    std::sort(p99s.begin(), p99s.end());
    printf("SUMMARY LAT curve=%d p50 median=%.1f min=%.1f max=%.1f us; p99 median=%.1f min=%.1f max=%.1f us (N=%zu)\n",
           curve, p50s[p50s.size() / 2], p50s.front(), p50s.back(), p99s[p99s.size() / 2], p99s.front(),
           p99s.back(), p50s.size());
  }
  return 0;
}
