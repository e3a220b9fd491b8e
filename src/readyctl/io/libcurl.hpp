// libcurl, opened on first use instead of linked, for io/http.cpp only: loading it pulls in ~30 libraries (OpenSSL,
// GSSAPI, LDAP, …) whose relocations and curl_global_init were most of every invocation's start-up, ~17 ms of a
// 20 ms `readyctl --version`, paid by each `readyctl lint` in CI though only baseline and gameday talk HTTP.
#pragma once
#include <curl/curl.h>

namespace readyctl::io {

struct Libcurl {
  CURL* (*easy_init)();
  CURLcode (*easy_setopt)(CURL*, CURLoption, ...);
  CURLcode (*easy_perform)(CURL*);
  CURLcode (*easy_getinfo)(CURL*, CURLINFO, ...);
  void (*easy_cleanup)(CURL*);
  const char* (*easy_strerror)(CURLcode);
  char* (*easy_escape)(CURL*, const char*, int);
  void (*free)(void*);
  curl_slist* (*slist_append)(curl_slist*, const char*);
  void (*slist_free_all)(curl_slist*);
};

// The library, opened and globally initialised once (thread-safe); EnvironmentError (exit 3) naming libcurl.so.4
// when it cannot be opened or initialised.
const Libcurl& libcurl();

// Owners for curl handles and header lists.
struct CurlHandleDeleter {
  void operator()(CURL* c) const { libcurl().easy_cleanup(c); }
};
struct CurlListDeleter {
  void operator()(curl_slist* l) const { libcurl().slist_free_all(l); }
};

}  // namespace readyctl::io
