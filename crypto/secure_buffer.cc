// TODO(crypto helper): implement crypto/secure_buffer.h
