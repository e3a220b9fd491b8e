#include "readyctl/io/libcurl.hpp"

#include <string>

#include <dlfcn.h>

#include "readyctl/core/error.hpp"

namespace readyctl::io {

namespace {

constexpr const char* k_soname = "libcurl.so.4";

template <class Fn>
void bind(void* lib, Fn& fn, const char* name)
{
  void* sym = ::dlsym(lib, name);
  if (!sym) throw EnvironmentError(std::string(k_soname) + ": has no " + name + " (libcurl older than 7.62?)");
  fn = reinterpret_cast<Fn>(sym);
}

Libcurl open_libcurl()
{
  void* lib = ::dlopen(k_soname, RTLD_NOW | RTLD_LOCAL);
  if (!lib)
    throw EnvironmentError(std::string("cannot load ") + k_soname + " (install the libcurl4 package): " + ::dlerror());
  Libcurl c{};
  bind(lib, c.easy_init, "curl_easy_init");
  bind(lib, c.easy_setopt, "curl_easy_setopt");
  bind(lib, c.easy_perform, "curl_easy_perform");
  bind(lib, c.easy_getinfo, "curl_easy_getinfo");
  bind(lib, c.easy_cleanup, "curl_easy_cleanup");
  bind(lib, c.easy_strerror, "curl_easy_strerror");
  bind(lib, c.easy_escape, "curl_easy_escape");
  bind(lib, c.free, "curl_free");
  bind(lib, c.slist_append, "curl_slist_append");
  bind(lib, c.slist_free_all, "curl_slist_free_all");
  CURLcode (*global_init)(long) = nullptr;
  bind(lib, global_init, "curl_global_init");
  if (global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw EnvironmentError("libcurl failed to initialise");
  return c;  // the library stays open for the life of the process
}

}  // namespace

const Libcurl& libcurl()
{
  static const Libcurl lib = open_libcurl();  // a throw here leaves it unset: the next call tries again
  return lib;
}

}  // namespace readyctl::io
