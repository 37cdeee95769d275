// OpenSSL's low-level SHA-256, on purpose. The EVP interface fetches the
// digest from a provider, and the first fetch in a process loads openssl.cnf
// and initialises the default provider: about 6 million instructions, more
// than everything else a fresh host does to answer `hello` and a full `check`
// (bench/README.md). The browser may start a host per message, so that cost
// is paid per message. The low-level functions are deprecated in OpenSSL 3
// but remain, compute the same digest, and touch nothing global.
#define OPENSSL_SUPPRESS_DEPRECATED
#include "crypto/sha256.h"

#include <openssl/sha.h>

#include <array>

namespace oneself::crypto {

std::string Sha256Hex(std::string_view bytes) {
  std::array<unsigned char, SHA256_DIGEST_LENGTH> md{};
  SHA256_CTX ctx;
  SHA256_Init(&ctx);
  SHA256_Update(&ctx, bytes.data(), bytes.size());
  SHA256_Final(md.data(), &ctx);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(md.size() * 2);
  for (unsigned char byte : md) {
    out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 0xf]);
  }
  return out;
}

}  // namespace oneself::crypto
