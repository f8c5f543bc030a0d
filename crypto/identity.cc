// TODO(crypto helper): implement crypto/identity.h
