// TODO(crypto helper): implement crypto/x3dh.h
