// ONESELF_SANITIZED: built with a sanitizer whose runtime must see every
// allocation and every free (AddressSanitizer, LeakSanitizer,
// MemorySanitizer). What the ordinary binary does for speed around memory
// (its own operator new, exiting without teardown) is left out then.
#pragma once

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer) || __has_feature(memory_sanitizer)
#define ONESELF_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define ONESELF_SANITIZED 1
#endif
