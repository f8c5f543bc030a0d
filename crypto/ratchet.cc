// TODO(crypto helper): implement crypto/ratchet.h
