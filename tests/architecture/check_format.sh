#!/usr/bin/env bash
# check_format.sh CLANG_FORMAT SOURCE_DIR: every C++ file of ours is clang-format clean.
set -euo pipefail
clang_format=$1 src=$2
cd "$src"
mapfile -t files < <(git ls-files '*.cc' '*.h' '*.cpp' 2>/dev/null | grep -v '/anchors/' || true)
[[ ${#files[@]} -gt 0 ]] || mapfile -t files < <(find crypto daemon client proto tests -name '*.cc' -o -name '*.h' | grep -v anchors)
"$clang_format" --dry-run --Werror "${files[@]}"
