#include "daemon/app/messages.h"

#include <cstdlib>
#include <map>
#include <utility>

namespace parley::app {

namespace {

struct Entry {
  const char* en;
  const char* ru;
};

const std::map<Text, Entry>& Catalogue() {
  static const std::map<Text, Entry> kCatalogue = {
      {Text::kUsage,
       {"usage:\n"
        "  parleyd [--home DIR] init --name NAME [--listen tcp://IP:PORT] [--announce "
        "tcp://HOST:PORT]\n"
        "  parleyd [--home DIR] [--listen tcp://IP:PORT]     run the node until SIGINT/SIGTERM\n"
        "  parleyd [--home DIR] network create --name NAME --out FILE\n"
        "      this node becomes the anchor of a new network; FILE is its signed charter\n"
        "  parleyd [--home DIR] init --name NAME --charter FILE   a new node that joins that "
        "network\n"
        "  parleyd [--home DIR] rotate-keys   new identity keys, handed over by the old ones\n"
        "      (the node must be stopped; contacts and endorsements follow)\n"
        "options: --passphrase-file FILE, --kdf interactive|moderate (init), --log-level LEVEL,\n"
        "         --durability crash|power-loss, --lang en|ru, --help, --version\n"
        "--durability power-loss makes every commit survive a power cut (an fsync each time);\n"
        "the default, crash, survives any crash of parleyd but not a power cut.\n"
        "The passphrase comes from PARLEY_PASSPHRASE, else --passphrase-file, else a prompt.\n"
        "Home: --home, else $PARLEY_HOME, else $XDG_DATA_HOME/parley, else ~/.local/share/parley.",
        "использование:\n"
        "  parleyd [--home КАТАЛОГ] init --name ИМЯ [--listen tcp://IP:ПОРТ] [--announce "
        "tcp://ХОСТ:ПОРТ]\n"
        "  parleyd [--home КАТАЛОГ] [--listen tcp://IP:ПОРТ]  запустить узел до SIGINT/SIGTERM\n"
        "  parleyd [--home КАТАЛОГ] network create --name ИМЯ --out ФАЙЛ\n"
        "      этот узел становится якорем новой сети; ФАЙЛ — её подписанный устав\n"
        "  parleyd [--home КАТАЛОГ] init --name ИМЯ --charter ФАЙЛ   новый узел, вступающий в эту "
        "сеть\n"
        "  parleyd [--home КАТАЛОГ] rotate-keys   новые ключи личности, переданные старыми\n"
        "      (узел должен быть остановлен; контакты и рекомендации переходят к новым ключам)\n"
        "параметры: --passphrase-file ФАЙЛ, --kdf interactive|moderate (для init), --log-level "
        "УРОВЕНЬ,\n"
        "           --durability crash|power-loss, --lang en|ru, --help, --version\n"
        "--durability power-loss: каждая запись переживает отключение питания (fsync каждый раз);\n"
        "по умолчанию, crash, запись переживает любой сбой parleyd, но не отключение питания.\n"
        "Пароль берётся из PARLEY_PASSPHRASE, иначе из --passphrase-file, иначе запрашивается.\n"
        "Каталог: --home, иначе $PARLEY_HOME, иначе $XDG_DATA_HOME/parley, иначе "
        "~/.local/share/parley."}},
      {Text::kUnknownOption,
       {"parleyd: unknown option or command '{0}'; see: parleyd --help",
        "parleyd: неизвестный параметр или команда «{0}»; см. parleyd --help"}},
      {Text::kMissingValue,
       {"parleyd: option {0} needs a value; see: parleyd --help",
        "parleyd: параметру {0} нужно значение; см. parleyd --help"}},
      {Text::kNameRequired,
       {"parleyd: init needs --name NAME (how your contacts will see you)",
        "parleyd: для init нужен --name ИМЯ (так вас увидят ваши контакты)"}},
      {Text::kNoHome,
       {"parleyd: cannot tell where your home is; pass --home DIR or set PARLEY_HOME",
        "parleyd: не удаётся определить каталог узла; укажите --home КАТАЛОГ или PARLEY_HOME"}},
      {Text::kStoreExists,
       {"parleyd: {0} already holds a node; start it with: parleyd --home {0}",
        "parleyd: в {0} уже есть узел; запустите его: parleyd --home {0}"}},
      {Text::kNoStore,
       {"parleyd: no node in {0}; create one with: parleyd --home {0} init --name NAME",
        "parleyd: в {0} нет узла; создайте его: parleyd --home {0} init --name ИМЯ"}},
      {Text::kWrongPassphrase,
       {"parleyd: wrong passphrase for {0}; nothing was changed, try again",
        "parleyd: неверный пароль для {0}; ничего не изменено, попробуйте ещё раз"}},
      {Text::kStoreDamaged,
       {"parleyd: the store in {0} is damaged ({1}); restore it from a backup",
        "parleyd: хранилище в {0} повреждено ({1}); восстановите его из резервной копии"}},
      {Text::kAlreadyRunning,
       {"parleyd: a node is already running for {0}; use it with: parley --home {0} status",
        "parleyd: узел для {0} уже запущен; обращайтесь к нему: parley --home {0} status"}},
      {Text::kCannotListen,
       {"parleyd: cannot listen: {0}; choose another port with --listen tcp://IP:PORT",
        "parleyd: не удаётся принимать соединения: {0}; выберите другой порт: --listen "
        "tcp://IP:ПОРТ"}},
      {Text::kHomeTooLong,
       {"parleyd: the home path {0} is too long for the local API socket; choose a shorter --home",
        "parleyd: путь {0} слишком длинный для сокета локального API; выберите более короткий "
        "--home"}},
      {Text::kNoPassphrase,
       {"parleyd: no passphrase: set PARLEY_PASSPHRASE, pass --passphrase-file FILE, or run on a "
        "terminal",
        "parleyd: нет пароля: задайте PARLEY_PASSPHRASE, укажите --passphrase-file ФАЙЛ или "
        "запустите в терминале"}},
      {Text::kPassphraseMismatch,
       {"parleyd: the passphrases do not match; nothing was created",
        "parleyd: пароли не совпадают; ничего не создано"}},
      {Text::kPassphraseEmpty,
       {"parleyd: the passphrase is empty; choose one (it encrypts everything on disk)",
        "parleyd: пароль пуст; задайте его (он шифрует всё на диске)"}},
      {Text::kPassphrasePrompt, {"Passphrase for {0}: ", "Пароль для {0}: "}},
      {Text::kPassphraseRepeat, {"Repeat the passphrase: ", "Повторите пароль: "}},
      {Text::kInitialized, {"Created the node \"{0}\" in {1}.", "Узел «{0}» создан в {1}."}},
      {Text::kInitNext,
       {"Start it with: parleyd --home {0}\nThen show your card with: parley --home {0} invite",
        "Запустите его: parleyd --home {0}\nЗатем покажите свою визитку: parley --home {0} "
        "invite"}},
      {Text::kNeedsAnnounce,
       {"parleyd: {0} listens on all interfaces; say where contacts reach you with --announce "
        "tcp://HOST:PORT",
        "parleyd: {0} принимает на всех интерфейсах; укажите адрес для контактов: --announce "
        "tcp://ХОСТ:ПОРТ"}},
      {Text::kInvalidEndpoint,
       {"parleyd: '{0}' is not an endpoint like tcp://127.0.0.1:7470",
        "parleyd: «{0}» — не адрес вида tcp://127.0.0.1:7470"}},
      {Text::kFailed, {"parleyd: {0}", "parleyd: {0}"}},
      {Text::kDiskFull,
       {"parleyd: the disk is full; free some space and try again ({0})",
        "parleyd: диск заполнен; освободите место и повторите ({0})"}},
      {Text::kUnknownDurability,
       {"parleyd: --durability must be crash or power-loss, not '{0}'",
        "parleyd: --durability должен быть crash или power-loss, а не «{0}»"}},
      {Text::kUnknownKdf,
       {"parleyd: --kdf must be interactive or moderate",
        "parleyd: --kdf должен быть interactive или moderate"}},
      {Text::kOldZmq,
       {"parleyd: libzmq {0} is too old (CVE-2019-13132); install 4.3.2 or newer",
        "parleyd: libzmq {0} слишком стар (CVE-2019-13132); установите 4.3.2 или новее"}},
      {Text::kOutRequired,
       {"parleyd: network create needs --out FILE, the file the charter is written to",
        "parleyd: для network create нужен --out ФАЙЛ — файл, куда записать устав"}},
      {Text::kNotACharter,
       {"parleyd: {0} is not a valid charter ({1}); ask the secretariat for the file again",
        "parleyd: {0} — не действительный устав ({1}); запросите файл у секретариата ещё раз"}},
      {Text::kNetworkCreated,
       {"Created the network \"{0}\"; this node is its anchor. Charter written to {1}.",
        "Сеть «{0}» создана; этот узел — её якорь. Устав записан в {1}."}},
      {Text::kNetworkNext,
       {"Anchor fingerprint: {0} (members compare it with `parley network`).\n"
        "Members join with: parleyd init --name NAME --charter {1}",
        "Отпечаток якоря: {0} (участники сверяют его с выводом `parley network`).\n"
        "Участники вступают так: parleyd init --name ИМЯ --charter {1}"}},
      {Text::kJoinedNetwork,
       {"Joined the network \"{0}\" (anchor fingerprint {1}).",
        "Узел вступил в сеть «{0}» (отпечаток якоря {1})."}},
      {Text::kAlreadyInNetwork,
       {"parleyd: this node belongs to a network already; a node belongs to one network",
        "parleyd: этот узел уже состоит в сети; узел может состоять только в одной сети"}},
      {Text::kCannotWrite,
       {"parleyd: cannot write {0}; check the path and permissions",
        "parleyd: не удаётся записать {0}; проверьте путь и права доступа"}},
      {Text::kRotationNeedsNetwork,
       {"parleyd: keys are rotated within a network; join one first (parleyd init --charter FILE)",
        "parleyd: ключи сменяются внутри сети; сначала вступите в сеть (parleyd init --charter "
        "ФАЙЛ)"}},
      {Text::kRotationRevoked,
       {"parleyd: this node's key is revoked and cannot hand over; set up a new node instead",
        "parleyd: ключ этого узла отозван и не может передать полномочия; создайте новый узел"}},
      {Text::kRotationKnown,
       {"parleyd: a rotation of this node's key, made elsewhere, is already known; if the key "
        "was copied, revoke it (parley revoke --yes) and set up a new node",
        "parleyd: смена ключа этого узла, сделанная где-то ещё, уже известна; если ключ "
        "скопирован, отзовите его (parley revoke --yes) и создайте новый узел"}},
      {Text::kRotationLimit,
       {"parleyd: this identity has rotated its keys {0} times, the most a network follows; "
        "set up a new node (parleyd init) and ask your contacts to add its card",
        "parleyd: ключи этой личности сменялись уже {0} раз, больше сеть не отслеживает; "
        "создайте новый узел (parleyd init) и попросите контакты добавить его карточку"}},
      {Text::kKeysRotated,
       {"Keys rotated: {0} is now {1}. Start the node again; contacts follow when they next "
        "connect, and every member after sync. Each contact sends you no message until they "
        "have compared your new safety number with you: call them.",
        "Ключи сменены: {0} теперь {1}. Запустите узел снова; контакты перейдут на новые ключи "
        "при следующем соединении, остальные участники — после синхронизации. Контакты не "
        "отправят вам сообщений, пока не сверят с вами новый код безопасности: позвоните им."}},
  };
  return kCatalogue;
}

void ReplaceAll(std::string& text, std::string_view token, std::string_view value) {
  for (auto at = text.find(token); at != std::string::npos;
       at = text.find(token, at + value.size())) {
    text.replace(at, token.size(), value);
  }
}

}  // namespace

Language ParseLanguage(std::string_view name, Language fallback) {
  if (name.substr(0, 2) == "ru") return Language::kRussian;
  if (name.substr(0, 2) == "en") return Language::kEnglish;
  return fallback;
}

Language LanguageFromEnvironment() {
  for (const char* variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(variable);
    if (value != nullptr && *value != '\0') return ParseLanguage(value, Language::kEnglish);
  }
  return Language::kEnglish;
}

std::string Message(Language language, Text text, std::string_view arg0, std::string_view arg1) {
  const Entry& entry = Catalogue().at(text);
  std::string result = language == Language::kRussian ? entry.ru : entry.en;
  ReplaceAll(result, "{0}", arg0);
  ReplaceAll(result, "{1}", arg1);
  return result;
}

}  // namespace parley::app
