#!/usr/bin/env bash
# The host has no network code (docs/security.md): the `oneself`
# binary imports no socket or name-resolution function and links no TLS or
# HTTP library. OpenSSL's libcrypto is linked for SHA-256 only; its own
# socket BIOs are never reached because nothing here imports them.
#
#   no_network.sh PATH/TO/oneself
set -euo pipefail
bin="$1"
[ -x "$bin" ] || { echo "no_network: $bin is not an executable" >&2; exit 1; }

if command -v nm >/dev/null; then
  imports="$(nm -D --undefined-only "$bin" | awk '{print $NF}' | sed 's/@.*//')"
else
  imports="$(objdump -T "$bin" | awk '/\*UND\*/ {print $NF}')"
fi
[ -n "$imports" ] || { echo "no_network: could not read the dynamic imports of $bin" >&2; exit 1; }

forbidden=(socket socketpair connect bind listen accept accept4 shutdown
  send sendto sendmsg sendmmsg recv recvfrom recvmsg recvmmsg setsockopt getsockopt
  getpeername getsockname getaddrinfo getnameinfo gethostbyname gethostbyname2
  gethostbyname_r gethostbyaddr inet_pton inet_ntop inet_aton inet_addr
  res_query res_search res_init __res_init if_nametoindex
  SSL_new SSL_connect SSL_CTX_new curl_easy_init curl_easy_perform)
bad=0
for f in "${forbidden[@]}"; do
  if grep -qx -- "$f" <<<"$imports"; then
    echo "no_network: $bin imports $f" >&2
    bad=1
  fi
done

# Libraries that exist to talk to the network must not be linked at all.
needed="$(readelf -d "$bin" 2>/dev/null | awk '/NEEDED/ {print $NF}' | tr -d '[]')"
for lib in libssl libcurl libgnutls libnss3 libresolv libsoup libzmq; do
  if grep -q "^$lib" <<<"$needed"; then
    echo "no_network: $bin links $lib" >&2
    bad=1
  fi
done

count="$(wc -l <<<"$imports")"
if [ "$bad" = 0 ]; then
  echo "no_network: $count imported symbols checked, none is network code"
fi
exit "$bad"
