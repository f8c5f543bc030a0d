// TODO(crypto helper): implement crypto/prekey.h
