// TODO(crypto helper): implement crypto/ratchet_message.h
