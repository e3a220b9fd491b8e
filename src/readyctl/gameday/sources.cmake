# The gameday module lists its core sources and tests here.
