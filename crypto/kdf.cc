// TODO(crypto helper): implement crypto/kdf.h
