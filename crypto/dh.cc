// TODO(crypto helper): implement crypto/dh.h
