#include "readyctl/gameday/http_client.hpp"

#include <chrono>
#include <memory>

#include "readyctl/core/libcurl.hpp"

namespace readyctl::gameday {

namespace {

size_t append_body(char* data, size_t size, size_t count, void* user)
{
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

curl_slist* header_list(const HttpRequest& request)
{
  curl_slist* list = nullptr;
  for (const auto& [name, value] : request.headers) list = libcurl().slist_append(list, (name + ": " + value).c_str());
  return list;
}

void configure(CURL* curl, const HttpRequest& request, curl_slist* headers, std::string* body)
{
  libcurl().easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  libcurl().easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  libcurl().easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  libcurl().easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout_seconds * 1000));
  libcurl().easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
  libcurl().easy_setopt(curl, CURLOPT_WRITEDATA, body);
  libcurl().easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  if (!request.body.empty() || request.method == "POST" || request.method == "PUT") {
    libcurl().easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.c_str());
    libcurl().easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(request.body.size()));
  }
}

}  // namespace

HttpResponse http_request(const HttpRequest& request)
{
  HttpResponse response;
  std::unique_ptr<CURL, CurlHandleDeleter> curl(libcurl().easy_init());
  std::unique_ptr<curl_slist, CurlListDeleter> headers(header_list(request));
  configure(curl.get(), request, headers.get(), &response.body);
  auto start = std::chrono::steady_clock::now();
  CURLcode code = libcurl().easy_perform(curl.get());
  response.elapsed_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (code != CURLE_OK) {
    response.error = libcurl().easy_strerror(code);
    response.refused = code == CURLE_COULDNT_CONNECT;
    return response;
  }
  libcurl().easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &response.status);
  return response;
}

std::string url_encode(const std::string& text)
{
  std::unique_ptr<CURL, CurlHandleDeleter> curl(libcurl().easy_init());
  char* encoded = libcurl().easy_escape(curl.get(), text.c_str(), static_cast<int>(text.size()));
  std::string out = encoded ? encoded : "";
  libcurl().free(encoded);
  return out;
}

}  // namespace readyctl::gameday
