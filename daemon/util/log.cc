#include "daemon/util/log.h"

#include <google/protobuf/stubs/logging.h>
#include <spdlog/sinks/stdout_color_sinks.h>

#include <string>

namespace parley::log {

void Init(std::string_view level) {
  auto logger = spdlog::stderr_color_mt("parleyd");
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
  auto parsed = spdlog::level::from_str(std::string(level));
  logger->set_level(parsed == spdlog::level::off && level != "off" ? spdlog::level::info : parsed);
  spdlog::set_default_logger(logger);
  // Protobuf complains on stderr about every malformed string a peer sends;
  // at debug level only, so that a peer cannot flood the log.
  google::protobuf::SetLogHandler(
      [](google::protobuf::LogLevel, const char*, int, const std::string& message) {
        spdlog::debug("protobuf: {}", message);
      });
}

}  // namespace parley::log
