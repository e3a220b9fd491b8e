# The scaffold module lists its core sources and tests here.
