// `parley chat ALIAS`: a live conversation with one contact.
//
// Order of start-up, so that nothing is missed: subscribe to events, then
// fetch the last kChatHistory messages; events and history are de-duplicated
// by message id. Then one loop polls the events socket and standard input
// (zmq::poll with a raw fd), so it works on a terminal and on a pipe alike.
//
// Output, one line per item, flushed at once (times are local):
//   [16:01] alice: text        a message from the contact
//   [16:01] me: text           a message of ours: history, or the ack of a send
//   ✓ sent: text               a message of ours left this node
//   ✓✓ delivered: text         ... and the contact stored it
//   * alice is online          presence changes
// History lines of ours end in "  ✓" / "  ✓✓" once sent / delivered.
// Continuation lines of multi-line texts are indented by four spaces.
// Input: one message per line; "/quit" or end of input leaves, "/help" lists
// the chat commands, "//text" sends "/text".
#pragma once

#include "client/cli/commands.h"

namespace parley::client {

// Handler of `chat` in the dispatch table. Ends with success on /quit or end
// of input; fails when the contact is unknown or the daemon goes away.
Status RunChat(cli::Invocation& inv);

}  // namespace parley::client
