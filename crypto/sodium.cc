// TODO(crypto helper): implement crypto/sodium.h
