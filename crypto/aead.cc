// TODO(crypto helper): implement crypto/aead.h
