// The codes a profile may name: states (ISO 3166-1 alpha-2, plus XK for
// Kosovo, which takes part in the Prague Process) and languages (ISO 639-1).
#pragma once

#include <string_view>

namespace parley::directory {

// Upper case, e.g. "UZ".
bool IsStateCode(std::string_view code);
// Lower case, e.g. "ru".
bool IsLanguageCode(std::string_view code);

}  // namespace parley::directory
