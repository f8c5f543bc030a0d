// TODO(crypto helper): implement crypto/random.h
