// TODO(crypto helper): implement crypto/fingerprint.h
