// Where the store's passphrase comes from: PARLEY_PASSPHRASE, else
// --passphrase-file, else a prompt on the terminal (echo off).
#pragma once

#include <optional>
#include <string>

#include "crypto/secure_buffer.h"

namespace parley::app {

enum class PassphraseSource { kEnvironment, kFile, kTerminal, kNone };

struct Passphrase {
  crypto::SecureBuffer bytes;
  PassphraseSource source = PassphraseSource::kNone;
};

// `prompt` is shown on the terminal; when `confirm_prompt` is not empty the
// passphrase is asked twice and nullopt is returned on a mismatch (source
// kTerminal). nullopt with source kNone: there is no way to get one.
std::optional<Passphrase> ReadPassphrase(const std::string& passphrase_file,
                                         const std::string& prompt,
                                         const std::string& confirm_prompt,
                                         PassphraseSource& tried);

}  // namespace parley::app
