// TODO(crypto helper): implement crypto/session_record.h
