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
      {"error.storage_failed.disk_full",
       "The disk of your node is full, so nothing was saved. Free some disk space on this "
       "machine and try again."},
      {"error.internal",
       "The daemon hit an internal error. Look at the parleyd log and try again; if it happens "
       "again, tell your administrator."},
      {"error.no_network",
       "This node has not joined a network, so it has no directory and no profiles. A node joins "
       "a network when it is set up, with the charter file from the network's secretariat: "
       "parleyd --home DIR init --name NAME --charter FILE. A secretariat creates a new network "
       "with: parleyd --home DIR network create --name NAME --out FILE"},
      {"error.invalid_profile",
       "The daemon did not accept the profile field '{field}'. What each field may hold: parley "
       "help profile set"},
      {"error.invalid_profile_plain",
       "The daemon did not accept the profile. What each field may hold: parley help profile "
       "set"},
      {"error.invalid_profile.name",
       "A profile needs a name: give --name-latin, --name-cyrillic or both."},
      {"error.invalid_profile.name_latin",
       "--name-latin is not accepted: give your name in Latin script as one line of at most 128 "
       "bytes, without control characters, for example --name-latin \"Anna Petrova\"."},
      {"error.invalid_profile.name_cyrillic",
       "--name-cyrillic is not accepted: give your name in Cyrillic script as one line of at most "
       "128 bytes, without control characters, for example --name-cyrillic \"Анна Петрова\"."},
      {"error.invalid_profile.state",
       "--state must be the two-letter ISO 3166 code of a state, for example UZ, AM or DE."},
      {"error.invalid_profile.organisation",
       "--org is not accepted: give your organisation as one line of at most 256 bytes, without "
       "control characters."},
      {"error.invalid_profile.role",
       "--role is not accepted: give your role as one line of at most 256 bytes, without control "
       "characters."},
      {"error.invalid_profile.bio",
       "--bio is not accepted: at most 2048 bytes of text, without control characters other than "
       "line breaks."},
      {"error.invalid_profile.areas",
       "--areas must be area slugs listed by 'parley network', separated by commas (at most 16), "
       "for example --areas legal-migration,integration."},
      {"error.invalid_profile.languages",
       "--languages must be two-letter ISO 639-1 language codes separated by commas (at most 16), "
       "for example --languages ru,en."},
      {"error.no_profile",
       "{alias} has not published a profile yet, or it has not reached your node. They publish "
       "one with: parley profile set"},
      {"error.no_own_profile",
       "You have no profile yet. Set one with: parley profile set --name-latin NAME --state XX "
       "--org ORG (see: parley help profile set)"},
      {"error.not_anchor",
       "Only the network's anchor (the secretariat's node) can name or suspend contact points. "
       "Ask your secretariat to do it; 'parley network' shows whether this node is an anchor."},
      {"error.not_endorser",
       "Only the network's anchor or a National Contact Point can endorse members, and this node "
       "is neither. Ask the contact point of the person's state to endorse them; see who it is "
       "with: parley contact-point list"},
      {"error.wrong_state",
       "You are the contact point of {state}; {alias}'s profile names another state — only that "
       "state's contact point or the anchor can endorse them."},
      {"error.wrong_state_plain",
       "This contact's profile names a state you are not the contact point of — only that "
       "state's contact point or the anchor can endorse them."},
      {"error.not_contact_point",
       "'{alias}' is not an active contact point. See the contact points with: parley "
       "contact-point list"},
      {"error.not_contact_point_plain",
       "That contact is not an active contact point. See the contact points with: parley "
       "contact-point list"},
      {"error.invalid_state",
       "'{state}' is not a state code: give the two-letter ISO 3166 code of a state, for example "
       "--state UZ, AM or DE."},
      {"error.invalid_state_plain",
       "--state needs the two-letter ISO 3166 code of a state, for example UZ, AM or DE."},
      {"error.already_suspended",
       "{alias} is already suspended as a contact point; nothing changed. See the contact points "
       "with: parley contact-point list"},
      {"error.already_suspended_plain",
       "That contact point is already suspended; nothing changed. See the contact points with: "
       "parley contact-point list"},
      {"error.key_revoked",
       "{alias}'s key is revoked: messages to and from it are refused. Ask them for their new "
       "card."},
      {"error.key_changed",
       "{alias}'s identity key changed: no message goes to them until you compare the new safety "
       "number. See it with: parley contacts verify {alias}"},
      {"error.key_changed_plain",
       "That contact's identity key changed: no message goes to them until you compare the new "
       "safety number (parley contacts verify ALIAS)."},
      {"error.number_not_shown",
       "{alias}'s key changed, and you have not seen the safety number of their present key. "
       "Show it with: parley contacts verify {alias} -- compare it, then confirm."},
      {"error.number_not_shown_plain",
       "That contact's key changed, and you have not seen the safety number of their present "
       "key. Show it with: parley contacts verify ALIAS -- compare it, then confirm."},
      {"error.own_key_revoked",
       "This node's key is revoked: other nodes refuse everything it signs. Create a new node "
       "(parleyd init) and share its card."},
      {"error.invalid_revocation",
       "This is not a valid revocation certificate for this network ({detail}). Publish the file "
       "that 'parley revoke --export FILE' wrote on the node whose key is to be revoked."},
      {"error.invalid_revocation_plain",
       "This is not a valid revocation certificate for this network. Publish the file that "
       "'parley revoke --export FILE' wrote on the node whose key is to be revoked."},
      {"error.not_revoker",
       "Only the network's anchor or the contact point that endorsed {alias} can revoke their "
       "key, and this node is neither. Ask the secretariat or that contact point (parley profile "
       "show {alias} shows who endorsed them)."},
      {"error.not_revoker_plain",
       "Only the network's anchor or the contact point that endorsed that contact can revoke "
       "their key, and this node is neither. Ask the secretariat or that contact point."},
      {"error.unknown_introduction", "No introduction {id}: see parley introductions."},
      {"error.unknown_introduction_plain", "No such introduction: see parley introductions."},
      {"error.same_contact",
       "Both aliases name the same contact: introduce two different contacts to each other."},
      {"error.invalid_taxonomy",
       "The taxonomy is not valid: {detail}; fix the file and try again."},
      {"error.invalid_taxonomy_plain", "The taxonomy is not valid; fix the file and try again."},
      {"error.invalid_anchor",
       "The change of anchors is not valid: {detail}. 'parley network' lists the anchors' "
       "fingerprints; a new anchor's key comes from 'parley network anchor-key' on its node."},
      {"error.invalid_anchor_plain",
       "The change of anchors is not valid. 'parley network' lists the anchors' fingerprints."},
      {"error.not_first_anchor",
       "Only the network's first anchor signs charter amendments, and this node is another "
       "anchor. Ask the first anchor ('parley network' lists it first)."},
      {"error.not_anchor_amend",
       "Only the network's anchor (the secretariat's node) can amend the charter. 'parley "
       "network' shows whether this node is an anchor."},
      {"error.note_too_long",
       "The note is too long: at most {limit} bytes. Shorten it, and send the rest as a "
       "message."},
      {"error.introduction_invalid_card",
       "The card in this introduction is not valid ({detail}). Decline it, and ask for the "
       "person's card directly."},
      {"error.introduction_invalid_card_plain",
       "The card in this introduction is not valid. Decline it, and ask for the person's card "
       "directly."},
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
      {"error.file_exists",
       "{file} already exists, and parley does not overwrite it. Choose a new file name, or move "
       "the old file away first."},
      {"error.file_write", "Could not write {file} ({reason}); nothing was saved."},
      {"error.file_read",
       "Could not read {file} ({reason}). Give the file that 'parley revoke --export FILE' "
       "wrote."},
      {"error.not_a_certificate",
       "{file} does not hold a revocation certificate: that is one line of text starting with "
       "'parley-revocation:', as 'parley revoke --export FILE' writes it."},
      {"error.revoke_not_confirmed",
       "This revokes this node's key for good: every node will refuse it, and nothing can undo "
       "it. To go ahead, run: parley revoke --yes (to only make a certificate for later: parley "
       "revoke --export FILE)"},
      {"error.remove_not_confirmed",
       "This forgets {alias} and deletes your whole conversation with them, messages still "
       "waiting to go included; nothing can undo it. To go ahead, run: parley contacts remove "
       "{alias} --yes"},
      {"error.taxonomy_read",
       "Could not read {file} ({reason}). Export the taxonomy to a file first: parley --json "
       "network > taxonomy.json"},
      {"error.taxonomy_too_large",
       "{file} is too large for a taxonomy (at most {limit} KiB). Give the file that 'parley "
       "--json network' printed, edited."},
      {"error.taxonomy_not_json",
       "{file} is not valid JSON: see line {line}, column {column}. Check the quotes, commas and "
       "brackets there, and that the file is saved in UTF-8."},
      {"error.taxonomy_no_areas",
       "{file} has no \"areas\" list. Give what 'parley --json network' prints, or just its list "
       "of areas."},
      {"error.taxonomy_empty",
       "{file} lists no areas, and a charter needs at least one. To keep the taxonomy and change "
       "only the name, leave out --taxonomy."},
      {"error.taxonomy_not_list",
       "{file}: {field} must be a list, in square brackets, as 'parley --json network' prints "
       "it."},
      {"error.taxonomy_not_object",
       "{file}: {field} must be an object, in braces, as 'parley --json network' prints it."},
      {"error.taxonomy_missing",
       "{file}: {field} is missing. Every area and topic needs \"slug\", \"name_en\" and "
       "\"name_ru\"."},
      {"error.taxonomy_not_string", "{file}: {field} must be text in double quotes."},
      {"error.taxonomy_not_bool", "{file}: {field} must be true or false."},
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
      {"usage.bad_limit", "--limit needs a whole number from 1 to {max}, not '{value}'."},
      {"usage.bad_offset", "--offset needs a whole number from 0 to {max}, not '{value}'."},
      {"usage.bad_state_filter",
       "--state needs the two-letter ISO 3166 code of a state, such as UZ or AM, not '{value}'."},
      {"usage.bad_language_filter",
       "After 'directory search', --lang filters by a language the experts speak and needs a "
       "two-letter ISO 639-1 code such as ru or en, not '{value}'. To choose the language of "
       "parley's messages, put --lang before the command: parley --lang ru directory search ..."},
      {"usage.profile_set_nothing",
       "Say what to change: 'profile set' needs at least one option, for example --org ORG."},
      {"usage.network_amend_nothing",
       "Say what to amend: 'network amend' needs --taxonomy FILE, --name NAME, --add-anchor "
       "KEY, --remove-anchor FINGERPRINT or --first-anchor FINGERPRINT."},
      {"usage.empty_network_name",
       "--name needs the network's new name; to keep the name, leave out --name."},
      {"usage.revoke_one_mode",
       "Give only one of --export, --publish, --member and --yes, not both {first} and "
       "{second}."},
      {"usage.incomplete_command", "'{command}' needs a command after it."},
      {"usage.bad_request_id",
       "A request ID is a number shown by 'parley requests', not '{value}'."},
      {"usage.bad_introduction_id",
       "An introduction ID is a number shown by 'parley introductions', not '{value}'."},
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
      {"contacts.removed",
       "Removed {alias}: their card and your conversation with them are gone. If they write "
       "again, it comes as a request (parley requests)."},
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
      {"verify.key_changed",
       "{alias}'s identity key changed (they rotated their keys, or someone who stole the old key "
       "did). No message goes to them until you compare this new number with the one {alias} "
       "sees, in person or over a call where you recognise the voice. If all 60 digits match:\n  "
       "parley contacts verify {alias} --confirm\nIf they differ, do not confirm: ask {alias} "
       "for a new card and report the key as lost to their contact point."},
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
      {"trust.key_changed", "KEY CHANGED"},
      {"trust.revoked", "REVOKED"},
      {"online.yes", "yes"},
      {"online.no", "no"},

      // ------------------------------------------------ network, profile, directory
      {"network.name", "Network"},
      {"network.id", "Network ID"},
      {"network.charter_version", "Charter version"},
      {"network.anchor", "This node"},
      {"network.anchor_yes", "an anchor of the network (it holds an anchor key)"},
      {"network.anchor_no", "a member"},
      {"network.charter_fingerprint", "Anchor fingerprint"},
      {"network.anchor_first_yes", "the first anchor of the network (it signs amendments)"},
      {"network.anchors", "Anchors"},
      {"network.anchor_first", "{fingerprint} (first: signs amendments)"},
      {"network.anchor_key_made",
       "This node's anchor key:\n  {key}\nFingerprint: {fingerprint}\n\nGive the key to the "
       "network's first anchor, and compare the fingerprint with them in person or by phone. "
       "They make this node an anchor with:\n  parley network amend --add-anchor {key}"},
      {"network.anchor_key_is_anchor",
       "This node's anchor key is an anchor of the network:\n  {key}\nFingerprint: "
       "{fingerprint}"},
      {"network.areas_title", "Thematic areas (* marks the states' current priorities):"},
      {"network.no_areas", "The charter lists no thematic areas."},
      {"network.slugs_hint",
       "Use these slugs in 'parley profile set --areas SLUG,...' and 'parley directory search "
       "--area SLUG'."},
      {"network.amended",
       "Amended: the charter is signed, version {version}. Members receive it as the directory "
       "syncs."},
      {"profile.name_latin", "Name (Latin)"},
      {"profile.name_cyrillic", "Name (Cyrillic)"},
      {"profile.alias", "Alias"},
      {"profile.fingerprint", "Fingerprint"},
      {"profile.state", "State"},
      {"profile.org", "Organisation"},
      {"profile.role", "Role"},
      {"profile.areas", "Areas"},
      {"profile.languages", "Languages"},
      {"profile.trust", "Trust"},
      {"profile.version", "Version"},
      {"profile.updated", "Updated"},
      {"profile.expires", "Expires"},
      {"profile.bio", "About"},
      {"profile.saved",
       "Saved: your profile is signed, version {version}. Other members receive it as the "
       "directory syncs."},
      {"directory.trust_self", "you"},
      {"directory.trust_verified", "verified contact"},
      {"directory.trust_contact", "contact, not verified"},
      {"directory.trust_endorsed", "endorsed"},
      {"directory.trust_unknown", "unknown"},
      {"directory.trust_revoked", "REVOKED — do not trust this key"},
      {"directory.trust_key_changed", "contact, KEY CHANGED — compare safety numbers"},
      {"directory.none",
       "Nobody in the directory matches. Try fewer words or filters (area slugs are listed by "
       "'parley network')."},
      {"directory.past_end",
       "There are {total} results in all, and this page starts after the last one. Try a smaller "
       "--offset."},
      {"directory.count", "{from}–{to} of {total}."},
      {"directory.next", "Next page: the same command with --offset {offset}"},

      // ------------------------------------------- contact points, endorsements
      {"trust.endorsed_by_anchor", "endorsed by the anchor {anchor}"},
      {"trust.endorsed_by_contact_point",
       "endorsed by {name} (contact point of {state}) ← anchor {anchor}"},
      {"profile.endorsed_as", "Endorsed as"},
      {"profile.endorsed_member", "member of {organisation} ({state})"},
      {"profile.network_role", "Network role"},
      {"profile.contact_point_of", "National Contact Point of {state}"},
      {"contact_point.added",
       "{who} is now the National Contact Point of {state}; delegated by anchor {anchor}."},
      {"contact_point.added_hint",
       "From their own node they can now endorse members of {state} (parley endorse ALIAS --org "
       "ORG). Other nodes learn of the delegation as the directory syncs."},
      {"contact_point.suspended",
       "{who} is suspended as the National Contact Point of {state}. Every endorsement they made "
       "no longer holds: members' nodes stop counting them as the directory syncs."},
      {"contact_point.none",
       "The network has no National Contact Points yet. The anchor (the secretariat's node) names "
       "one with: parley contact-point add ALIAS --state XX"},
      {"contact_point.status_active", "active"},
      {"contact_point.status_suspended", "suspended"},
      {"endorse.done",
       "Endorsed {alias} as a member of {organisation} ({state}). Every member of the network "
       "will see their profile as the directory syncs."},

      // ------------------------------------------------------------------ revoke
      {"revoke.exported",
       "Wrote the revocation certificate of this node's key {fingerprint} to {file}.\n\n"
       "Whoever publishes this file revokes this node's key for good. Keep it offline: print it "
       "or copy it to a USB stick, keep that in a safe place, and delete the file from this "
       "computer. If this node's key is ever lost or stolen, publish the certificate from any "
       "node of the network (a colleague's, or your new one):\n"
       "  parley revoke --publish {file_arg}"},
      {"revoke.done", "Revoked key {fingerprint}; every node stops trusting it after sync."},
      {"revoke.done_contact",
       "Revoked {alias}'s key {fingerprint}; every node stops trusting it after sync."},
      {"revoke.own_key_hint",
       "This node's key can no longer be used: set up a new node (parleyd init) and share its "
       "new card."},

      // ----------------------------------------------------------- introductions
      {"introduce.done",
       "Introduced {alias1} and {alias2} to each other; each can accept with parley "
       "introductions accept ID."},
      {"introductions.none",
       "No introductions are waiting. A contact you both know can introduce you to someone with "
       "parley introduce."},
      {"introductions.hint",
       "Accept with: parley introductions accept ID [--alias ALIAS], or decline with: parley "
       "introductions decline ID"},
      {"introductions.accepted", "{name} is now your contact {alias}, introduced by {introducer}."},
      {"introductions.accepted_plain", "{name} is now your contact {alias}."},
      {"introductions.accepted_hint",
       "When you meet, compare safety numbers to mark them verified: parley contacts verify "
       "{alias}"},
      {"introductions.declined", "Declined introduction {id}; nobody was added."},
      {"trust.introduced_by", "{trust}, introduced by {alias}"},

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
      {"col.endorsement", "ENDORSEMENT"},
      {"col.member_state", "STATE"},
      {"col.status", "STATUS"},
      {"col.delegated", "DELEGATED"},
      {"col.note", "NOTE"},

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
       "your keys and messages; start that first: parleyd --home DIR\n\n"
       "Members of a network, such as the Prague Process, publish profiles and find\n"
       "each other in its directory: parley profile set, parley directory search."},
      {"help.usage_overview", "Usage: parley [GLOBAL OPTIONS] COMMAND [ARGUMENTS]"},
      {"help.commands_title", "Commands:"},
      {"help.contacts_group", "Commands for contacts:"},
      {"help.profile_group", "Commands for your profile in the network's directory:"},
      {"help.directory_group", "Commands for the network's directory of experts:"},
      {"help.contact-point_group", "Commands for the network's National Contact Points:"},
      {"help.introductions_group", "Commands for introductions:"},
      {"help.network_group", "Commands for the network and its charter:"},
      {"help.global_options",
       "Global options (anywhere on the line):\n"
       "  --home DIR     the node's home directory (default: $PARLEY_HOME, else\n"
       "                 $XDG_DATA_HOME/parley, else ~/.local/share/parley)\n"
       "  --json         print exactly one JSON document on standard output, errors too\n"
       "  --lang en|ru   language of messages (default: from LC_ALL, LC_MESSAGES, LANG)\n"
       "                 (after \"directory search\", --lang filters the search instead)\n"
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
      {"summary.contacts_remove", "forget a contact and your conversation"},
      {"summary.requests", "list people who wrote to you first"},
      {"summary.send", "send a message (TEXT \"-\": from stdin)"},
      {"summary.messages", "show the latest messages with a contact"},
      {"summary.chat", "talk with a contact live"},
      {"summary.network", "your network: charter, thematic areas"},
      {"summary.network_amend", "anchor: amend taxonomy, name or anchors"},
      {"summary.network_anchor-key", "your anchor key, to become an anchor"},
      {"summary.profile_set", "publish or change your profile"},
      {"summary.profile_show", "show your profile or a contact's"},
      {"summary.directory_search", "find experts in the network's directory"},
      {"summary.contact-point_add", "anchor: name a state's contact point"},
      {"summary.contact-point_suspend", "anchor: suspend a contact point"},
      {"summary.contact-point_list", "list the network's contact points"},
      {"summary.endorse", "endorse a contact as a member of ORG"},
      {"summary.revoke", "revoke a lost or stolen key, for good"},
      {"summary.introduce", "introduce two contacts to each other"},
      {"summary.introductions", "list introductions waiting for you"},
      {"summary.introductions_accept", "accept an introduction: a new contact"},
      {"summary.introductions_decline", "decline an introduction"},
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
       "them, whether they are online now, and their fingerprint. When someone has\n"
       "endorsed a contact, a last column says by whom, up to the anchor. A contact\n"
       "whose key is revoked shows REVOKED as its trust: messages to and from it are\n"
       "refused (in --json, \"revoked\" is true). A contact you accepted from an\n"
       "introduction shows \"introduced by\" and who introduced them, as the alias you\n"
       "gave that contact (in --json, \"introduced_by\").\n\n"
       "Examples:\n"
       "  parley contacts list\n"
       "  parley --json contacts list"},
      {"help.contacts_verify",
       "Shows the safety number you share with a contact: 60 digits that the contact sees\n"
       "too. Compare them in person or over a call where you recognise the voice. If all\n"
       "digits match, mark the contact as verified with --confirm. If they do not match,\n"
       "do not use this contact: the card may have been replaced on the way.\n\n"
       "When a contact's key changes (contacts list says KEY CHANGED), no message goes\n"
       "to them until you look at the new number, compare it and confirm it.\n\n"
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
      {"help.contacts_remove",
       "Forgets a contact: their card, the session with them, your whole conversation and\n"
       "the messages still waiting to go to them, and the introductions they made (people\n"
       "they introduced stay your contacts). It takes --yes, because nothing can undo it.\n"
       "Their node is not told. If they write to you again, it comes as a request that you\n"
       "can accept or reject (parley requests).\n\n"
       "Example:\n"
       "  parley contacts remove boris --yes"},
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
      {"help.network",
       "Shows the network your node belongs to, from its charter: the network's name and\n"
       "ID, the version of the charter, whether this node is an anchor of the network\n"
       "(it holds a key that signs the charter) or a member, and the fingerprint of\n"
       "the anchor key that signed the charter. Compare that fingerprint with the one\n"
       "your secretariat gave you: if they differ, your charter is not the network's.\n\n"
       "Then come the network's thematic areas, named in your language, each with its\n"
       "topics; * marks the states' current priorities. The short names on the left\n"
       "(slugs) are what \"parley profile set --areas\" and \"parley directory search\n"
       "--area\" take.\n\n"
       "Examples:\n"
       "  parley network\n"
       "  parley --lang ru network\n"
       "  parley --json network"},
      {"help.network_amend",
       "Amends the network's charter: its taxonomy (the thematic areas and their\n"
       "topics), its name, its anchors, or several at once. Only the network's first\n"
       "anchor (the secretariat's node) can do this. Your node signs the next version\n"
       "of the charter, and members' nodes receive it as the directory syncs. At least\n"
       "one option is needed. Afterwards the network is shown as \"parley network\"\n"
       "shows it.\n\n"
       "Anchors may delegate contact points, endorse members of any state, suspend and\n"
       "revoke. To make another node an anchor, its owner runs \"parley network\n"
       "anchor-key\" and gives you the key; compare its fingerprint with them first.\n"
       "Removing an anchor voids everything it signed: its delegations and\n"
       "endorsements stop counting. The first anchor cannot remove itself; make another\n"
       "anchor first, and that anchor can then remove it.\n\n"
       "To change the taxonomy, export it, edit the file, and give it back:\n"
       "  parley --json network > taxonomy.json\n"
       "  parley network amend --taxonomy taxonomy.json\n\n"
       "Areas and topics can be added and renamed (keep the slug, change \"name_en\"\n"
       "and \"name_ru\"), but an area cannot be removed: profiles name them. The file\n"
       "may also hold just the list of areas; keys other than \"areas\" are ignored. A\n"
       "new area may leave out \"priority\" (true or false) and \"topics\".\n\n"
       "Options:\n"
       "  --taxonomy FILE   the new taxonomy: a JSON file of at most 256 KiB\n"
       "  --name NAME       the network's new name\n"
       "  --add-anchor KEY  make the node whose anchor key this is an anchor\n"
       "  --remove-anchor FINGERPRINT   an anchor that is to be one no more\n"
       "  --first-anchor FINGERPRINT    the anchor that signs amendments from now on\n\n"
       "With --json: the network, as \"parley --json network\" prints it.\n\n"
       "Examples:\n"
       "  parley network amend --taxonomy taxonomy.json\n"
       "  parley network amend --name \"Prague Process\"\n"
       "  parley network amend --add-anchor parley-anchor:2vYk...\n"
       "  parley --json network amend --taxonomy taxonomy.json --name \"Prague Process\""},
      {"help.network_anchor-key",
       "Shows this node's anchor key, and makes one the first time. An anchor key is\n"
       "what the network's first anchor adds to the charter to make this node an anchor\n"
       "too (for a second secretariat office, say): give them the key, and compare its\n"
       "fingerprint with them in person or by phone. It is public; the secret half stays\n"
       "in this node's encrypted store. Once the amendment reaches this node, \"parley\n"
       "network\" shows it as an anchor.\n\n"
       "With --json: {\"key\", \"fingerprint\", \"anchor\"}, where anchor says whether the\n"
       "charter names the key already.\n\n"
       "Examples:\n"
       "  parley network anchor-key\n"
       "  parley --json network anchor-key"},
      {"help.profile_set",
       "Publishes your profile in the network's directory, or changes it, so that other\n"
       "members can find you. Your node signs a new version with your key; the others\n"
       "receive it as the directory syncs. Give only the fields you want to change: the\n"
       "rest keep their values. At least one option is needed. Afterwards the profile\n"
       "is shown as \"parley profile show\" shows it.\n\n"
       "Options:\n"
       "  --name-latin S       your name in Latin script (\"Anna Petrova\")\n"
       "  --name-cyrillic S    your name in Cyrillic script (\"Анна Петрова\")\n"
       "  --state XX           the state you work for: ISO 3166 code (UZ, AM, DE)\n"
       "  --org S              your organisation (ministry, agency, ...)\n"
       "  --role S             your position there\n"
       "  --areas SLUG,...     the thematic areas you work on, separated by commas;\n"
       "                       \"parley network\" lists them; --areas \"\" clears them\n"
       "  --languages xx,...   the languages you speak: ISO 639-1 codes (ru,en)\n"
       "  --bio S              a few sentences about your work\n\n"
       "A name in one script is enough, but give both if you have them: a search finds\n"
       "either. Quote values that contain spaces.\n\n"
       "Examples:\n"
       "  parley profile set --name-latin \"Anna Petrova\" --name-cyrillic \"Анна Петрова\"\n"
       "  parley profile set --state UZ --org \"Migration Agency\" --role \"Deputy Head\"\n"
       "  parley profile set --areas legal-migration,integration --languages ru,en\n"
       "  parley profile set --areas \"\""},
      {"help.profile_show",
       "Shows a profile as your node holds it: your own without ALIAS, or that of the\n"
       "contact you saved as ALIAS. It lists the names, state, organisation, role, areas\n"
       "and languages, how you know the person (trust), and the version of the profile\n"
       "with when it was updated and when it expires. Renew your own before it expires\n"
       "with \"parley profile set\".\n\n"
       "Trust is one of: you; verified contact (you compared safety numbers); contact,\n"
       "not verified; contact, KEY CHANGED (compare safety numbers again); endorsed;\n"
       "unknown; REVOKED. An endorsement is shown with who made it, up to the anchor:\n"
       "\"endorsed by the anchor 3f2a 91c0\" (the first digits of the anchor's\n"
       "fingerprint), or \"endorsed by NAME (contact point of AM) ← anchor 3f2a 91c0\"\n"
       "(compare the digits with \"parley network\"). REVOKED means the key was\n"
       "revoked (lost or stolen): trust nothing signed with it. In --json: \"trust\" is\n"
       "self, verified, contact, key-changed, endorsed, revoked or unknown, and\n"
       "\"endorsements\" lists them.\n\n"
       "Examples:\n"
       "  parley profile show\n"
       "  parley profile show ivanov\n"
       "  parley --json profile show ivanov"},
      {"help.directory_search",
       "Searches the network's directory of experts. TEXT is looked for in names,\n"
       "organisations, roles and bios, in Latin and Cyrillic script alike (\"Ivanova\"\n"
       "also finds \"Иванова\"); several words are joined. Without TEXT, everyone the\n"
       "filters allow is listed. The best matches come first, 20 to a page.\n\n"
       "Options:\n"
       "  --state XX     only experts of this state (ISO 3166 code: UZ, AM, ...)\n"
       "  --area SLUG    only those who work on this area (\"parley network\" lists them)\n"
       "  --lang xx      only those who speak this language (ISO 639-1 code: ru, en)\n"
       "  --limit N      results per page, from 1 to 100 (default 20)\n"
       "  --offset N     skip the first N results, to see the next page\n\n"
       "After the command, --lang is this filter. To choose the language of parley's\n"
       "messages, put --lang before the command: parley --lang ru directory search ...\n\n"
       "Each result says how you know the person: verified contact, contact, contact\n"
       "whose KEY CHANGED, endorsed (by whom, up to the anchor), unknown, or REVOKED\n"
       "(the key is revoked). --json prints the results as a list.\n\n"
       "Examples:\n"
       "  parley directory search labour migration\n"
       "  parley directory search Иванова --state UZ\n"
       "  parley directory search --area return-reintegration --lang ru\n"
       "  parley directory search --state AM --limit 50 --offset 50\n"
       "  parley --json directory search reintegration"},
      {"help.contact-point_add",
       "Names a contact the National Contact Point of a state. Only the network's anchor\n"
       "(the secretariat's node) can do this; \"parley network\" shows whether this node\n"
       "is one. Each state has one National Contact Point. Your node signs the\n"
       "delegation; members' nodes learn of it as the directory syncs, and from then on\n"
       "the contact point can endorse members of its state with \"parley endorse\".\n\n"
       "Options:\n"
       "  --state XX   the state they speak for: ISO 3166 code (UZ, AM, DE)\n\n"
       "Examples:\n"
       "  parley contact-point add ivanov --state AM\n"
       "  parley --json contact-point add ivanov --state AM"},
      {"help.contact-point_suspend",
       "Suspends a National Contact Point (the anchor only). Every endorsement it made\n"
       "stops counting, everywhere: members' nodes drop them as the directory syncs, and\n"
       "the people it endorsed are visible only to their contacts again until someone\n"
       "endorses them anew. Use it when a contact point leaves its post or may have lost\n"
       "its key.\n\n"
       "Example:\n"
       "  parley contact-point suspend ivanov"},
      {"help.contact-point_list",
       "Lists the network's National Contact Points as your node knows them: the state,\n"
       "their name and alias, whether each is active or suspended, when it was\n"
       "delegated, and its fingerprint. Anyone can run it, to see who may endorse\n"
       "members of a state.\n\n"
       "Examples:\n"
       "  parley contact-point list\n"
       "  parley --json contact-point list"},
      {"help.endorse",
       "Endorses a contact as a member of an organisation of their state: you vouch that\n"
       "the key belongs to someone who works there. Only the network's anchor and the\n"
       "National Contact Points can endorse, and a contact point only members of its own\n"
       "state (the state in the contact's profile). The contact must have sent you their\n"
       "profile, so that you see what you vouch for: parley profile show ALIAS.\n\n"
       "An endorsed profile is visible to every member of the network, not only to the\n"
       "person's contacts, and shows who endorsed it, up to the anchor.\n\n"
       "Options:\n"
       "  --org ORG   the organisation, as it should be shown\n\n"
       "Examples:\n"
       "  parley endorse ivanov --org \"State Migration Service\"\n"
       "  parley --json endorse ivanov --org \"State Migration Service\""},
      {"help.revoke",
       "Revokes an identity key for good, when it is lost or stolen. Every node of the\n"
       "network stops trusting the key as the directory syncs: it hides its profile and\n"
       "refuses its messages. Revocation cannot be undone: the owner sets up a new node\n"
       "(parleyd init) and shares its new card.\n\n"
       "Give one of:\n"
       "  --export FILE    sign a revocation of this node's key and only write it to\n"
       "                   FILE, a new file readable by you alone; nothing is revoked\n"
       "                   yet. Do it right after setting up, and keep the file\n"
       "                   offline: on paper or a USB stick.\n"
       "  --publish FILE   publish a certificate made with --export, from any node of\n"
       "                   the network: a colleague's, or your new one\n"
       "  --member ALIAS   revoke the key of contact ALIAS: only the anchor, or the\n"
       "                   contact point that endorsed them, can\n"
       "  --yes            revoke this node's own key, now\n\n"
       "\"parley revoke\" alone does nothing: it warns, and --yes confirms.\n\n"
       "With --json: \"fingerprint\" and \"file\" for --export; otherwise \"fingerprint\",\n"
       "\"published\" and, when the key is a contact's, \"alias\".\n\n"
       "Examples:\n"
       "  parley revoke --export revocation.txt\n"
       "  parley revoke --publish /media/usb/revocation.txt\n"
       "  parley revoke --member ivanov\n"
       "  parley revoke --yes\n"
       "  parley --json revoke --publish revocation.txt"},
      {"help.introduce",
       "Introduces two of your contacts to each other: each is sent the other's card and\n"
       "your note, signed by your node, over your encrypted session with them. Each sees\n"
       "the introduction in \"parley introductions\" and accepts it with \"parley\n"
       "introductions accept ID\" or declines it. An accepted contact is shown as\n"
       "\"introduced by\" you: they trust your word, not a safety number they compared.\n\n"
       "Options:\n"
       "  --note TEXT   why they should talk, at most 1024 bytes (quote it)\n\n"
       "With --json: \"id1\" and \"id2\", the ids of the two messages that carry it.\n\n"
       "Examples:\n"
       "  parley introduce anna ivanov --note \"You both work on return\"\n"
       "  parley --json introduce anna ivanov"},
      {"help.introductions",
       "Lists introductions waiting for you: a contact (FROM) introduces someone (NAME,\n"
       "with the first digits of their fingerprint) and may add a note. Accept one with\n"
       "\"parley introductions accept ID\": the person becomes a contact shown as\n"
       "\"introduced by\" whoever introduced them. Decline it with \"parley introductions\n"
       "decline ID\". Compare safety numbers when you meet, to mark them verified.\n\n"
       "With --json: a list of \"id\", \"introducer\", \"name\", \"fingerprint\" (whole),\n"
       "\"note\" and \"received_at\".\n\n"
       "Examples:\n"
       "  parley introductions\n"
       "  parley --json introductions"},
      {"help.introductions_accept",
       "Accepts an introduction: the person introduced becomes your contact, shown as\n"
       "\"introduced by\" the contact who introduced them (\"introduced_by\" in --json).\n"
       "\"parley introductions\" shows the ID.\n\n"
       "Options:\n"
       "  --alias ALIAS   the alias to save them under (default: from the name in\n"
       "                  their card)\n\n"
       "Examples:\n"
       "  parley introductions accept 3\n"
       "  parley introductions accept 3 --alias petrov"},
      {"help.introductions_decline",
       "Declines an introduction: it is forgotten and nobody is added. \"parley\n"
       "introductions\" shows the ID.\n\n"
       "Example:\n"
       "  parley introductions decline 3"},
      {"help.help",
       "Shows the list of commands, or the details and examples of one command.\n\n"
       "Examples:\n"
       "  parley help\n"
       "  parley help contacts add"},
  };
  return kMessages;
}

}  // namespace parley::client::i18n
