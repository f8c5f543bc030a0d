// English sentences of the catalogue (see catalogue.h). Keep keys in the same
// order as messages_ru.cc.
#include "client/i18n/catalogue.h"

namespace parley::client::i18n {

const Messages& EnglishMessages() {
  static const Messages kMessages = {
      // ---------------------------------------------------------- daemon errors
      {"error.bad_request",
       "The daemon rejected the request ({detail}). parley and parleyd may be of different "
       "versions; install matching versions of both."},
      {"error.bad_request_plain",
       "The daemon rejected the request. parley and parleyd may be of different versions; "
       "install matching versions of both."},
      {"error.unknown_contact",
       "No contact named '{alias}'. See your contacts with: parley contacts list"},
      {"error.unknown_contact_plain",
       "No such contact. See your contacts with: parley contacts list"},
      {"error.alias_taken",
       "The alias '{alias}' is already used by another contact. Choose a different one with "
       "--alias."},
      {"error.alias_taken_plain",
       "That alias is already used by another contact. Choose a different one with --alias."},
      {"error.invalid_card",
       "This is not a valid contact card ({detail}). Ask for the card again and copy the whole "
       "line starting with 'parley:'."},
      {"error.invalid_card_plain",
       "This is not a valid contact card. Ask for the card again and copy the whole line "
       "starting with 'parley:'."},
      {"error.contact_exists",
       "This person is already in your contacts as '{alias}'. See: parley contacts list"},
      {"error.contact_exists_plain",
       "This person is already among your contacts or requests. See: parley contacts list, "
       "parley requests"},
      {"error.own_card", "This is your own card. Add the card of the person you want to write to."},
      {"error.unknown_request",
       "No waiting request has the ID {id}. See the requests with: parley requests"},
      {"error.unknown_request_plain",
       "No such request is waiting. See the requests with: parley requests"},
      {"error.message_too_long",
       "The message is too long: at most {limit} bytes can be sent at once. Split it into "
       "several messages."},
      {"error.message_too_long_plain", "The message is too long. Split it into several messages."},
      {"error.empty_message", "The message is empty. Write the text you want to send."},
      {"error.invalid_alias",
       "'{alias}' cannot be an alias: use 1 to 64 bytes without spaces or control characters, "
       "not starting with '-'."},
      {"error.invalid_alias_plain",
       "That alias cannot be used: use 1 to 64 bytes without spaces or control characters, not "
       "starting with '-'."},
      {"error.storage_failed",
       "The daemon could not save the change (the disk may be full, or a read or write failed). "
       "Free some disk space, look at the parleyd log, and try again."},
      {"error.internal",
       "The daemon hit an internal error. Look at the parleyd log and try again; if it happens "
       "again, tell your administrator."},
      {"error.unknown_code",
       "The daemon reported an error this version of parley does not know (code {code}: "
       "{detail}). Install matching versions of parley and parleyd."},

      // ---------------------------------------------------------- client errors
      {"error.no_daemon", "no daemon is running for {home}; start it with: parleyd --home {home}"},
      {"error.daemon_unreachable",
       "cannot connect to the daemon at {socket}: {reason}. Check that --home points to your own "
       "node ({home})."},
      {"error.not_responding",
       "the daemon for {home} is not responding (no reply in {seconds} s); check that it is "
       "running, or restart it: parleyd --home {home}"},
      {"error.bad_reply",
       "The daemon sent a reply parley does not understand. parley and parleyd may be of "
       "different versions; install matching versions of both."},
      {"error.transport", "Talking to the daemon failed ({reason}). Try again."},
      {"error.no_home", "Cannot find your home directory. Pass --home DIR or set PARLEY_HOME."},
      {"error.home_too_long",
       "The path of the home directory is too long for the daemon's sockets (at most {max} "
       "bytes, including '/events.sock'): {home}. Choose a shorter path with --home."},
      {"error.stdin_read", "Could not read the message from standard input ({reason})."},
      {"error.stdin_not_utf8",
       "The text on standard input is not valid UTF-8. Save it in UTF-8 and try again."},
      {"error.unexpected", "Unexpected error: {detail}"},
      {"warning.qr_too_long",
       "The card is too long to draw as a QR code; give the line of text instead."},

      // ----------------------------------------------------------- usage errors
      {"usage.missing_command", "No command given."},
      {"usage.unknown_command", "Unknown command '{command}'."},
      {"usage.unknown_option", "Unknown option '{option}'."},
      {"usage.option_not_for_command", "The command '{command}' has no option '{option}'."},
      {"usage.option_needs_value", "The option '{option}' needs a value."},
      {"usage.option_takes_no_value", "The option '{option}' takes no value."},
      {"usage.missing_argument", "Missing {argument} for '{command}'."},
      {"usage.too_many_arguments",
       "Too many arguments for '{command}': '{argument}' is not expected."},
      {"usage.missing_option", "The command '{command}' needs {option}."},
      {"usage.bad_lang", "Unknown language '{value}': use --lang en or --lang ru."},
      {"usage.bad_limit", "--limit needs a whole number from 1 to 10000, not '{value}'."},
      {"usage.bad_request_id",
       "A request ID is a number shown by 'parley requests', not '{value}'."},
      {"usage.no_json", "'{command}' is interactive and has no --json output."},
      {"usage.not_utf8",
       "An argument is not valid UTF-8 text. Switch your terminal to UTF-8 (for example "
       "LANG=en_US.UTF-8) and try again."},
      {"usage.see_help", "see: parley help {command}"},
      {"usage.see_help_overview", "see: parley help"},

      // ------------------------------------------------------------------ status
      {"status.name", "Name"},
      {"status.fingerprint", "Fingerprint"},
      {"status.listen", "Listening on"},
      {"status.contacts", "Contacts"},
      {"status.requests", "Waiting requests"},
      {"status.queued", "Undelivered messages"},
      {"status.version", "Daemon version"},
      {"status.requests_hint", "Someone new has written to you; see: parley requests"},

      // ------------------------------------------------------- invite, contacts
      {"invite.hint",
       "Give this card to the person you want to talk to, in person or over a channel you "
       "trust. They add you with: parley contacts add CARD --alias ALIAS"},
      {"contacts.added",
       "Added {alias} (fingerprint {fingerprint}).\nBefore sharing anything sensitive, compare "
       "safety numbers:\n  parley contacts verify {alias}"},
      {"contacts.accepted",
       "Accepted: {name} is now your contact {alias}. Read their messages with: parley messages "
       "{alias}"},
      {"contacts.rejected",
       "Rejected request {id}: it and its messages are gone. If that person writes again, the "
       "request will reappear."},
      {"contacts.none",
       "You have no contacts yet. Add one with: parley contacts add CARD --alias ALIAS"},
      {"verify.title", "Safety number for you and {alias}:"},
      {"verify.compare",
       "Compare it with the number {alias} sees, in person or over a call where you recognise the "
       "voice. If all 60 digits match, mark the contact as verified:\n  parley contacts verify "
       "{alias} --confirm\nIf they differ, do not use this contact: the card may have been "
       "replaced on the way."},
      {"verify.confirmed", "{alias} is now marked as verified."},
      {"verify.already", "{alias} is verified."},
      {"requests.none", "No requests are waiting."},
      {"requests.hint",
       "Check the fingerprint with the person, then accept with: parley contacts accept ID "
       "--alias ALIAS"},

      // -------------------------------------------------------- send, messages
      {"send.queued", "Message to {alias} queued for delivery (id {id})."},
      {"messages.none", "No messages with {alias} yet."},
      {"messages.me", "me"},
      {"state.queued", "queued"},
      {"state.sent", "sent"},
      {"state.delivered", "delivered"},
      {"trust.verified", "verified"},
      {"trust.unverified", "unverified"},
      {"online.yes", "yes"},
      {"online.no", "no"},

      // ---------------------------------------------------------- table headers
      {"col.alias", "ALIAS"},
      {"col.name", "NAME"},
      {"col.trust", "TRUST"},
      {"col.online", "ONLINE"},
      {"col.fingerprint", "FINGERPRINT"},
      {"col.id", "ID"},
      {"col.messages", "MESSAGES"},
      {"col.received", "RECEIVED"},
      {"col.time", "TIME"},
      {"col.from", "FROM"},
      {"col.state", "STATE"},
      {"col.text", "TEXT"},

      // -------------------------------------------------------------------- chat
      {"chat.header",
       "Chat with {alias}. Type a message and press Enter; /help lists commands, /quit leaves."},
      {"chat.help",
       "/quit    leave the chat (Ctrl+D works too)\n/help    list these commands\n//text   "
       "send a message that starts with '/'"},
      {"chat.unknown_command",
       "Unknown chat command '{command}'; /help lists them. To send a text starting with '/', "
       "begin it with '//'."},
      {"chat.online", "* {alias} is online"},
      {"chat.offline", "* {alias} went offline"},
      {"chat.sent", "✓ sent: {text}"},
      {"chat.delivered", "✓✓ delivered: {text}"},

      // ------------------------------------------------------------------- misc
      {"spinner.waiting", "waiting for parleyd…"},
      {"version.line", "parley {version}"},

      // -------------------------------------------------------------------- help
      {"help.usage_label", "Usage:"},
      {"help.intro",
       "parley is the command-line client of Parley, a peer-to-peer messenger with\n"
       "end-to-end encryption. It only talks to your own daemon, parleyd, which keeps\n"
       "your keys and messages; start that first: parleyd --home DIR"},
      {"help.usage_overview", "Usage: parley [GLOBAL OPTIONS] COMMAND [ARGUMENTS]"},
      {"help.commands_title", "Commands:"},
      {"help.contacts_group", "Commands for contacts:"},
      {"help.global_options",
       "Global options (anywhere on the line):\n"
       "  --home DIR     the node's home directory (default: $PARLEY_HOME, else\n"
       "                 $XDG_DATA_HOME/parley, else ~/.local/share/parley)\n"
       "  --json         print exactly one JSON document on standard output, errors too\n"
       "  --lang en|ru   language of messages (default: from LC_ALL, LC_MESSAGES, LANG)\n"
       "  --help, -h     help for the command\n"
       "  --version      print the version of parley"},
      {"help.exit_codes",
       "Exit codes:\n"
       "  0  success\n"
       "  1  the daemon reported an error (the message says what to do next)\n"
       "  2  usage error: unknown command or option, missing argument\n"
       "  3  no daemon is running for the home directory, or it does not respond"},
      {"help.environment",
       "Environment:\n  PARLEY_HOME        the default home directory\n  PARLEY_TIMEOUT_MS  how "
       "long to wait for the daemon, in ms (default 15000)"},
      {"help.more", "Details and examples: parley help COMMAND"},

      {"summary.status", "your node: fingerprint, address, counts"},
      {"summary.invite", "print your contact card (--qr: QR code)"},
      {"summary.contacts_add", "add a contact from their card"},
      {"summary.contacts_list", "list your contacts"},
      {"summary.contacts_verify", "compare safety numbers, mark verified"},
      {"summary.contacts_accept", "accept a request from someone new"},
      {"summary.contacts_reject", "reject a request and delete its messages"},
      {"summary.requests", "list people who wrote to you first"},
      {"summary.send", "send a message (TEXT \"-\": from stdin)"},
      {"summary.messages", "show the latest messages with a contact"},
      {"summary.chat", "talk with a contact live"},
      {"summary.help", "show help for all commands or one"},

      {"help.status",
       "Shows your node: your name and fingerprint, the address other nodes reach it on, how\n"
       "many contacts you have, requests waiting, and messages not yet delivered.\n\n"
       "Examples:\n"
       "  parley status\n"
       "  parley --json status"},
      {"help.invite",
       "Prints your contact card: one line starting with \"parley:\". Give it to the person\n"
       "you want to talk to, in person or over a channel you trust; they add you with\n"
       "\"parley contacts add\". The card holds only public keys and your address.\n\n"
       "Options:\n"
       "  --qr   also draw the card as a QR code, to scan with a phone\n\n"
       "Examples:\n"
       "  parley invite\n"
       "  parley invite --qr"},
      {"help.contacts_add",
       "Adds a contact from the card they gave you, under a short name of your choice\n"
       "(ALIAS), which you then use in every other command. Afterwards compare safety\n"
       "numbers with \"parley contacts verify ALIAS\".\n\n"
       "An alias has no spaces and does not start with '-'.\n\n"
       "Example:\n"
       "  parley contacts add parley:AbC...xyz --alias ivanov"},
      {"help.contacts_list",
       "Lists your contacts: alias, the name from their card, whether you have verified\n"
       "them, whether they are online now, and their fingerprint.\n\n"
       "Examples:\n"
       "  parley contacts list\n"
       "  parley --json contacts list"},
      {"help.contacts_verify",
       "Shows the safety number you share with a contact: 60 digits that the contact sees\n"
       "too. Compare them in person or over a call where you recognise the voice. If all\n"
       "digits match, mark the contact as verified with --confirm. If they do not match,\n"
       "do not use this contact: the card may have been replaced on the way.\n\n"
       "Options:\n"
       "  --confirm   mark the contact as verified (after comparing)\n\n"
       "Examples:\n"
       "  parley contacts verify ivanov\n"
       "  parley contacts verify ivanov --confirm"},
      {"help.contacts_accept",
       "Accepts a request: the person who wrote to you first becomes a contact, and their\n"
       "waiting messages can be read with \"parley messages ALIAS\". \"parley requests\"\n"
       "shows the ID.\n\n"
       "Options:\n"
       "  --alias ALIAS   the alias to save them under (default: from the name in\n"
       "                  their card)\n\n"
       "Example:\n"
       "  parley contacts accept 7 --alias petrov"},
      {"help.contacts_reject",
       "Rejects a request: forgets the person who wrote to you first and deletes what they\n"
       "sent. Use it for requests you do not recognise; at most 100 requests can wait,\n"
       "and further first messages are held back by their senders until there is room.\n"
       "\"parley requests\" shows the ID.\n\n"
       "Example:\n"
       "  parley contacts reject 7"},
      {"help.requests",
       "Lists requests: people who are not in your contacts but have written to you.\n"
       "Check the fingerprint with the person before accepting with\n"
       "\"parley contacts accept ID\".\n\n"
       "Example:\n"
       "  parley requests"},
      {"help.send",
       "Sends a text message to a contact. The message is queued and delivered when the\n"
       "contact can be reached; \"parley messages ALIAS\" shows its state. Several words are\n"
       "joined with spaces; quote the text to keep it exactly as it is. With TEXT \"-\" the\n"
       "text is read from standard input. Put \"--\" before a text that starts with '-'.\n\n"
       "Examples:\n"
       "  parley send ivanov \"The meeting moved to 15:00\"\n"
       "  parley send ivanov - < report.txt\n"
       "  parley send ivanov -- \"-5 °C in Moscow\""},
      {"help.messages",
       "Shows the latest messages with a contact, oldest first, with the state of the ones\n"
       "you sent: queued (waiting to be sent), sent, delivered (the contact has it).\n\n"
       "Options:\n"
       "  --limit N   how many of the latest messages to show (default 50)\n\n"
       "Examples:\n"
       "  parley messages ivanov\n"
       "  parley messages ivanov --limit 10"},
      {"help.chat",
       "Talks with a contact live: shows the last 20 messages, then prints new ones as they\n"
       "arrive. Every line you type is sent as a message; delivery is shown as ✓ (sent)\n"
       "and ✓✓ (delivered).\n\n"
       "Commands in the chat:\n"
       "  /quit    leave the chat (Ctrl+D works too)\n"
       "  /help    list these commands\n"
       "  //text   send a message that starts with '/'\n\n"
       "Example:\n"
       "  parley chat ivanov"},
      {"help.help",
       "Shows the list of commands, or the details and examples of one command.\n\n"
       "Examples:\n"
       "  parley help\n"
       "  parley help contacts add"},
  };
  return kMessages;
}

}  // namespace parley::client::i18n
