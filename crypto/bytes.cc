// TODO(crypto helper): implement crypto/bytes.h
