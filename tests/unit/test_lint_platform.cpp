#include <doctest/doctest.h>

#include "readyctl/lint/checks/platform_dapr.hpp"

using namespace readyctl::lint;

TEST_SUITE("lint")
{
  TEST_CASE("dapr credential names: the last word names a credential, not a key prefix or partition key")
  {
    for (const char* name : {"redisPassword", "password", "saslPassword", "accessKey", "secretKey", "apiKey",
                             "APIKey", "X-API-Key", "api_key", "masterKey", "clientSecret", "authToken", "sasToken",
                             "Authorization", "connectionString", "key", "credentials"}) {
      CAPTURE(name);
      CHECK(dapr::is_credential_name(name));
    }
    for (const char* name : {"redisHost", "keyPrefix", "partitionKey", "routingKey", "tokenURL", "actorStateStore",
                             "enableTLS", "consumerID", "passwordFile", "", "Content-Type"}) {
      CAPTURE(name);
      CHECK_FALSE(dapr::is_credential_name(name));
    }
  }
}
