// TODO(crypto helper): implement crypto/sign.h
